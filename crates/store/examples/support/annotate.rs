//! A deliberately small stand-in annotator for the store's examples and measurements: it
//! gives a raw article plausible layers (names, quotes, events) so ingest and queries can be
//! timed on real text without the full pipeline. It is NOT sitrep's extraction and its output
//! is not meant to be right; the pipeline crates do the real work.

use chrono::NaiveDate;
use sitrep_doc::*;
use std::collections::HashMap;

/// Single-word names with a CAMEO country code (a handful, for dyads to exist).
const COUNTRIES: &[(&str, &str)] = &[
    ("US", "USA"),
    ("America", "USA"),
    ("Washington", "USA"),
    ("UK", "GBR"),
    ("Britain", "GBR"),
    ("London", "GBR"),
    ("China", "CHN"),
    ("Beijing", "CHN"),
    ("France", "FRA"),
    ("Paris", "FRA"),
    ("Germany", "DEU"),
    ("Russia", "RUS"),
    ("Moscow", "RUS"),
    ("Japan", "JPN"),
    ("India", "IND"),
    ("Iraq", "IRQ"),
    ("Iran", "IRN"),
    ("Israel", "ISR"),
    ("EU", "IGOEU"),
    ("Brussels", "IGOEU"),
];

/// Verbs that make a (fake) event between the names around them.
const VERBS: &[(&str, &str, u8, f32)] = &[
    ("met", "040", 1, 1.0),
    ("praised", "051", 1, 3.4),
    ("agreed", "030", 1, 4.0),
    ("signed", "057", 1, 8.0),
    ("helped", "070", 2, 7.0),
    ("urged", "100", 3, -5.0),
    ("criticised", "111", 3, -2.0),
    ("criticized", "111", 3, -2.0),
    ("accused", "112", 3, -2.0),
    ("warned", "130", 3, -4.0),
    ("threatened", "130", 3, -4.4),
    ("attacked", "190", 4, -10.0),
    ("sued", "115", 3, -2.0),
    ("beat", "190", 4, -10.0),
];

const STOP: &[&str] = &[
    "The", "But", "It", "In", "A", "An", "He", "She", "They", "We", "This", "That", "And", "Mr",
    "Mrs", "Ms", "If", "On", "At", "For", "As", "However", "There", "I", "Its", "His", "Her",
    "Their", "Our", "When", "After", "So",
];

struct Word {
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || c == '\'' || c == '-';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    out
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && !STOP.contains(&w)
}

/// Annotates a document in place: names, quotes, events. `date` is set when missing.
pub fn annotate(doc: &mut Document) {
    let text = doc.text().to_string();
    let ws = words(&text);
    let country: HashMap<&str, &str> = COUNTRIES.iter().copied().collect();
    let mut keys: HashMap<String, EntityId> = HashMap::new();
    // (mention span, entity) in text order.
    let mut marks: Vec<(Span, EntityId)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &text[ws[i].start..ws[i].end];
        let mut j = i;
        // A run of capitalized words joined by single spaces.
        while j < ws.len()
            && capitalized(&text[ws[j].start..ws[j].end])
            && (j == i || &text[ws[j - 1].end..ws[j].start] == " ")
            && j - i < 3
        {
            j += 1;
        }
        let run = j - i;
        let is_country = run >= 1 && country.contains_key(w);
        if run >= 2 || is_country {
            let (end, code, kind) = if is_country {
                (
                    ws[i].end,
                    Some(country[w].to_string()),
                    EntityKind::Location,
                )
            } else {
                (ws[j - 1].end, None, EntityKind::Person)
            };
            let name = &text[ws[i].start..end];
            let key = if is_country {
                country[w].to_lowercase()
            } else {
                name.to_lowercase()
            };
            let span = doc
                .span(ws[i].start, end)
                .expect("word bounds are char bounds");
            let id = *keys.entry(key.clone()).or_insert_with(|| {
                doc.entities.push(Entity {
                    kind,
                    name: name.to_string(),
                    key,
                    actor_code: code,
                    titles: vec![],
                    mentions: vec![],
                    geo: None,
                });
                EntityId(doc.entities.len() as u32 - 1)
            });
            let mid = MentionId(doc.mentions.len() as u32);
            doc.mentions.push(Mention {
                span,
                kind,
                form: MentionForm::Name,
                title: None,
                entity: Some(id),
            });
            doc.entities[id.index()].mentions.push(mid);
            marks.push((span, id));
            i = if is_country { i + 1 } else { j };
        } else {
            i += 1;
        }
    }

    // Quotes: text between “ ” or straight double quotes; speaker = the next name within
    // 60 bytes after the closing mark.
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < text.len() {
        let (open_len, close) = if text[k..].starts_with('“') {
            (3, "”")
        } else if bytes[k] == b'"' {
            (1, "\"")
        } else {
            k += text[k..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let Some(rel) = text[k + open_len..].find(close) else {
            break;
        };
        let end = k + open_len + rel + close.len();
        let inner = &text[k + open_len..k + open_len + rel];
        if inner.split_whitespace().count() >= 3 && !inner.contains('\n') {
            let span = doc.span(k, end).expect("quote marks are char bounds");
            let speaker = marks
                .iter()
                .find(|(s, _)| s.start() >= end && s.start() <= end + 60)
                .map(|&(s, e)| Speaker {
                    span: s,
                    entity: Some(e),
                });
            let mut window_end = (end + 60).min(text.len());
            while !text.is_char_boundary(window_end) {
                window_end -= 1;
            }
            let cue = text[end..window_end]
                .find(" said")
                .and_then(|p| doc.span(end + p + 1, end + p + 5).ok());
            doc.quotes.push(Quote {
                span,
                kind: QuoteKind::Direct,
                speaker,
                cue,
            });
        }
        k = end;
    }

    // Events: "<name> <verb> ... <name>" inside one line, at most 80 bytes apart.
    for w in &ws {
        let verb = &text[w.start..w.end];
        let Some(&(_, code, quad, goldstein)) = VERBS.iter().find(|v| v.0 == verb) else {
            continue;
        };
        let before = marks
            .iter()
            .rev()
            .find(|(s, _)| s.end() <= w.start && w.start - s.end() <= 40);
        let after = marks
            .iter()
            .find(|(s, _)| s.start() >= w.end && s.start() - w.end <= 40);
        let (Some(&(ss, se)), Some(&(ts, te))) = (before, after) else {
            continue;
        };
        if se == te || text[ss.start()..ts.end()].contains('\n') {
            continue;
        }
        let actor = |span: Span, e: EntityId, doc: &Document| EventActor {
            actor_code: doc.entities[e.index()]
                .actor_code
                .clone()
                .unwrap_or_default(),
            entity: Some(e),
            span,
        };
        let source = actor(ss, se, doc);
        let target = actor(ts, te, doc);
        doc.events.push(Event {
            code: code.into(),
            base: code[..3].into(),
            root: code[..2].into(),
            quad_class: quad,
            goldstein,
            source: Some(source),
            target: Some(target),
            trigger: doc.span(w.start, w.end).expect("word bounds"),
            sentence: SentenceId(0),
            date: None,
            place: None,
            is_root: w.start < 400,
            status: EventStatus::Asserted,
            quote: None,
            rule: "test fixture".into(),
            issues: Vec::new(),
        });
    }
    doc.done |= Layers::MENTIONS | Layers::ENTITIES | Layers::QUOTES | Layers::EVENTS;
}

/// A stand-in date for undated corpora, spread over two years by position.
pub fn synthetic_date(n: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2004, 1, 1).unwrap() + chrono::Days::new((n % 730) as u64)
}
