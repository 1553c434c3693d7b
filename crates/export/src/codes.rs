//! Code tables: CAMEO actor code parts (countries, regions, types, religions, from `data/`),
//! GeoNames feature -> GDELT geography type, and byte -> character offsets.

use crate::fields::{Float, Location};
use crate::tables::{ActorCols, GeoCols};
use sitrep_doc::Geo;
use std::collections::HashMap;
use std::sync::OnceLock;

/// ISO 3166 alpha-3 codes of sitrep's GeoNames extract (made by `data/make_country_codes.py`).
const COUNTRY_CODES: &str = include_str!("../data/country_codes.txt");
/// CAMEO actor-code parts that are not countries: regions, types, religions (`data/`).
const CAMEO_PARTS: &str = include_str!("../data/cameo_actor_parts.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// A CountryCode: an ISO country or a CAMEO region.
    Country,
    /// Type1..3.
    Type,
    /// Religion1..2.
    Religion,
}

/// What each known 3-letter chunk of an actor code is.
fn parts() -> &'static HashMap<&'static str, Part> {
    static P: OnceLock<HashMap<&'static str, Part>> = OnceLock::new();
    P.get_or_init(|| {
        let mut parts = HashMap::new();
        for code in COUNTRY_CODES.lines().filter(|l| !l.starts_with('#')) {
            parts.insert(code.trim(), Part::Country);
        }
        for line in CAMEO_PARTS.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let (code, part) = line.split_once('\t').unwrap_or((line, ""));
            let part = match part {
                "region" => Part::Country,
                "type" => Part::Type,
                "religion" => Part::Religion,
                // The file is embedded and checked by a test: no other value reaches here.
                _ => continue,
            };
            parts.insert(code, part);
        }
        parts
    })
}

fn part(chunk: &str) -> Option<Part> {
    parts().get(chunk).copied()
}

/// Splits a CAMEO actor code into GDELT's ten actor columns, the way GDELT fills them:
/// 3-letter chunks; a leading country or region code is the CountryCode, role codes fill
/// Type1..3, religion codes Religion1..2, and any other chunk is the KnownGroupCode
/// ("IGOWSTNAT": Type1 IGO, CountryCode WST, KnownGroup NAT). Ethnic codes are not
/// recognised (left empty). A code whose length is not a multiple of 3 is kept whole.
pub fn split_actor(code: &str, name: &str) -> ActorCols {
    let mut a = ActorCols {
        code: code.to_string(),
        name: name.to_string(),
        ..ActorCols::default()
    };
    if code.is_empty() || !code.len().is_multiple_of(3) || !code.is_ascii() {
        return a;
    }
    let mut types = Vec::new();
    let mut religions = Vec::new();
    for (i, chunk) in (0..code.len()).step_by(3).map(|i| (i, &code[i..i + 3])) {
        let part = part(chunk);
        if part == Some(Part::Type) {
            types.push(chunk);
        } else if part == Some(Part::Religion) {
            religions.push(chunk);
        } else if a.country.is_empty()
            && part == Some(Part::Country)
            && (i == 0
                || types
                    .iter()
                    .all(|t| matches!(*t, "IGO" | "NGO" | "IMG" | "MNC" | "NGM" | "INT")))
        {
            a.country = chunk.to_string();
        } else if a.known_group.is_empty() {
            a.known_group = chunk.to_string();
        }
    }
    let mut t = types.into_iter().map(str::to_string);
    a.type1 = t.next().unwrap_or_default();
    a.type2 = t.next().unwrap_or_default();
    a.type3 = t.next().unwrap_or_default();
    let mut r = religions.into_iter().map(str::to_string);
    a.religion1 = r.next().unwrap_or_default();
    a.religion2 = r.next().unwrap_or_default();
    a
}

/// GDELT geography type of a place: 1 country, 2 US state, 3 US city, 4 world city,
/// 5 world state (ADM1).
pub fn geo_type(g: &Geo) -> u8 {
    let us = g.country_iso3 == "USA" || g.country_fips == "US";
    if g.feature.starts_with("PCL") {
        1
    } else if g.feature == "ADM1" {
        if us {
            2
        } else {
            5
        }
    } else if us {
        3
    } else {
        4
    }
}

/// The place's FIPS country code, as the names stage found it in its gazetteer.
fn country_fips(g: &Geo) -> String {
    g.country_fips.clone()
}

/// GDELT's FeatureID: the country code for countries, the ADM1 code for ADM1 regions, the
/// GeoNames id otherwise (GDELT uses GNS ids; ours are GeoNames ids).
fn feature_id(g: &Geo, t: u8) -> String {
    match t {
        1 => country_fips(g),
        2 | 5 if !g.adm1.is_empty() => g.adm1.clone(),
        _ => g.geonames_id.to_string(),
    }
}

fn adm1(g: &Geo, t: u8) -> String {
    if t == 1 || g.adm1.is_empty() {
        country_fips(g)
    } else {
        g.adm1.clone()
    }
}

/// The eight event geography columns of a place (type 0 and empties for none).
pub fn geo_cols(g: Option<&Geo>) -> GeoCols {
    let Some(g) = g else {
        return GeoCols::default();
    };
    let t = geo_type(g);
    GeoCols {
        geo_type: t,
        full_name: crate::fields::clean(&g.name, &[]),
        country: country_fips(g),
        adm1: adm1(g, t),
        adm2: String::new(),
        lat: Some(Float::rounded(g.lat, 4)),
        long: Some(Float::rounded(g.lon, 4)),
        feature_id: feature_id(g, t),
    }
}

