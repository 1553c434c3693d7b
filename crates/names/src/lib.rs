//! sitrep's names layer: who and where.
//!
//! The stage finds person, organization, place and group mentions with UTF-8 byte spans,
//! binds titles to persons ("Deputy Foreign Minister Sergei Ryabkov", "Ned Price State
//! Department spokesman", "Wendy Sherman, the US First Deputy Secretary of State"), clusters
//! mentions into entities (spelling variants, surnames, acronyms and aliases, pronouns and
//! role nouns), gives each entity a CAMEO actor code (RUSGOV, USAGOV, IGOWSTNAT, RUSMED ...)
//! and geocodes places against GeoNames.
//!
//! Rules worth knowing (details beside the code):
//! - Titles are found before anything else, so "Secretary of State" is a title and never an
//!   organization; a title binds to the name before it, after it (no punctuation needed:
//!   "Ned Price State Department spokesman") or in apposition; a title after "the" alone is a
//!   nominal mention of a person.
//! - A capital is its government (`gov:usa`, USAGOV) when it acts: subject of a verb, opening a
//!   sentence before a lower-case word, after "with/between/against/by", or possessive;
//!   otherwise it is a place. The government, the country (`country:usa`, USA) and the place
//!   are different entities. A city opening a longer proper name ("Lima Group", "London Stock
//!   Exchange") is neither, nor is the first part of "X-based"/"X-backed" modifiers.
//! - A person's country comes from its titles' context, including a definite title phrase in
//!   apposition ("the head of the American delegation, Under Secretary Margaret Ellison");
//!   without one, an office only one country has (`titles.tsv` country column: "Secretary of
//!   State" -> USA); a title of one country's politics (government, military, legislature,
//!   courts, police, opposition, parties, rebels) without either takes the article's dominant
//!   country (`dominant_country_fallback`). A title held in an organization that is not a
//!   country's ("AU envoy", "the WHO's representative") gives that organization's code.
//! - A person without a title takes what the text says of it around one of its names, in
//!   this order: a role noun of the Phoenix agents dictionary before the name or in
//!   apposition ("opposition politician X", "X, a Colombian lawyer,"), with the nationality
//!   before it or the dominant country; an affiliation after "of" ("X of the African
//!   Union"); what it leads in a relative clause ("X, who heads Moldova's opposition
//!   party,"); a possessive country ("Moldova's X": the country alone). The actor
//!   dictionaries' code, when they know the person, comes before all of these; but a titled
//!   person keeps its titles' code over a Phoenix range of a national office left open
//!   (Phoenix stops around 2015: "Opposition leader X" is no longer the minister it lists).
//! - A speaker named by a common noun of the Phoenix agents dictionary ("the interior
//!   ministry said", "residents told reporters", "according to a local official") is a group
//!   of the article's dominant country with the agent's role (`recognize::speaking_agents`),
//!   only when that country is named at least twice; bare "officials" (any side's sources)
//!   and business nouns are none.
//! - "former" before a national title makes its holder the country's elite (ELI); a title
//!   written with the name gives the role before a nominal standing for the person.
//! - A country name two countries share in news English ("Congo") takes the country the
//!   article's other mentions point to.
//! - Person keys fold transliteration variants (`translit_key`), so keys are stable across
//!   articles: `person:sergei riabkov`, `org:nato`, `country:rus`, `place:2660646`,
//!   `group:rusgov`, `role:usa:spokesman`.
//!
//! Key decision: reviewed dictionaries (the repo's `data/`, embedded at compile time and
//! compiled once per process into one phrase map over folded text) come first and the
//! statistical tagger's NER labels fill the gaps; every lookup happens at word boundaries of
//! the document, so a document costs O(n) lookups. The stage must never invent an entity
//! without a span in the text, and never reach the network.

mod lexicon;
mod normalize;
mod pieces;
mod recognize;
mod resolve;
mod view;

pub use lexicon::{shared as shared_lexicon, Gender, Lexicon};
pub use normalize::{fold_phrase, translit_key};

use serde::{Deserialize, Serialize};
use sitrep_doc::{Document, Layers, Mention, MentionId, Stage, StageError};
use std::sync::Arc;
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum NamesError {
    #[error("lexicon {file}, line {line}: {message}")]
    Lexicon {
        file: &'static str,
        line: usize,
        message: String,
    },
    #[error("invalid configuration: {0}")]
    Config(String),
}

/// Settings of the names stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NamesConfig {
    /// Resolve he/she/him/her/his and they/them (groups only) to entities.
    pub pronouns: bool,
    /// How many sentences back a pronoun may look for its person.
    pub pronoun_window_sentences: u32,
    /// Give a person with a title of one country's politics (GOV, MIL, LEG, JUD, COP, SPY,
    /// OPP, PTY, REB, INS) but no country in its context the article's dominant country (the
    /// most mentioned one).
    pub dominant_country_fallback: bool,
}

