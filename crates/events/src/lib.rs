//! CAMEO event coding with evidence: who did what to whom, from verb and noun patterns over a
//! light clause analysis of tagged sentences.
//!
//! Key decision: precision first. An event is coded only when a reviewed pattern in `data/`
//! fired on a verb (or on a noun with both sides named), and only with an actor as its
//! source: a named entity, or an agent noun ("police", "protesters") with the country its
//! phrase, clause or article gives it (`agents`). Violence (roots 18-20) may have a victim
//! alone or an unknown perpetrator ("gunmen"), as GDELT allows one actor. The
//! act's polarity and modality decide what it is: a negated act did not happen (a negated
//! cooperation is a refusal, 12x), a future or conditional hostile act is a threat (13x), a
//! cooperative one an intent (03x), "has no plans to attack" a denial (016), a hedged act
//! ("may impose") nothing. Actors come from sentence structure (subject, object,
//! prepositional target, passive agent, coordination), never from word proximity; a reaction
//! whose object names an earlier act ("condemned the decision") targets that act's author
//! (`anaphora`). An act inside a quotation is the speaker's claim (`status: Reported`).
//!
//! This stage must never fall back to a default code, never code a noun as an act without its
//! actors named around it, and never read anything but the document it is given.

mod agents;
mod anaphora;
mod clause;
mod coder;
mod codes;
mod collective;
mod discard;
mod lexicon;
mod lookup;
mod stage;
mod transform;
mod tree;
mod wordlists;

#[cfg(test)]
mod cases;
#[cfg(test)]
mod testkit;

pub use codes::{CodeInfo, CodeTable};
pub use lexicon::{Lexicon, TriggerWord};
pub use stage::{explain, names_an_actor, EventsStage};

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum EventsError {
    #[error("{file} line {line}: {message}")]
    Data {
        file: &'static str,
        line: usize,
        message: String,
    },
}

/// Configuration of the events stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EventsConfig {
    /// Code attributed quotations as statements by their speaker (010, or what the cue verb
    /// says: "praised" 051, "accused" 112 ...).
    pub speech_events: bool,
}

impl Default for EventsConfig {
    fn default() -> Self {
        EventsConfig {
            speech_events: true,
        }
    }
}

impl EventsConfig {
    /// The stage over the embedded pattern data and code table, parsed once per process.
    pub fn build(&self) -> Result<EventsStage, EventsError> {
        Ok(EventsStage::new(Lexicon::shared()?, self.clone()))
    }
}