/// A GKG location entry of a place; `offset` Some for V2 (with the ADM2 field).
pub fn location(g: &Geo, offset: Option<i64>) -> Location {
    let t = geo_type(g);
    Location {
        loc_type: Some(t),
        full_name: crate::fields::clean(&g.name, &[';', '#']),
        country: country_fips(g),
        adm1: adm1(g, t),
        adm2: offset.map(|_| String::new()),
        lat: Some(Float::rounded(g.lat, 4)),
        long: Some(Float::rounded(g.lon, 4)),
        feature_id: feature_id(g, t),
        offset,
    }
}

/// Byte offsets -> character offsets (GDELT counts characters). O(k) memory for k
/// multi-byte characters; ASCII text costs nothing.
pub struct CharIndex {
    /// (byte offset of a multi-byte char, extra bytes before and including it).
    extra: Vec<(u32, u32)>,
    len_chars: u64,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut extra = Vec::new();
        let mut acc = 0u32;
        if !text.is_ascii() {
            for (i, c) in text.char_indices() {
                let n = c.len_utf8() as u32;
                if n > 1 {
                    acc += n - 1;
                    extra.push((i as u32, acc));
                }
            }
        }
        CharIndex {
            extra,
            len_chars: (text.len() - acc as usize) as u64,
        }
    }

    /// The character offset of a byte offset (on a char boundary).
    pub fn char_of(&self, byte: usize) -> i64 {
        let k = self.extra.partition_point(|&(b, _)| (b as usize) < byte);
        let before = if k == 0 { 0 } else { self.extra[k - 1].1 };
        byte as i64 - i64::from(before)
    }

    pub fn len_chars(&self) -> u64 {
        self.len_chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split() {
        const CASES: &[(&str, [&str; 8])] = &[
            // code: country, group, rel1, rel2, type1, type2, type3, (unused)
            ("RUSGOV", ["RUS", "", "", "", "GOV", "", "", ""]),
            ("USA", ["USA", "", "", "", "", "", "", ""]),
            ("IGOWSTNAT", ["WST", "NAT", "", "", "IGO", "", "", ""]),
            ("IGOUNO", ["", "UNO", "", "", "IGO", "", "", ""]),
            ("GBRCOP", ["GBR", "", "", "", "COP", "", "", ""]),
            ("LAB", ["", "", "", "", "LAB", "", "", ""]),
            ("SYRREBMOS", ["SYR", "", "MOS", "", "REB", "", "", ""]),
            ("USAGOVMILLEG", ["USA", "", "", "", "GOV", "MIL", "LEG", ""]),
            ("XX", ["", "", "", "", "", "", "", ""]),
        ];
        for (code, w) in CASES {
            let a = split_actor(code, "N");
            let got = [
                &a.country,
                &a.known_group,
                &a.religion1,
                &a.religion2,
                &a.type1,
                &a.type2,
                &a.type3,
            ];
            let want: Vec<&str> = w[..7].to_vec();
            assert_eq!(got.map(String::as_str).to_vec(), want, "case {code}");
            assert_eq!(a.code, *code);
        }
    }

    #[test]
    fn char_offsets() {
        let t = "aé€😀b";
        let ix = CharIndex::new(t);
        let bytes: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
        for (chars, &b) in bytes.iter().enumerate() {
            assert_eq!(ix.char_of(b), chars as i64, "byte {b}");
        }
        assert_eq!(ix.len_chars(), 5);
        assert_eq!(CharIndex::new("abc").char_of(2), 2);
    }

    #[test]
    fn actor_code_parts_are_read_from_the_data_files() {
        assert_eq!(part("RUS"), Some(Part::Country));
        assert_eq!(part("WST"), Some(Part::Country));
        assert_eq!(part("GOV"), Some(Part::Type));
        assert_eq!(part("SHI"), Some(Part::Religion));
        assert_eq!(part("NAT"), None);
        // Every row of the parts file names a known part, and no code is listed twice.
        let rows: Vec<&str> = CAMEO_PARTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .collect();
        let mut seen = std::collections::HashSet::new();
        for row in &rows {
            let (code, part) = row.split_once('\t').expect("code<TAB>part");
            assert!(matches!(part, "region" | "type" | "religion"), "{row}");
            assert!(seen.insert(code), "{code} listed twice");
        }
        assert!(
            COUNTRY_CODES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .count()
                > 240
        );
    }

    #[test]
    fn geo_types() {
        let g = Geo {
            geonames_id: 2660646,
            name: "Geneva".into(),
            lat: 46.20222,
            lon: 6.14569,
            country_iso3: "CHE".into(),
            country_fips: "SZ".into(),
            adm1: "SZ07".into(),
            feature: "PPLA".into(),
        };
        let c = geo_cols(Some(&g));
        assert_eq!(
            (c.geo_type, c.country.as_str(), c.adm1.as_str()),
            (4, "SZ", "SZ07")
        );
        assert_eq!(c.lat.unwrap().as_str(), "46.2022");
        assert_eq!(c.feature_id, "2660646");
        let mut w = String::new();
        crate::fields::Entry::write(&location(&g, Some(12)), &mut w);
        assert_eq!(w, "4#Geneva#SZ#SZ07##46.2022#6.1457#2660646#12");
    }
}