impl Default for NamesConfig {
    fn default() -> Self {
        NamesConfig {
            pronouns: true,
            pronoun_window_sentences: 8,
            dominant_country_fallback: true,
        }
    }
}

impl NamesConfig {
    pub fn build(&self) -> Result<NamesStage, NamesError> {
        if self.pronoun_window_sentences == 0 {
            return Err(NamesError::Config(
                "pronoun_window_sentences must be at least 1".into(),
            ));
        }
        Ok(NamesStage {
            config: self.clone(),
            lexicon: lexicon::shared()?,
        })
    }
}

/// The runtime names stage (see the crate documentation).
pub struct NamesStage {
    config: NamesConfig,
    lexicon: Arc<Lexicon>,
}

impl Stage for NamesStage {
    fn name(&self) -> &'static str {
        "names"
    }

    fn requires(&self) -> Layers {
        Layers::SENTENCES | Layers::TOKENS
    }

    /// POS and NER improve recognition but are not indispensable: the dictionaries and
    /// capitalization rules work on bare tokens. The parse, when present, tells which
    /// mentions are clause subjects (salience for pronouns and role nouns).
    fn uses(&self) -> Layers {
        Layers::POS | Layers::NER | Layers::DEPS
    }

    fn provides(&self) -> Layers {
        Layers::MENTIONS | Layers::ENTITIES | Layers::COREF | Layers::ACTORS | Layers::GEO
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let (mentions, entities) = {
            let v = view::View::new(doc);
            let lex = &self.lexicon;
            let matches = v.scan(lex);
            let rec = recognize::recognize(&v, lex, &matches, doc.meta.date);
            let settings = resolve::Settings {
                pronouns: self.config.pronouns,
                pronoun_window: self.config.pronoun_window_sentences,
                country_fallback: self.config.dominant_country_fallback,
            };
            let mut res = resolve::resolve(&v, lex, &rec.cands, &rec.titles, &settings);
            dictionary_codes(&mut res, lex, &rec.titles, doc.meta.date);
            resolve::link_org_nominals(&v, &rec.cands, &mut res);
            build_layers(doc, &v, &rec, res)?
        };
        doc.mentions = mentions;
        doc.entities = entities;
        Ok(())
    }
}

/// Codes from the actor dictionaries (`sitrep-lexicon`: Phoenix and sitrep's supplement)
/// for named persons and organizations: the code in force on the article date ("Nawaz
/// Sharif" in 2015: PAKGOV; in 2001: PAKELI). A person the dictionaries do not know keeps the
/// code of its own titles, so a neighbouring name's country never reaches it. A person is
/// looked up by full name (two words or more), or by a bare surname only where the
/// dictionaries list that surname on its own beside the full name ("Putin"). An
/// organization's dictionary code replaces the names lexicon's only when it refines it
/// (`PSEREB` -> `PSEREBHMS` for Hamas), see [`refined_code`], or when it is dated and held on
/// the article's date (the Rapid Support Forces: `SDNMIL`, from April 2023 `SDNREB`).
fn dictionary_codes(
    res: &mut resolve::Resolved,
    lex: &Lexicon,
    titles: &[recognize::TitleInfo],
    date: Option<chrono::NaiveDate>,
) {
    let dict = sitrep_lexicon::Lexicon::get();
    for ent in &mut res.entities {
        let words: Vec<&str> = ent.name.split_whitespace().collect();
        let entry = match ent.kind {
            sitrep_doc::EntityKind::Person if ent.key.starts_with("person:") => match words[..] {
                [] => None,
                // A surname alone, or with a title the article gives it, as the tables
                // list it ("President Musharraf", "General Musharraf" beside "Pervez
                // Musharraf"): a title and a surname name one office holder.
                [surname] => dict.surname_entry(surname).or_else(|| {
                    ent.title_ids.iter().find_map(|&t| {
                        let mut phrase: Vec<&str> = titles[t]
                            .core
                            .split_whitespace()
                            .map(title_word_in_full)
                            .collect();
                        phrase.push(surname);
                        dict.actor_entry(&phrase)
                            .filter(|e| e.kind != sitrep_lexicon::ActorKind::NonState)
                    })
                }),
                _ => dict.actor_entry(&words),
            },
            sitrep_doc::EntityKind::Organization => dict.actor_entry(&words),
            _ => None,
        };
        let Some(entry) = entry else {
            continue;
        };
        // Titles the article itself gives ("Opposition leader X", "African Union Commission
        // chairman X") beat a Phoenix range of a national office left open: Phoenix stops
        // around 2015, and an office it records as still held is often one the person has
        // since left. Closed ranges, sitrep's complete supplement and group codes ("Islamic
        // State", IMGMUSISI) stay the dictionary's word.
        let titled = ent.kind == sitrep_doc::EntityKind::Person
            && !ent.title_ids.is_empty()
            && ent.code.is_some();
        let title_beats =
            titled && entry.complete.is_none() && open_national_range(lex, entry, date);
        if !title_beats {
            // Without an article date, an untitled person's office in the tables (the one
            // still held, else the last one held) rather than the undated code: an undated
            // story naming an office holder is far more often about the office than about the
            // years around it. A title in the text says which (below).
            let in_force = match (ent.kind, date) {
                (sitrep_doc::EntityKind::Person, None) if ent.title_ids.is_empty() => {
                    code_in_force(entry, None)
                        .filter(|&(_, dated)| dated)
                        .or_else(|| last_office(entry).map(|c| (c, true)))
                        .or_else(|| code_in_force(entry, None))
                }
                _ => code_in_force(entry, date),
            };
            match (ent.kind, in_force) {
                // An organization's undated code: only where it refines the lexicon's.
                (sitrep_doc::EntityKind::Organization, Some((code, false))) => {
                    ent.code = Some(refined_code(ent.code.as_deref(), code).to_string());
                }
                // A dated code held on the article's date (or still held, undated article).
                (_, Some((code, true))) => ent.code = Some(code.to_string()),
                // An undated code: only for an entity without a code of its own titles.
                (_, Some((code, false))) if ent.code.is_none() => ent.code = Some(code.to_string()),
                _ => {}
            }
        }
        // A title that names no country of its own ("President X", "Former President X")
        // took one from the story (its most mentioned country): for a person the tables
        // know, their country with the title's role ("President Musharraf" in a story set in
        // London is PAKGOV, not GBRGOV). Not where the title beat an open range: that entry
        // may be stale or a namesake (a minister of one country listed under another's).
        let own_country = ent.title_ids.iter().any(|&t| titles[t].country.is_some());
        if ent.kind == sitrep_doc::EntityKind::Person && titled && !own_country && !title_beats {
            if let Some(code) = ent
                .code
                .as_deref()
                .and_then(|c| with_table_country(lex, c, entry))
            {
                ent.code = Some(code);
            }
        }
    }
}

