//! The closed word classes recognition rules are written about (title modifiers, place and
//! actor prepositions, words that never start a name ...), kept beside the rules that read
//! them, and compiled into one bit map so that a class test is one hash lookup.

use crate::view::View;
use rustc_hash::FxHashMap as FxMap;
use std::sync::OnceLock;

/// Words that extend a title leftwards ("First Deputy", "Acting", "Under").
const MODIFIERS: &[&str] = &[
    "first",
    "deputy",
    "vice",
    "acting",
    "former",
    "under",
    "assistant",
    "senior",
    "chief",
    "principal",
    "associate",
    "interim",
    "executive",
    "top",
    "lead",
    "second",
    "third",
    "permanent",
    "outgoing",
    "incoming",
    "then",
];
/// Before a title: a nominal mention ("the Deputy Foreign Minister"). "that" is left out: it
/// is mostly a conjunction in news ("said that Foreign Minister ...").
pub(super) const DETERMINERS: &[&str] = &["the", "this"];
/// Before a place name: the place reading.
const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "outside",
    "inside",
    "across",
    "into",
    "around",
    "via",
    "towards",
    "toward",
    "of",
    "over",
    "through",
    "throughout",
    "visited",
    "visit",
    "visiting",
];
/// Before a capital city: the government reading ("talks with Moscow").
const ACTOR_PREPS: &[&str] = &["with", "between", "against", "by", "and"];
/// After a capital city: the government reading ("Washington wanted ...").
const ACTOR_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "wants",
    "wanted",
    "want",
    "has",
    "have",
    "had",
    "is",
    "was",
    "will",
    "would",
    "could",
    "should",
    "must",
    "may",
    "might",
    "can",
    "cannot",
    "accused",
    "accuses",
    "warned",
    "warns",
    "rejected",
    "rejects",
    "announced",
    "announces",
    "demanded",
    "demands",
    "denied",
    "denies",
    "agreed",
    "agrees",
    "refused",
    "refuses",
    "insists",
    "insisted",
    "believes",
    "believed",
    "hopes",
    "hoped",
    "expects",
    "expected",
    "threatened",
    "threatens",
    "called",
    "calls",
    "urged",
    "urges",
    "signed",
    "imposed",
    "imposes",
    "responded",
    "condemned",
    "condemns",
    "welcomed",
    "welcomes",
    "supports",
    "supported",
    "opposes",
    "opposed",
    "plans",
    "planned",
    "intends",
    "sent",
    "sends",
    "offered",
    "offers",
    "proposed",
    "proposes",
    "claims",
    "claimed",
    "considers",
    "considered",
    "sees",
    "does",
    "did",
    "continues",
    "continued",
    "sought",
    "seeks",
    "launched",
    "deployed",
    "recognized",
    "recognised",
    "vowed",
    "pledged",
    "stressed",
    "insisted",
    "blamed",
    "blames",
    "criticized",
    "criticised",
    "responds",
    "reacted",
    "reacts",
    "argues",
    "argued",
    "hopes",
    "fears",
    "feared",
];
/// Capitalized words that never start or continue a person name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "we",
    "they",
    "i",
    "you",
    "his",
    "her",
    "its",
    "our",
    "their",
    "in",
    "on",
    "at",
    "of",
    "for",
    "and",
    "but",
    "or",
    "if",
    "as",
    "by",
    "to",
    "with",
    "from",
    "after",
    "before",
    "during",
    "according",
    "also",
    "however",
    "meanwhile",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "how",
    "what",
    "why",
    "when",
    "where",
    "who",
    "which",
    "there",
    "here",
    "today",
    "yesterday",
    "tomorrow",
    "following",
    "without",
    "while",
    "although",
    "since",
    "because",
    "so",
    "then",
    "now",
    "not",
    "no",
    "yes",
    "said",
    "says",
    "asked",
    "added",
    "first",
    "second",
    "third",
    "finally",
    "last",
    "next",
    "treaty",
    "missiles",
    "missile",
    "range",
    "elimination",
    "intermediate",
    "shorter",
];
/// Words of organization names that never belong to a person's name: a capitalized run
/// stops before them ("Robert Kilroy-Silk Party" is no person).
const ORG_WORDS: &[&str] = &[
    "party",
    "union",
    "council",
    "ministry",
    "office",
    "department",
    "committee",
    "commission",
    "association",
    "bank",
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "university",
    "agency",
    "court",
    "army",
    "force",
    "forces",
    "police",
    "airlines",
    "times",
    "news",
    "post",
    "institute",
    "foundation",
    "federation",
    "organization",
    "organisation",
    "club",
    "fc",
    "united",
    "league",
    "house",
    "street",
    "school",
    "hospital",
    "church",
    "labour",
    "tory",
    "tories",
    "conservatives",
    "democrats",
    "republicans",
    "liberal",
    // Company-name words: never a person's name, so a title before them ("General
    // Motors", "General Electric", "President Hotels") binds no one.
    "motors",
    "electric",
    "dynamics",
    "foods",
    "hotels",
    "holdings",
    "industries",
    "airways",
    "petroleum",
    "pharmaceuticals",
    "telecom",
    "electronics",
    "insurance",
];
/// Lower-case words inside organization and place names ("Bank of England").
const NAME_CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "on", "&", "-", "'", ".",
];
/// Name particles allowed inside a person name ("Osama bin Laden", "Ursula von der Leyen").
pub(super) const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le",
    "dos", "del",
];
/// Last words that make a tagger ORG span a document or event, not an organization.
const NOT_ORG_HEADS: &[&str] = &[
    "treaty",
    "agreement",
    "accord",
    "act",
    "convention",
    "protocol",
    "war",
    "talks",
    "summit",
    "conference",
    "program",
    "programme",
    "plan",
    "initiative",
    "day",
    "declaration",
    "deal",
    "charter",
];

