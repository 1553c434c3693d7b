//! Stories and sentences that are no political news, by the Phoenix discard dictionary:
//! its story-level entries (sport and celebrity: "Champions League", "Wimbledon") drop every
//! event of the article, its sentence-level entries (sport, entertainment, culture: "cricket",
//! "film festival") the events of their sentence, as PETRARCH drops them before coding. The
//! sentence-level entries that also stand in political reports ("the third round of talks",
//! "hit by the tsunami") are left out when the table is compiled (`DISCARDS_LEFT_OUT` in
//! sitrep-lexicon's data/build.py). sitrep's own sport vocabulary (scores, sport nouns) is
//! applied before coding, in the stage.

use sitrep_doc::{Document, Event};
use sitrep_lexicon::{Lexicon, Rule};

/// The discard phrases of one document, over its tokens.
pub(crate) struct Discards {
    /// The first story-level entry found: the article is no political news.
    story: Option<Hit>,
    /// Sentence-level entries, in token order.
    sentence: Vec<Hit>,
}

/// A discard entry and the document tokens `start..end` it matched.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub story: bool,
    pub rule: Rule,
    pub start: usize,
    pub end: usize,
}

impl Discards {
    pub(crate) fn of(doc: &Document) -> Discards {
        let texts: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
        let mut story = None;
        let mut sentence = Vec::new();
        for d in Lexicon::get().discards(&texts) {
            if names_a_longer_name(&texts, d.start, d.end) {
                continue;
            }
            let hit = Hit {
                story: d.story,
                rule: d.rule,
                start: d.start,
                end: d.end,
            };
            if d.story {
                story = story.or(Some(hit));
            } else {
                sentence.push(hit);
            }
        }
        Discards { story, sentence }
    }

    /// Why the sentence on tokens `first..last` is not coded: the article's story-level
    /// entry, else a sentence-level entry inside the sentence.
    pub(crate) fn reason(&self, first: usize, last: usize) -> Option<Hit> {
        self.story.or_else(|| {
            let i = self.sentence.partition_point(|h| h.start < first);
            self.sentence[i..]
                .first()
                .filter(|h| h.end <= last)
                .copied()
        })
    }
}

/// Whether a one-word entry is the first word of a longer capitalised name ("Boxing Day",
/// "Marathon Oil"): the name is not the sport.
fn names_a_longer_name(texts: &[&str], start: usize, end: usize) -> bool {
    let capitalised = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    end == start + 1 && capitalised(texts[start]) && texts.get(end).is_some_and(|t| capitalised(t))
}

/// Drops the events of discarded sentences and stories. The dictionary is looked up only
/// when there is an event to drop, so most articles without events pay nothing.
pub(crate) fn drop_discarded(doc: &Document, events: &mut Vec<Event>) {
    if events.is_empty() {
        return;
    }
    let discards = Discards::of(doc);
    events.retain(|e| {
        let Some(s) = doc.sentences.get(e.sentence.0 as usize) else {
            return true;
        };
        discards
            .reason(s.tokens.0 as usize, s.tokens.1 as usize)
            .is_none()
    });
}
