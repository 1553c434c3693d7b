//! sitrep-parser: Universal Dependencies heads and relations for every sentence.
//!
//! Its role is the syntax under sitrep's actor, target and speaker choices: the `parser`
//! stage fills `Document::deps` (layer `DEPS`) from tokens and UPOS tags, and [`syntax`]
//! answers the questions the event and quote stages ask of it (subject, agent of a passive,
//! objects, obliques by preposition, head noun of a phrase, appositions, possessors,
//! addressees, conjuncts). Key decision: a greedy arc-hybrid transition parser trained with a
//! dynamic oracle and averaged perceptrons over hashed Zhang & Nivre (2011) features, with
//! arc labels chosen by a second perceptron when the arc is made (the dependent's subtree is
//! complete then), and a quantized model embedded in the binary: linear time, hundreds of
//! thousands of tokens per second. A model trained with a beam (early update) decodes with
//! it, at about the beam's width times the cost; the shipped model is greedy. The stage can
//! parse only the sentences a filter accepts (`sentences = "cued"`), leaving [`UNPARSED`]. It must never change tokens, tags or sentences, never read
//! files or the network at run time (unless a config names a model directory), and always
//! yields a single-rooted tree per sentence.

mod beam;
pub mod conllu;
mod error;
mod features;
mod hash;
mod parser;
mod perceptron;
mod stage;
pub mod syntax;
mod system;
mod table;
mod train;

pub use error::ParserError;
pub use parser::{Parser, Scratch, MAX_BEAM, MAX_WORDS, MODEL_FILE};
pub use stage::{ParserConfig, ParserStage, SentenceFilter, Sentences, UNPARSED};
pub use train::{evaluate, predicted_upos, train, Scores, TrainOptions, TrainReport};
