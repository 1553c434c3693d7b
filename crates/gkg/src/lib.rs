//! GDELT GKG layers for one document: amounts, themes and tone.
//!
//! `GkgStage` fills `doc.amounts` (a number and what it counts), `doc.themes` (GDELT GKG theme
//! codes with the span of the words that signalled them) and `doc.tone` (GDELT's seven V2Tone
//! numbers). The key decision is that all three run on one word scan of their own
//! ([`words`]), so that WordCount and every density have a fixed definition whatever the
//! tokenizer does; token POS and lemmas are used when present. With the amounts it fills
//! `doc.counts` (layer `COUNTS`): GDELT's V2Counts (KILL, WOUND, ARREST, ...), see [`counts`].
//!
//! Lexicons are reviewed text embedded in the binary: `data/themes.tsv` (written for sitrep;
//! every code is a real GDELT theme, checked by a test) and `data/vader_lexicon.txt` (derived
//! from VADER, MIT, see `data/VADER_LICENSE.txt`).
//!
//! # Tone (exact formula)
//! With `W` = number of words (scanned words that contain a letter or digit; punctuation is
//! not a word), `P` = words whose VADER valence is > 0, `N` = words whose valence is < 0
//! (each occurrence counts; no negation or intensifier rules, as GDELT counts words):
//! - Positive = 100·P/W, Negative = 100·N/W (a positive number), Tone = Positive − Negative,
//!   Polarity = Positive + Negative (the share of words that carry emotion);
//! - ActivityRefDensity = 100·V/W where V = tokens tagged VERB (not AUX) by the tagger; 0 when
//!   the document has no POS layer (unknown rather than guessed);
//! - SelfGroupRefDensity = 100·S/W where S = first-person pronouns (I, me, my, mine, myself,
//!   we, us, our, ours, ourselves): self and group reference;
//! - WordCount = W. With W = 0 every number is 0.
//!
//! This stage must never look outside the document or change its text.

pub mod amounts;
pub mod counts;
mod lexicon;
pub mod words;

use lexicon::WordEntry;
use serde::{Deserialize, Serialize};
use sitrep_doc::{Amount, Document, Layers, Stage, StageError, ThemeMention, Tone, Upos};
use sitrep_text::lexical::{pronoun, Person};
use thiserror::Error;
use words::{singular, Word, WordKind};

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum GkgError {
    #[error("{name} line {line}: {message}")]
    Lexicon {
        name: &'static str,
        line: usize,
        message: String,
    },
}

/// Which GKG layers to compute. All on by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GkgConfig {
    pub amounts: bool,
    pub themes: bool,
    pub tone: bool,
}

impl Default for GkgConfig {
    fn default() -> Self {
        GkgConfig {
            amounts: true,
            themes: true,
            tone: true,
        }
    }
}

impl GkgConfig {
    pub fn build(&self) -> Result<GkgStage, GkgError> {
        let words = lexicon::merge(
            lexicon::parse_themes(lexicon::THEMES_TSV)?,
            lexicon::parse_vader(lexicon::VADER_TSV)?,
        );
        Ok(GkgStage {
            config: self.clone(),
            words,
        })
    }
}

/// The runtime stage with its compiled lexicons.
pub struct GkgStage {
    config: GkgConfig,
    /// Theme phrases and VADER valences by word.
    words: lexicon::WordMap<WordEntry>,
}

/// First-person pronouns (SelfGroupRefDensity): self and group reference.
fn is_self_group(w: &str) -> bool {
    pronoun(w).is_some_and(|p| p.person == Person::First)
}

