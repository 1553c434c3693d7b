//! The typed annotation layers. Each is a plain struct of spans, ids and values.

use crate::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// Index into `Document::sentences`.
    SentenceId
);
id_type!(
    /// Index into `Document::tokens`.
    TokenId
);
id_type!(
    /// Index into `Document::mentions`.
    MentionId
);
id_type!(
    /// Index into `Document::entities`.
    EntityId
);
id_type!(
    /// Index into `Document::quotes`.
    QuoteId
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Document::paragraphs`.
    pub paragraph: u32,
    /// Token index range `[start, end)` in `Document::tokens`.
    pub tokens: (u32, u32),
}

/// Universal POS tags (UD v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    #[default]
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

/// Statistical NER label of a token (IOB2 over PER/ORG/LOC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum NerTag {
    #[default]
    O,
    BPer,
    IPer,
    BOrg,
    IOrg,
    BLoc,
    ILoc,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub sentence: SentenceId,
    /// Filled by the tagger (layer `POS`); `X` before.
    pub pos: Upos,
    /// Lowercased lemma, filled with `pos`; empty before.
    pub lemma: String,
    /// Filled by the tagger (layer `NER`).
    pub ner: NerTag,
}

/// The shape of a word: how it is written, for rules that ask "a capitalized word",
/// "a number".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Shape {
    /// No letter or digit ("," "—").
    #[default]
    Punct,
    /// Letters, none upper case ("talks", "al-").
    Lower,
    /// An upper-case first letter and not all upper case ("Geneva", "McCain", "I").
    Capitalized,
    /// Two or more letters, all upper case ("NATO", "U.S.").
    Upper,
    /// Starts with a digit ("25,000", "1990s", "7.5bn").
    Number,
    /// Letters and digits not starting with a digit ("G7", "COVID-19").
    Mixed,
}

/// The lexical forms of the tokens, one per token, filled with them (layer `TOKENS`): the
/// folded form (lower case, Latin accents dropped, typographic apostrophes, quotes and
/// dashes as ASCII; see `sitrep_text::lexical`) and the shape. Read them through
/// `sitrep_text::Lexical`, which adds POS and lemma from the tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Forms {
    folded: String,
    /// End of each token's folded form in `folded`.
    ends: Vec<u32>,
    shapes: Vec<Shape>,
}

impl Forms {
    pub fn with_capacity(tokens: usize, bytes: usize) -> Forms {
        Forms {
            folded: String::with_capacity(bytes),
            ends: Vec::with_capacity(tokens),
            shapes: Vec::with_capacity(tokens),
        }
    }

    /// Appends the next token's forms: `write` appends its folded form to the buffer given.
    pub fn push_with(&mut self, shape: Shape, write: impl FnOnce(&mut String)) {
        write(&mut self.folded);
        self.ends.push(self.folded.len() as u32);
        self.shapes.push(shape);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The folded form of token `i`.
    pub fn folded(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.folded[start..self.ends[i] as usize]
    }

    pub fn shape(&self, i: usize) -> Shape {
        self.shapes[i]
    }
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    /// A group of people named by nationality or role ("Russian troops", "the American side").
    Group,
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Group => "group",
            EntityKind::Other => "other",
        }
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// A proper name ("Sergei Ryabkov", "NATO").
    Name,
    /// A title or role noun phrase standing for the entity ("the deputy head of the department").
    Nominal,
    /// A personal pronoun ("he", "she", "they").
    Pronoun,
    /// An adjectival or demonym form ("Russian", "American").
    Adjective,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityKind,
    pub form: MentionForm,
    /// The title bound to this mention ("Deputy Foreign Minister"), if any.
    pub title: Option<Span>,
    /// Filled by entity resolution and coreference.
    pub entity: Option<EntityId>,
}

/// A geocoded place (GeoNames).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub geonames_id: u32,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country_iso3: String,
    pub country_fips: String,
    /// FIPS-style ADM1 code as GDELT writes it ("SZ07"), empty for a country.
    pub adm1: String,
    /// GeoNames feature code: "PCLI" (country), "PPLC" (capital), "PPL", "ADM1" ...
    pub feature: String,
}

impl Geo {
    /// The CAMEO code of the place's country: the ISO 3166 alpha-3 code, except for the
    /// three countries CAMEO codes otherwise (Romania ROM, Timor-Leste TMP, Kosovo KSV), so
    /// that "troops near Pristina" are KSV as "Kosovo" is.
    pub fn country_cameo(&self) -> &str {
        match self.country_iso3.as_str() {
            "ROU" => "ROM",
            "TLS" => "TMP",
            "XKX" => "KSV",
            other => other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// Canonical display name ("Sergei Ryabkov").
    pub name: String,
    /// Stable key across articles (normalized, transliteration-folded).
    pub key: String,
    /// CAMEO actor code ("RUSGOV", "USA", "IGOWSTNAT"), if known.
    pub actor_code: Option<String>,
    /// Titles and roles seen for this entity ("Deputy Foreign Minister").
    pub titles: Vec<String>,
    pub mentions: Vec<MentionId>,
    pub geo: Option<Geo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Wholly inside quote marks (or a block quote).
    Direct,
    /// Reported speech that contains quoted words.
    Mixed,
    /// Reported speech with no quote marks.
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The in-text mention naming the speaker (a pronoun if the sentence uses one).
    pub span: Span,
    /// The resolved entity, if the names layer knows it.
    pub entity: Option<EntityId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted content, quote marks included for direct quotes.
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The cue verb or phrase ("said", "according to").
    pub cue: Option<Span>,
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    pub actor_code: String,
    pub entity: Option<EntityId>,
    pub span: Span,
}

/// Whether the event is asserted by the article or reported as someone's claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    /// Stated by the article.
    #[default]
    Asserted,
    /// Stated inside a quote: the speaker's claim.
    Reported,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Full CAMEO code ("0311").
    pub code: String,
    /// 3-digit base code ("031").
    pub base: String,
    /// 2-digit root code ("03").
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub trigger: Span,
    pub sentence: SentenceId,
    pub date: Option<NaiveDate>,
    /// The place of the event (a geocoded entity), if known.
    pub place: Option<EntityId>,
    /// In the article's first paragraph (GDELT's IsRootEvent).
    pub is_root: bool,
    pub status: EventStatus,
    /// The quote this event was reported in, if any.
    pub quote: Option<QuoteId>,
    /// What coded it: a sitrep pattern (`sitrep verbs.tsv:212`), a compiled dictionary entry
    /// (`dictionary CAMEO.2.0.txt:731`), a complement recoding of either, or a quote cue.
    #[serde(default)]
    pub rule: String,
    /// Issue codes of the event's sentence (Phoenix issue dictionary: `SANCTIONS`,
    /// `NUCLEAR_WEAPONS`, `REFUGEES` ...), in sentence order, without repeats.
    #[serde(default)]
    pub issues: Vec<String>,
}

/// A date expression and the calendar date it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    pub date: Option<NaiveDate>,
    /// How exactly the expression fixes the date.
    pub resolution: DateResolution,
}

/// How exactly a date expression fixes its date: GDELT's DateResolution, written as its
/// number in every output (1 year only, 2 month, 3 day); any other number is refused when a
/// record is read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum DateResolution {
    Year = 1,
    Month = 2,
    Day = 3,
}

impl From<DateResolution> for u8 {
    fn from(r: DateResolution) -> u8 {
        r as u8
    }
}

impl TryFrom<u8> for DateResolution {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(DateResolution::Year),
            2 => Ok(DateResolution::Month),
            3 => Ok(DateResolution::Day),
            _ => Err(format!(
                "date resolution {n} is not 1 (year), 2 (month) or 3 (day)"
            )),
        }
    }
}

/// An amount: a number and what it counts ("7.5 hours", "25,000 tons").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub span: Span,
    pub value: f64,
    pub object: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeMention {
    /// GDELT theme code ("NEGOTIATIONS").
    pub theme: String,
    pub span: Span,
}

/// GDELT's CountType: what a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum CountKind {
    Kill,
    Wound,
    Arrest,
    Kidnap,
    Protest,
    Affect,
    Seize,
}

impl CountKind {
    /// GDELT's spelling: "KILL", "WOUND" ...
    pub fn as_str(self) -> &'static str {
        match self {
            CountKind::Kill => "KILL",
            CountKind::Wound => "WOUND",
            CountKind::Arrest => "ARREST",
            CountKind::Kidnap => "KIDNAP",
            CountKind::Protest => "PROTEST",
            CountKind::Affect => "AFFECT",
            CountKind::Seize => "SEIZE",
        }
    }
}

/// A GDELT count: an amount of people or things killed, wounded, arrested ... ("three
/// people were killed"). `span` is the amount's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountMention {
    pub kind: CountKind,
    pub value: f64,
    pub object: String,
    pub span: Span,
}

/// GDELT's V2Tone numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    pub tone: f64,
    pub positive: f64,
    pub negative: f64,
    pub polarity: f64,
    pub activity_density: f64,
    pub self_density: f64,
    pub word_count: u32,
}

#[cfg(test)]
mod tests {
    use super::DateResolution;

    #[test]
    fn date_resolution_is_gdelts_number_and_nothing_else() {
        for (n, r) in [
            (1, DateResolution::Year),
            (2, DateResolution::Month),
            (3, DateResolution::Day),
        ] {
            assert_eq!(serde_json::to_string(&r).unwrap(), n.to_string());
            assert_eq!(
                serde_json::from_str::<DateResolution>(&n.to_string()).unwrap(),
                r
            );
        }
        for bad in ["0", "4", "\"day\""] {
            assert!(
                serde_json::from_str::<DateResolution>(bad).is_err(),
                "{bad}"
            );
        }
    }
}