/// `code` with the country of table entry `e` (when its codes agree on one) in place of its
/// own: "GBRGOV" -> "PAKGOV", a bare role "ELI" -> "USAELI"; none when nothing changes.
fn with_table_country(lex: &Lexicon, code: &str, e: &sitrep_lexicon::ActorEntry) -> Option<String> {
    let country = entry_country(lex, e)?;
    let role = match recognize::code_country(lex, code) {
        Some(c) => &code[c.len()..],
        None if code.len() == 3 => code,
        None => return None,
    };
    (!role.is_empty() && !code.starts_with(country)).then(|| format!("{country}{role}"))
}

/// The one country every code of a table entry names ("PAKELI", "PAKGOVMIL", "PAKGOV":
/// PAK), if they agree on one.
fn entry_country<'a>(lex: &Lexicon, e: &'a sitrep_lexicon::ActorEntry) -> Option<&'a str> {
    let mut countries = e.codes.iter().map(|c| recognize::code_country(lex, c.code));
    let first = countries.next()??;
    countries.all(|c| c == Some(first)).then_some(first)
}

/// The code of the dated range that ended last (the last office the tables record).
fn last_office(e: &sitrep_lexicon::ActorEntry) -> Option<&'static str> {
    e.codes
        .iter()
        .filter(|c| c.from.is_some() || c.to.is_some())
        .max_by_key(|c| c.to.unwrap_or(u32::MAX))
        .map(|c| c.code)
}

/// A title word as the actor tables spell it out ("Gen" -> "general"), for looking up a
/// title and a surname ("GENERAL_MUSHARRAF").
fn title_word_in_full(word: &str) -> &str {
    match word.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "gen" => "general",
        "col" => "colonel",
        "lt" => "lieutenant",
        "maj" => "major",
        "brig" => "brigadier",
        "adm" => "admiral",
        "pres" => "president",
        "sen" => "senator",
        "gov" => "governor",
        "rep" => "representative",
        _ => word,
    }
}

/// The code of a named organization: the dictionary's when the names lexicon has none or
/// when the dictionary's extends it (a more specific code of the same actor: `PSEREB` ->
/// `PSEREBHMS`, `IGO` -> `IGOCOPITP`); otherwise the names lexicon's, whose codes are
/// sitrep's reviewed choices where the two disagree (`USAMED` for a US paper, where Phoenix
/// has the bare `MED`).
fn refined_code<'a>(ours: Option<&'a str>, dictionary: &'a str) -> &'a str {
    match ours {
        Some(o) if !(dictionary.len() > o.len() && dictionary.starts_with(o)) => o,
        _ => dictionary,
    }
}

