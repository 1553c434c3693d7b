//! The field's open coding dictionaries (PETRARCH/Phoenix, MIT, Open Event Data Alliance)
//! compiled into sitrep's own matchers: actors with the code in force on a date, agents
//! (role nouns), CAMEO verb patterns in sitrep's pattern language, issue phrases and discards.
//!
//! Key decision: the raw dictionaries stay outside the repository; `data/build.py` turns them
//! into compact derived tables (`data/*.tsv`, with the MIT notice) that are embedded here and
//! matched as word sequences by one Aho-Corasick automaton per table over normalised tokens
//! (lower case, punctuation dropped), never by regular expressions per sentence. The tables
//! are built once per process ([`Lexicon::get`]). One table is sitrep's own, not Phoenix's:
//! `data/sitrep_actors.tsv` (office holders of 2015-2026 and the decade's armed groups, written
//! by hand in the same dated form), read by the same loader before the Phoenix actors.
//!
//! This crate must never read files at run time, never guess a code the dictionaries do not
//! give, and never depend on the document model: it answers questions about token sequences.

mod norm;
mod phrases;
pub mod symmetric;
mod tables;

pub use norm::{normalize_token, normalize_tokens};
pub use phrases::{Hit, PhraseSet};
pub use symmetric::SymmetricCodes;
pub use tables::{
    ActorEntry, ActorKind, ActorMatch, DatedCode, Discard, IssueMatch, Lexicon, Rule, VerbRow,
};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum LexiconError {
    #[error("{file} line {line}: {message}")]
    Data {
        file: &'static str,
        line: usize,
        message: String,
    },
}