// Word classes: the lists above as bits of one map, so that asking whether a piece is in a
// list is one hash lookup instead of a scan comparing strings.
pub(super) const MODIFIER: u8 = 1;
pub(super) const PLACE_PREP: u8 = 2;
pub(super) const ACTOR_PREP: u8 = 4;
pub(super) const ACTOR_VERB: u8 = 8;
pub(super) const NOT_NAME: u8 = 16;
pub(super) const ORG_WORD: u8 = 32;
pub(super) const NAME_CONNECTOR: u8 = 64;
pub(super) const NOT_ORG_HEAD: u8 = 128;

fn word_classes() -> &'static FxMap<&'static str, u8> {
    static CLASSES: OnceLock<FxMap<&'static str, u8>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut m: FxMap<&'static str, u8> = FxMap::default();
        for (list, bit) in [
            (MODIFIERS, MODIFIER),
            (PLACE_PREPS, PLACE_PREP),
            (ACTOR_PREPS, ACTOR_PREP),
            (ACTOR_VERBS, ACTOR_VERB),
            (NOT_NAMES, NOT_NAME),
            (ORG_WORDS, ORG_WORD),
            (NAME_CONNECTORS, NAME_CONNECTOR),
            (NOT_ORG_HEADS, NOT_ORG_HEAD),
        ] {
            for w in list {
                *m.entry(*w).or_default() |= bit;
            }
        }
        m
    })
}

/// The word classes of a folded word (0: none).
fn classes_of(word: &str) -> u8 {
    word_classes().get(word).copied().unwrap_or(0)
}

/// Piece `i` exists and is in one of the classes `bits` (same answer as `View::is_any` on
/// the lists).
pub(super) fn in_class(v: &View, i: usize, bits: u8) -> bool {
    i < v.pieces.len() && classes_of(v.norm(i)) & bits != 0
}

/// `in_class(v, i, NAME_CONNECTOR)` with the length test first (every connector is three
/// bytes at most), for scans that ask it of every lower-case word of an article.
pub(super) fn is_name_connector(v: &View, i: usize) -> bool {
    // The short list itself, not the class table's hash: this runs on every lower-case word.
    i < v.pieces.len() && v.norm(i).len() <= 3 && NAME_CONNECTORS.contains(&v.norm(i))
}

pub(super) fn is_modifier(v: &View, i: usize) -> bool {
    in_class(v, i, MODIFIER)
}

#[cfg(test)]
mod tests {
    use super::NAME_CONNECTORS;

    /// `is_name_connector` tests the length first: it must stay true of every connector.
    #[test]
    fn name_connectors_are_three_bytes_at_most() {
        for w in NAME_CONNECTORS {
            assert!(w.len() <= 3, "{w:?}: raise the bound in is_name_connector");
        }
    }
}
