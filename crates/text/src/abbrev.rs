//! Abbreviations that keep their full stop, and the words that signal a new sentence.
//!
//! Two classes matter for sentence splitting: a *title* ("Gen.", "Mr.") is always followed by
//! the name it belongs to, so it never ends a sentence; any other abbreviation ("U.S.",
//! "Inc.", "a.m.") may end one, and does when the next word is a typical sentence starter.

use std::collections::HashMap;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Precedes a name or number ("Dr.", "Gen.", "St."): never ends a sentence.
    Title,
    /// May end a sentence ("Inc.", "etc.", "Jan."): ends one before a sentence starter.
    Ordinary,
    /// Only an abbreviation before a number ("No. 5", "Art. 5"); otherwise a word and a stop.
    BeforeNumber,
}

/// Abbreviations written without their final dot, case-sensitive.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt",
    "Maj", "Adm", "Cmdr", "Cdr", "Cpl", "Pvt", "Brig", "Rev", "Sen", "Rep", "Reps", "Sens", "Gov",
    "Pres", "Hon", "Supt", "Insp", "Det", "Amb", "Fr", "Gens", "Drs", "Msgr", "Atty",
];

const ORDINARY: &[&str] = &[
    // Before a name, but also at the end of an address or a name: "Main St. The ...".
    "St", "Sr", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Inc", "Corp",
    "Ltd", "Co", "Bros", "Jr", "etc", "vs", "v", "approx", "est", "dept", "Dept", "Ave", "Blvd",
    "Rd", "Univ", "Assn", "al", "cf", "ca", "Ph", "Gov't", "Govt", "Mio", "Mrd", "Jr", "Esq",
    "viz", "Cf", "Fig", "fig", "Figs",
    // US states and Canadian provinces as news datelines write them ("Mississauga, Ont.").
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Kan", "Ky", "Md", "Mass",
    "Mich", "Minn", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wis",
    "Wyo", "Ont", "Que", "Alta", "Sask",
];

const BEFORE_NUMBER: &[&str] = &[
    "pop", "tel", "Tel", "ext", "Ext", "Nr", "nr", "No", "Nos", "no", "Art", "art", "Vol", "vol",
    "pp", "p", "Ch", "ch", "Sec", "sec", "Para", "para",
];

/// Words that, capitalised after an ambiguous abbreviation like "U.S.", start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "However",
    "Meanwhile",
    "According",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "For",
    "Also",
    "Yet",
    "So",
    "Still",
    "Then",
    "Now",
    "Earlier",
    "Later",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Despite",
    "Although",
    "Since",
    "During",
    "Under",
    "Over",
    "One",
    "Two",
    "Both",
    "Each",
    "Such",
    "Other",
    "Officials",
    "Last",
    "Next",
    "Today",
    "Yesterday",
    "Asked",
    "Among",
    "From",
    "With",
    "Without",
    "By",
    "To",
    "Nor",
    "Or",
    "Instead",
    "Here",
];

/// Lower-case words after which a line break does not end a sentence: the line stops
/// mid-phrase ("talks between\nRussia and ...").
const CONTINUATION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto",
    "between", "among", "about", "and", "or", "but", "nor", "as", "than", "that", "which", "who",
    "whom", "whose", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
    "would", "can", "could", "should", "may", "might", "must", "not", "his", "her", "its", "their",
    "our", "my", "your", "this", "these", "those", "said", "says", "told", "over", "under",
    "after", "before", "during", "against", "without", "within", "via", "per", "if", "when",
    "while", "because", "so", "such", "both", "either", "neither", "very", "more", "most", "less",
];

/// The abbreviation dictionary of one segmenter.
#[derive(Debug, Clone)]
pub struct Abbreviations {
    map: HashMap<String, AbbrevClass>,
}

impl Abbreviations {
    /// The built-in lists plus `extra` ordinary abbreviations (written with or without the dot).
    pub fn new(extra: &[String], extra_titles: &[String]) -> Abbreviations {
        let mut map = HashMap::new();
        for w in ORDINARY {
            map.insert((*w).to_string(), AbbrevClass::Ordinary);
        }
        for w in BEFORE_NUMBER {
            map.insert((*w).to_string(), AbbrevClass::BeforeNumber);
        }
        for w in TITLES {
            map.insert((*w).to_string(), AbbrevClass::Title);
        }
        for w in extra {
            map.insert(
                w.trim().trim_end_matches('.').to_string(),
                AbbrevClass::Ordinary,
            );
        }
        for w in extra_titles {
            map.insert(
                w.trim().trim_end_matches('.').to_string(),
                AbbrevClass::Title,
            );
        }
        map.remove("");
        Abbreviations { map }
    }

    pub fn class(&self, word: &str) -> Option<AbbrevClass> {
        self.map.get(word).copied()
    }
}

pub fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(&word)
}

pub fn is_continuation_word(word: &str) -> bool {
    word.len() <= 8 && CONTINUATION_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let a = Abbreviations::new(&["Calif.".to_string()], &[]);
        assert_eq!(a.class("Gen"), Some(AbbrevClass::Title));
        assert_eq!(a.class("Inc"), Some(AbbrevClass::Ordinary));
        assert_eq!(a.class("No"), Some(AbbrevClass::BeforeNumber));
        assert_eq!(a.class("Calif"), Some(AbbrevClass::Ordinary));
        assert_eq!(a.class("Hello"), None);
        assert!(is_sentence_starter("The"));
        assert!(is_continuation_word("between"));
    }
}
