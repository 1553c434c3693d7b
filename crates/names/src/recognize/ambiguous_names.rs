//! Country names two countries share in news English: "Congo" is the Republic of the Congo
//! in the gazetteer and in the Phoenix dictionary, yet most news that writes "Congo" means
//! the Democratic Republic (Kinshasa). A bare shared name takes the country the rest of the
//! article points to: its other mentions of either country (demonyms, capitals, cities,
//! country groups, the full names).

use super::{Cand, What};
use crate::lexicon::{CountryId, Lexicon};
use crate::view::View;

/// (the bare name as written, the gazetteer's country, the other country it often means),
/// as CAMEO codes.
const SHARED_NAMES: &[(&str, &str, &str)] = &[("Congo", "COG", "COD")];

/// Re-labels bare shared country names when the article's other mentions point to the
/// other country more than to the gazetteer's.
pub(super) fn settle(v: &View, lex: &Lexicon, cands: &mut [Cand]) {
    for &(name, listed, other) in SHARED_NAMES {
        let (Some(listed), Some(other)) = (
            lex.country_id_by_code(listed),
            lex.country_id_by_code(other),
        ) else {
            continue;
        };
        let (listed_code, other_code) = (&lex.country(listed).cameo, &lex.country(other).cameo);
        // The bare name, alone or as the country word of a group ("Congo's government").
        let bare = |c: &Cand| {
            let text = v.raw_range(c.a, c.b);
            let text = text.strip_prefix("the ").unwrap_or(text);
            match &c.what {
                What::Country(k) => *k == listed && text == name,
                What::Group { code } => {
                    code.starts_with(listed_code.as_str())
                        && text
                            .strip_prefix(name)
                            .is_some_and(|rest| rest.starts_with(|ch: char| !ch.is_alphanumeric()))
                }
                _ => false,
            }
        };
        let mut votes = (0u32, 0u32);
        for c in cands.iter().filter(|c| !bare(c)) {
            for k in countries_of(lex, c) {
                if k == listed {
                    votes.0 += 1;
                } else if k == other {
                    votes.1 += 1;
                }
            }
        }
        if votes.1 > votes.0 {
            for c in cands.iter_mut() {
                if !bare(c) {
                    continue;
                }
                c.what = match &c.what {
                    What::Group { code } => What::Group {
                        code: format!("{other_code}{}", &code[listed_code.len()..]),
                    },
                    _ => What::Country(other),
                };
            }
        }
    }
}

/// The countries a candidate names or lies in.
fn countries_of(lex: &Lexicon, c: &Cand) -> Vec<CountryId> {
    match &c.what {
        What::Country(k) | What::Adjective(k) | What::Gov(k) => vec![*k],
        What::Group { code } => lex.country_of_code(code).into_iter().collect(),
        What::Place { cities, .. } => {
            let mut ks: Vec<CountryId> = cities.iter().map(|&ci| lex.city(ci).country).collect();
            ks.sort_unstable();
            ks.dedup();
            ks
        }
        _ => Vec::new(),
    }
}
