//! Code tables: CAMEO actor code parts, countries (ISO3 <-> FIPS), GeoNames feature -> GDELT
//! geography type, and byte -> character offsets.

use crate::fields::{Float, Location};
use crate::tables::{ActorCols, GeoCols};
use sitrep_doc::Geo;
use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");

/// CAMEO regional and special "country" codes that are not ISO 3166 alpha-3.
const CAMEO_REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "BLT", "CAF", "CAS", "CAU", "CEU", "CRB", "EAF", "EEU", "EIN", "EUR",
    "FRO", "KSV", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA",
    "SAS", "WAF", "WEU", "WST", "AME", "NAM",
];

/// CAMEO actor role/type codes GDELT writes in Type1..3 (from the CAMEO actor codebook).
const CAMEO_TYPES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", "SET",
];

/// CAMEO religion codes (Religion1/Religion2).
const CAMEO_RELIGIONS: &[&str] = &[
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MUS", "NRM", "PAG", "PRO", "SFI", "SHI", "SHN",
    "SIK", "SUN", "TAO", "UDX", "ZRO",
];

struct Countries {
    iso3_to_fips: HashMap<&'static str, &'static str>,
}

fn countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(|| {
        let mut iso3_to_fips = HashMap::new();
        for line in COUNTRIES_TSV.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            if let (Some(iso3), Some(fips)) = (f.next(), f.next()) {
                iso3_to_fips.insert(iso3, fips);
            }
        }
        Countries { iso3_to_fips }
    })
}

/// The FIPS 10-4 code of an ISO alpha-3 country ("CHE" -> "SZ").
pub fn fips_of_iso3(iso3: &str) -> Option<&'static str> {
    countries()
        .iso3_to_fips
        .get(iso3)
        .copied()
        .filter(|f| !f.is_empty())
}

fn is_country(chunk: &str) -> bool {
    countries().iso3_to_fips.contains_key(chunk) || CAMEO_REGIONS.contains(&chunk)
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
        if CAMEO_TYPES.contains(&chunk) {
            types.push(chunk);
        } else if CAMEO_RELIGIONS.contains(&chunk) {
            religions.push(chunk);
        } else if a.country.is_empty()
            && is_country(chunk)
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

fn country_fips(g: &Geo) -> String {
    if !g.country_fips.is_empty() {
        g.country_fips.clone()
    } else {
        fips_of_iso3(&g.country_iso3)
            .unwrap_or_default()
            .to_string()
    }
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
    fn fips_and_geo_types() {
        assert_eq!(fips_of_iso3("CHE"), Some("SZ"));
        assert_eq!(fips_of_iso3("GBR"), Some("UK"));
        assert_eq!(fips_of_iso3("IRL"), Some("EI"));
        let g = Geo {
            geonames_id: 2660646,
            name: "Geneva".into(),
            lat: 46.20222,
            lon: 6.14569,
            country_iso3: "CHE".into(),
            country_fips: String::new(),
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