/// Whether the dated code in force on `date` (see [`code_in_force`]) is a country's
/// office held from a range without an end.
fn open_national_range(
    lex: &Lexicon,
    e: &sitrep_lexicon::ActorEntry,
    date: Option<chrono::NaiveDate>,
) -> bool {
    code_in_force(e, date).is_some_and(|(code, dated)| {
        dated
            && recognize::code_country(lex, code).is_some()
            && e.codes
                .iter()
                .any(|c| c.code == code && c.to.is_none() && c.from.is_some())
    })
}

/// The dictionary code held on `date` (true: from a dated range), else the undated code
/// (false). A range that ended before the date is no evidence: Phoenix's ranges stop around
/// 2016, and an office held then is not the one held now.
pub(crate) fn code_in_force(
    e: &sitrep_lexicon::ActorEntry,
    date: Option<chrono::NaiveDate>,
) -> Option<(&'static str, bool)> {
    use chrono::Datelike;
    let dated = e.codes.iter().find(|c| {
        (c.from.is_some() || c.to.is_some())
            && match date {
                Some(d) => {
                    let d = d.year() as u32 * 10_000 + d.month() * 100 + d.day();
                    c.from.is_none_or(|f| f <= d) && c.to.is_none_or(|t| d <= t)
                }
                None => c.to.is_none(),
            }
    });
    if let Some(c) = dated {
        return Some((c.code, true));
    }
    // Outside every range, on a date the table records completely (sitrep's supplement):
    // the undated code (ELI: out of office) is the table's word, not a gap in its record.
    let complete = match (date, e.complete) {
        (Some(d), Some((from, until))) => {
            let d = d.year() as u32 * 10_000 + d.month() * 100 + d.day();
            (from..=until).contains(&d)
                && e.codes.iter().any(|c| c.from.is_some() || c.to.is_some())
        }
        _ => false,
    };
    e.codes
        .iter()
        .find(|c| c.from.is_none() && c.to.is_none())
        .map(|c| (c.code, complete))
}

/// Turns resolved candidates into the document's mention and entity layers: mentions sorted
/// by span, entities numbered by first mention.
fn build_layers(
    doc: &Document,
    v: &view::View,
    rec: &recognize::Recognized,
    res: resolve::Resolved,
) -> Result<(Vec<Mention>, Vec<sitrep_doc::Entity>), StageError> {
    let err = |e: sitrep_doc::DocError| StageError::new("names", e.to_string());
    let span_of = |a: usize, b: usize| doc.span(v.pieces[a].start, v.pieces[b - 1].end);
    let mut items: Vec<(sitrep_doc::Span, usize, Mention)> = Vec::new();
    for (ci, c) in rec.cands.iter().enumerate() {
        let Some((e, form, kind)) = res.assign[ci] else {
            continue;
        };
        let title = match c.what {
            // A nominal's title is the phrase without its determiner.
            recognize::What::Person { title: Some(t), .. }
            | recognize::What::Nominal { title: t, .. } => {
                let t = &rec.titles[t];
                Some(span_of(t.a, t.b).map_err(err)?)
            }
            _ => None,
        };
        let span = span_of(c.a, c.b).map_err(err)?;
        items.push((
            span,
            e,
            Mention {
                span,
                kind,
                form,
                title,
                entity: None,
            },
        ));
    }
    items.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
    items.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
    // Entity ids in order of first mention; entities without a mention are dropped.
    let mut order: Vec<Option<u32>> = vec![None; res.entities.len()];
    let mut next = 0u32;
    for (_, e, _) in &items {
        if order[*e].is_none() {
            order[*e] = Some(next);
            next += 1;
        }
    }
    let mut per_entity: Vec<Vec<MentionId>> = vec![Vec::new(); next as usize];
    let mut mentions = Vec::with_capacity(items.len());
    for (k, (_, e, mut m)) in items.into_iter().enumerate() {
        let id = order[e].unwrap_or(0);
        m.entity = Some(sitrep_doc::EntityId(id));
        per_entity[id as usize].push(MentionId(k as u32));
        mentions.push(m);
    }
    let mut slots: Vec<Option<sitrep_doc::Entity>> = vec![None; next as usize];
    for (e, b) in res.entities.into_iter().enumerate() {
        if let Some(id) = order[e] {
            let ms = std::mem::take(&mut per_entity[id as usize]);
            slots[id as usize] = Some(resolve::to_entity(b, ms));
        }
    }
    Ok((mentions, slots.into_iter().flatten().collect()))
}
