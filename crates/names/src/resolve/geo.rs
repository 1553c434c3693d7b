//! Geocoding: GeoNames records for countries, cities and US states, and the choice among
//! cities of one name.

use super::Qualifier;
use crate::lexicon::{CityId, CountryId, Lexicon, StateId};
use crate::normalize::fold_phrase;
use rustc_hash::FxHashMap as FxMap;
use sitrep_doc::Geo;

/// A country's GeoNames record (feature PCLI).
pub(super) fn country_geo(lex: &Lexicon, c: CountryId) -> Geo {
    let co = lex.country(c);
    Geo {
        geonames_id: co.geonameid,
        name: co.name.clone(),
        lat: co.lat,
        lon: co.lon,
        country_iso3: co.iso3.clone(),
        country_fips: co.fips.clone(),
        adm1: String::new(),
        feature: "PCLI".into(),
    }
}

/// A city's GeoNames record (PPLC for a capital, else PPL).
pub(super) fn city_geo(lex: &Lexicon, c: CityId) -> Geo {
    let city = lex.city(c);
    let co = lex.country(city.country);
    Geo {
        geonames_id: city.geonameid,
        name: city.name.clone(),
        lat: city.lat,
        lon: city.lon,
        country_iso3: co.iso3.clone(),
        country_fips: co.fips.clone(),
        adm1: city.adm1.clone(),
        feature: if city.capital {
            "PPLC".into()
        } else {
            "PPL".into()
        },
    }
}

/// A US state's GeoNames record (ADM1).
pub(super) fn state_geo(lex: &Lexicon, s: StateId) -> Geo {
    let st = lex.state(s);
    Geo {
        geonames_id: st.geonameid,
        name: st.name.clone(),
        lat: st.lat,
        lon: st.lon,
        country_iso3: "USA".into(),
        country_fips: "US".into(),
        adm1: format!("US{}", st.code),
        feature: "ADM1".into(),
    }
}

/// The most plausible city for a name: capitals first (by their own name: "Philadelphia"
/// is also an ancient name of Amman, which must not outrank the city whose name it is), then
/// population, boosted by a country named right after it ("Geneva, Switzerland") or anywhere
/// in the article. GeoNames' own names are often long forms ("City of Westminster",
/// "Newcastle upon Tyne"), so an alternate name is otherwise as good as the own name.
pub(super) fn pick_city(
    lex: &Lexicon,
    text: &str,
    cities: &[CityId],
    qualifier: Option<Qualifier>,
    mentioned: &FxMap<CountryId, u32>,
) -> CityId {
    let state_adm1 = match qualifier {
        Some(Qualifier::State(st)) => Some(format!("US{}", lex.state(st).code)),
        _ => None,
    };
    if cities.len() == 1 {
        return cities[0];
    }
    let folded = fold_phrase(text);
    let score = |&c: &CityId| -> f64 {
        let city = lex.city(c);
        let mut s = (city.population.max(1) as f64).ln();
        // A capital is preferred by the name it goes by; under an alternate name (old,
        // foreign or misspelt) it competes on population like any city.
        if city.capital && fold_phrase(&city.name) == folded {
            s += 6.0;
        }
        if mentioned.contains_key(&city.country) {
            s += 1.5;
        }
        if qualifier == Some(Qualifier::Country(city.country))
            || state_adm1.as_deref() == Some(city.adm1.as_str())
        {
            s += 20.0;
        }
        s
    };
    cities
        .iter()
        .copied()
        .max_by(|a, b| score(a).total_cmp(&score(b)).then(b.cmp(a)))
        .unwrap_or(cities[0])
}