impl GkgStage {
    /// Every GDELT theme code the lexicon can emit (sorted, unique).
    pub fn theme_codes(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .words
            .values()
            .flat_map(|e| &e.phrases)
            .flat_map(|p| p.themes.iter().cloned())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn word_matches(w: &Word, lex: &str) -> bool {
        w.lower == lex || w.lemma == Some(lex) || singular(&w.lower) == Some(lex)
    }

    /// The lexicon entry of each word's lowercase form (None for punctuation): looked up
    /// once per word for both themes and tone.
    fn entries<'s>(&'s self, words: &[Word]) -> Vec<Option<&'s WordEntry>> {
        words
            .iter()
            .map(|w| {
                if w.is_word() {
                    self.words.get(&*w.lower)
                } else {
                    None
                }
            })
            .collect()
    }

    fn themes_of(
        &self,
        doc: &Document,
        words: &[Word],
        entries: &[Option<&WordEntry>],
    ) -> Vec<ThemeMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            let mut matched = 0;
            if w.kind != WordKind::Punct {
                // A key equal to one tried before cannot match where that one did not.
                let lemma = w.lemma.filter(|l| *l != w.lower);
                let plural = singular(&w.lower).filter(|s| Some(*s) != lemma);
                let found = [
                    entries[i],
                    lemma.and_then(|k| self.words.get(k)),
                    plural.and_then(|k| self.words.get(k)),
                ];
                'keys: for entry in found.into_iter().flatten() {
                    for p in &entry.phrases {
                        let n = p.words.len();
                        if i + n <= words.len()
                            && p.words[1..]
                                .iter()
                                .zip(&words[i + 1..i + n])
                                .all(|(l, w)| Self::word_matches(w, l))
                        {
                            if let Ok(span) = doc.span(w.start, words[i + n - 1].end) {
                                out.extend(p.themes.iter().map(|t| ThemeMention {
                                    theme: t.clone(),
                                    span,
                                }));
                            }
                            matched = n;
                            break 'keys;
                        }
                    }
                }
            }
            i += matched.max(1);
        }
        out
    }

    fn tone_of(words: &[Word], entries: &[Option<&WordEntry>], with_pos: bool) -> Tone {
        let (mut w, mut p, mut n, mut v, mut s) = (0u32, 0u32, 0u32, 0u32, 0u32);
        for (word, entry) in words.iter().zip(entries).filter(|(x, _)| x.is_word()) {
            w += 1;
            match entry.and_then(|e| e.valence.as_ref()) {
                Some(&x) if x > 0.0 => p += 1,
                Some(&x) if x < 0.0 => n += 1,
                _ => {}
            }
            if word.pos == Some(Upos::Verb) {
                v += 1;
            }
            if is_self_group(&word.lower) {
                s += 1;
            }
        }
        let pct = |x: u32| {
            if w == 0 {
                0.0
            } else {
                100.0 * f64::from(x) / f64::from(w)
            }
        };
        let (positive, negative) = (pct(p), pct(n));
        Tone {
            tone: positive - negative,
            positive,
            negative,
            polarity: positive + negative,
            activity_density: if with_pos { pct(v) } else { 0.0 },
            self_density: pct(s),
            word_count: w,
        }
    }
}

impl Stage for GkgStage {
    fn name(&self) -> &'static str {
        "gkg"
    }

    fn requires(&self) -> Layers {
        Layers::SENTENCES | Layers::TOKENS
    }

    /// POS and lemmas refine theme phrases and tone (only where a token covers a word).
    fn uses(&self) -> Layers {
        Layers::POS
    }

    fn provides(&self) -> Layers {
        let c = &self.config;
        [
            (c.amounts, Layers::AMOUNTS | Layers::COUNTS),
            (c.themes, Layers::THEMES),
            (c.tone, Layers::TONE),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .fold(Layers::empty(), |acc, (_, l)| acc | l)
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        // `words` borrows the document, so the layers are assigned after it is dropped.
        // Lowercase forms of ASCII words borrow from this copy instead of allocating.
        let lowered = doc.text().to_ascii_lowercase();
        let words = words::scan_with(doc, Some(&lowered));
        let amounts = if self.config.amounts {
            let mut amounts = Vec::new();
            for f in amounts::find(&words) {
                let span = doc
                    .span(words[f.first].start, words[f.last].end)
                    .map_err(|e| StageError::new("gkg", e.to_string()))?;
                amounts.push(Amount {
                    span,
                    value: f.value,
                    object: f.object,
                });
            }
            let counts = counts::counts(&words, &amounts);
            Some((amounts, counts))
        } else {
            None
        };
        let entries = if self.config.themes || self.config.tone {
            self.entries(&words)
        } else {
            Vec::new()
        };
        let themes = self
            .config
            .themes
            .then(|| self.themes_of(doc, &words, &entries));
        let tone = self
            .config
            .tone
            .then(|| Self::tone_of(&words, &entries, doc.done.contains(Layers::POS)));
        drop(entries);
        drop(words);
        if let Some((amounts, counts)) = amounts {
            doc.amounts = amounts;
            doc.counts = counts;
        }
        if let Some(themes) = themes {
            doc.themes = themes;
        }
        if tone.is_some() {
            doc.tone = tone;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
