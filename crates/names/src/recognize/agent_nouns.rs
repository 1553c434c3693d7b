//! Role nouns of the field's agents dictionary (`sitrep-lexicon`, Phoenix agents: "activist"
//! OPP, "politician" PTY, "lawyer" JUD) written right before a person's name: "opposition
//! politician Ilya Petrov", "the activist Olga Petrova". They say that the name is a person's
//! and which role the person has when no title gives one.

use crate::view::View;

/// Most words an agent phrase before a name is read over ("anti government activist").
const MAX_AGENT_WORDS: usize = 3;

/// Ranks the dictionary codes as military that news uses as often for a team's leader
/// ("England captain X"): before a name they say nothing of the person's role.
const SPORT_RANKS: &[&str] = &["captain", "skipper"];

/// Head nouns of the agents dictionary's phrases for institutions, not persons ("daily",
/// "conglomerate", "appeals court"): before a name they make it an organization's
/// ("the Hindi-language daily Dainik Jagran"). Sorted, for binary search.
const INSTITUTION_HEADS: &[&str] = &[
    "administration",
    "agency",
    "airline",
    "alliance",
    "army",
    "authority",
    "band",
    "bank",
    "battalion",
    "brigade",
    "broadcaster",
    "business",
    "cabinet",
    "carrier",
    "cartel",
    "cell",
    "chain",
    "channel",
    "church",
    "club",
    "coalition",
    "college",
    "committee",
    "company",
    "conglomerate",
    "corporation",
    "council",
    "court",
    "daily",
    "delegation",
    "department",
    "division",
    "exporter",
    "faction",
    "firm",
    "force",
    "front",
    "fund",
    "gang",
    "giant",
    "government",
    "group",
    "hospital",
    "industry",
    "institute",
    "journal",
    "junta",
    "magazine",
    "maker",
    "manufacturer",
    "militia",
    "ministry",
    "mission",
    "movement",
    "navy",
    "network",
    "newspaper",
    "office",
    "operator",
    "organisation",
    "organization",
    "outlet",
    "paper",
    "parliament",
    "party",
    "police",
    "provider",
    "regime",
    "regiment",
    "retailer",
    "school",
    "service",
    "station",
    "supplier",
    "syndicate",
    "tabloid",
    "team",
    "tribunal",
    "union",
    "unit",
    "university",
    "website",
    "weekly",
    "wing",
];

/// Whether a (normalized) word is the head noun of an institution's name or description.
pub fn is_institution_head(word: &str) -> bool {
    INSTITUTION_HEADS.binary_search(&word).is_ok()
}

/// The agent role code of the lower-case role phrase ending right before piece `a`, in the
/// same sentence: the longest phrase the agents dictionary knows ("opposition politician"
/// if listed, else "politician"). Only a singular noun for persons stands before one
/// person's name: a phrase ending in "s" is not read, nor a noun without a plural.
pub fn agent_before(v: &View, a: usize) -> Option<&'static str> {
    agent_phrase_before(v, a).map(|(_, role)| role)
}

/// [`agent_before`] with the first piece of the role phrase.
pub fn agent_phrase_before(v: &View, a: usize) -> Option<(usize, &'static str)> {
    let mut start = a;
    while start > 0
        && a - start < MAX_AGENT_WORDS
        && v.same_sentence(start - 1, a)
        && v.pieces[start - 1].alpha
        && !v.pieces[start - 1].cap
    {
        start -= 1;
    }
    if start == a
        || v.norm(a - 1).ends_with('s')
        || is_institution_head(v.norm(a - 1))
        || SPORT_RANKS.contains(&v.norm(a - 1))
    {
        return None;
    }
    let dict = sitrep_lexicon::Lexicon::get();
    (start..a).find_map(|s| {
        let mut words: Vec<String> = (s..a).map(|k| v.norm(k).to_string()).collect();
        let (role, _) = dict.agent(&words)?;
        // A noun for one person has a plural in the dictionary ("activist|activists");
        // "opposition" and "police" have none and stand before organizations' names.
        let last = words.pop()?;
        let countable = plurals(&last).into_iter().any(|p| {
            words.push(p);
            let found = dict.agent(&words).is_some();
            words.pop();
            found
        });
        countable.then_some((s, role))
    })
}

/// An agent phrase in apposition after a name that ends at piece `b`: "X, a Colombian human
/// rights lawyer, said", "X, an activist." Returns the first piece after the article (where
/// a nationality may stand) and the role of the longest agent phrase that ends the
/// apposition (right before a comma, a full stop or the sentence end).
pub fn agent_apposition_after(v: &View, b: usize) -> Option<(usize, &'static str)> {
    if !v.is(b, ",") || !v.is_any(b + 1, &["a", "an", "the"]) {
        return None;
    }
    let start = b + 2;
    let mut end = start;
    while end < v.pieces.len()
        && end - start < MAX_AGENT_WORDS + 2
        && v.same_sentence(end, b)
        && v.pieces[end].alpha
    {
        end += 1;
    }
    if end == start || (end < v.pieces.len() && v.same_sentence(end, b) && v.pieces[end].alpha) {
        return None;
    }
    let last = v.norm(end - 1);
    if last.ends_with('s') || is_institution_head(last) || SPORT_RANKS.contains(&last) {
        return None;
    }
    let dict = sitrep_lexicon::Lexicon::get();
    let role = (start..end).find_map(|s| {
        if (s..end).any(|k| v.pieces[k].cap) {
            return None;
        }
        let words: Vec<&str> = (s..end).map(|k| v.norm(k)).collect();
        dict.agent(&words).map(|(role, _)| role)
    })?;
    Some((start, role))
}

/// The plural spellings an English noun may take.
fn plurals(word: &str) -> Vec<String> {
    let mut out = vec![format!("{word}s"), format!("{word}es")];
    if let Some(stem) = word.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    }
    if let Some(stem) = word.strip_suffix("man") {
        out.push(format!("{stem}men"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::INSTITUTION_HEADS;

    #[test]
    fn institution_heads_are_sorted_for_binary_search() {
        assert!(INSTITUTION_HEADS.windows(2).all(|w| w[0] < w[1]));
    }
}
