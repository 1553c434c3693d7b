//! sitrep-tagger: universal POS tags, lemmas and PER/ORG/LOC named-entity labels for tokens.
//!
//! Its role is the statistical layer under sitrep's name, quote and event stages: for each
//! sentence of a document it sets `Token::pos`, `Token::lemma` and `Token::ner`. Key decision:
//! averaged perceptrons over hashed features into dense i16 weight tables (a greedy
//! left-to-right UPOS tagger after Honnibal, and an IOB2 NER tagger trained and decoded with a
//! small beam and early update), trained on UD English EWT and Universal NER, with the model
//! embedded in the binary. Features are hashed from precomputed per-token hashes, never built
//! as strings, so tagging runs at hundreds of thousands of tokens per second. Lemmas come from
//! a table of training exceptions plus learned suffix rules; NER also sees name lists
//! (GeoNames places, US Census names). It must never change tokens or sentences, never read
//! files or the network at run time (unless a config names a model directory), and never emit
//! an invalid IOB2 sequence.

mod cache;
mod data;
mod error;
mod features;
mod gazetteer;
/// Feature hashing and the training PRNG, shared with the dependency parser.
pub mod hash;
mod iob;
mod lemma;
mod model;
mod perceptron;
mod prefetch;
mod stage;
mod tables;
mod tagger;
mod train;

pub use data::{
    hyphen_groups, load_conllu, load_iob2, merge_ner, merge_pos, NerSentence, PosSentence, PosWord,
};
pub use error::TaggerError;
pub use features::{analyze, is_title_word, TokenInfo};
pub use gazetteer::{gaz, Gazetteer};
pub use iob::{
    begin_of, ent_type, inside_of, parse_label, repair, spans, tag_str, valid_transition, EntType,
    NerScores, Prf, NER_TAGS,
};
pub use lemma::{Lemmatizer, Rule};
pub use model::ModelFile;
pub use stage::{TaggerConfig, TaggerStage};
pub use tagger::{Scratch, Tagger, DEFAULT_BEAM};
pub use train::{eval_ner, eval_pos, train, train_pos_tagger, TrainOptions, TrainReport};
