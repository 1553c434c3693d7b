//! The sitrep document model.
//!
//! A [`Document`] owns the original article text, which is never edited after ingest, and
//! carries typed annotation layers on it: paragraphs, sentences, tokens, name mentions,
//! entities, quotes, events, dates, amounts, themes, tone and dependency parses. Every annotation points into
//! the text through a [`Span`] of UTF-8 byte offsets whose construction is checked, so
//! nothing sitrep asserts is without its evidence. Layers refer to each other by index
//! newtypes ([`TokenId`], [`MentionId`], [`EntityId`] ...), never by pointers or clones,
//! which keeps documents `Send + Sync` and serialization trivial.
//!
//! Processing happens in [`Stage`]s: each declares the [`Layers`] it requires, uses (reads
//! if present) and provides; a [`Chain`] (the pipeline's core) refuses an order in which a
//! requirement is unmet, and alone marks layers done. This crate must stay
//! free of heavy dependencies: every other sitrep crate depends on it.

mod chain;
mod deps;
mod document;
mod error;
mod layers;
pub mod output;
mod span;
mod stage;

pub use chain::{Chain, OrderError};
pub use deps::{Dep, Deprel};
pub use document::{Document, Meta, Page};
pub use error::{DocError, ReadError};
pub use layers::*;
pub use span::Span;
pub use stage::{Layers, Stage, StageError};

/// Asserts that the text under a span equals the expected string.
///
/// `assert_span!(doc, quote.span, "We are ready")`
#[macro_export]
macro_rules! assert_span {
    ($doc:expr, $span:expr, $expected:expr) => {{
        let span: $crate::Span = $span;
        assert_eq!($doc.slice(span), $expected, "text under span {:?}", span);
    }};
}
