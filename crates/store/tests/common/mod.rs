//! Hand-built and generated documents for the store's tests and examples.
//!
//! Texts are invented for sitrep's tests (no news text is copied). Annotations are set by
//! hand, with spans found by searching the text, so each test states exactly what it stores.
#![allow(dead_code)]

use chrono::NaiveDate;
use sitrep_doc::*;

/// An entity: (name, key, kind, actor code, surface forms to mark as mentions).
pub struct Ent<'a> {
    pub name: &'a str,
    pub key: &'a str,
    pub kind: EntityKind,
    pub code: Option<&'a str>,
    pub surfaces: &'a [&'a str],
}

/// A quote: its text, the speaker's surface form and the speaker entity (index into ents).
pub struct Q<'a> {
    pub text: &'a str,
    pub speaker: Option<(&'a str, Option<u32>)>,
    pub cue: Option<&'a str>,
}

/// An event: (code, quad class, goldstein, source (code, entity), target (code, entity), trigger).
pub struct Ev<'a> {
    pub code: &'a str,
    pub quad: u8,
    pub goldstein: f32,
    pub source: Option<(&'a str, Option<u32>)>,
    pub target: Option<(&'a str, Option<u32>)>,
    pub trigger: &'a str,
    pub date: Option<NaiveDate>,
}

fn find(doc: &Document, needle: &str) -> Span {
    let at = doc
        .text()
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", doc.meta.id));
    doc.span(at, at + needle.len()).unwrap()
}

fn find_all(doc: &Document, needle: &str) -> Vec<Span> {
    doc.text()
        .match_indices(needle)
        .map(|(at, _)| doc.span(at, at + needle.len()).unwrap())
        .collect()
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn build(
    id: &str,
    day: Option<&str>,
    text: &str,
    ents: &[Ent],
    quotes: &[Q],
    events: &[Ev],
) -> Document {
    let meta = Meta {
        id: id.into(),
        date: day.map(date),
        title: Some(format!("title of {id}")),
        url: Some(format!("https://news.example/{id}")),
        source: Some("news.example".into()),
    };
    let mut doc = Document::new(meta, text.into()).unwrap();
    for (i, e) in ents.iter().enumerate() {
        let mut mentions = Vec::new();
        for s in e.surfaces {
            for span in find_all(&doc, s) {
                mentions.push(MentionId(doc.mentions.len() as u32));
                doc.mentions.push(Mention {
                    span,
                    kind: e.kind,
                    form: MentionForm::Name,
                    title: None,
                    entity: Some(EntityId(i as u32)),
                });
            }
        }
        doc.entities.push(Entity {
            kind: e.kind,
            name: e.name.into(),
            key: e.key.into(),
            actor_code: e.code.map(str::to_string),
            titles: vec![],
            mentions,
            geo: None,
        });
    }
    for q in quotes {
        let span = find(&doc, q.text);
        let speaker = q.speaker.map(|(s, entity)| Speaker {
            span: find(&doc, s),
            entity: entity.map(EntityId),
        });
        let cue = q.cue.map(|c| find(&doc, c));
        doc.quotes.push(Quote {
            span,
            kind: QuoteKind::Direct,
            speaker,
            cue,
        });
    }
    for e in events {
        let actor = |a: Option<(&str, Option<u32>)>, doc: &Document| {
            a.map(|(code, ent)| EventActor {
                actor_code: code.into(),
                entity: ent.map(EntityId),
                span: ent.map_or(Span::default(), |i| {
                    doc.mentions[doc.entities[i as usize].mentions[0].index()].span
                }),
            })
        };
        let source = actor(e.source, &doc);
        let target = actor(e.target, &doc);
        doc.events.push(Event {
            code: e.code.into(),
            base: e.code[..3].into(),
            root: e.code[..2].into(),
            quad_class: e.quad,
            goldstein: e.goldstein,
            source,
            target,
            trigger: find(&doc, e.trigger),
            sentence: SentenceId(0),
            date: e.date,
            place: None,
            is_root: true,
            status: EventStatus::Asserted,
            quote: None,
            rule: "test fixture".into(),
            issues: Vec::new(),
        });
    }
    doc.done = Layers::MENTIONS | Layers::ENTITIES | Layers::QUOTES | Layers::EVENTS;
    doc
}

const BERG: Ent = Ent {
    name: "Anna Berg",
    key: "anna berg",
    kind: EntityKind::Person,
    code: Some("FRAGOV"),
    surfaces: &["Anna Berg", "Berg"],
};

fn volkov<'a>(spelling: &'a str, surfaces: &'a [&'a str]) -> Ent<'a> {
    // The names layer folds "Sergei"/"Sergey" into one key; the store must keep one actor.
    Ent {
        name: spelling,
        key: "sergei volkov",
        kind: EntityKind::Person,
        code: Some("RUSGOV"),
        surfaces,
    }
}

fn ev<'a>(
    code: &'a str,
    quad: u8,
    g: f32,
    s: (&'a str, u32),
    t: (&'a str, u32),
    trigger: &'a str,
) -> Ev<'a> {
    Ev {
        code,
        quad,
        goldstein: g,
        source: Some((s.0, Some(s.1))),
        target: Some((t.0, Some(t.1))),
        trigger,
        date: None,
    }
}

/// Four short invented articles about one dyad (FRAGOV, RUSGOV) and one about another.
///
/// FRAGOV > RUSGOV: 2022-03-01 three mentions (two articles report one meeting, plus
/// sanctions) = 2 happenings, quad 1: 2, quad 4: 1, Goldstein 1 + 1 - 8 = -6;
/// 2022-03-03 one (praise, +4). RUSGOV > FRAGOV: 2022-03-01 one (-2), 2022-03-03 one (-10).
pub fn corpus() -> Vec<Document> {
    let a1 = build(
        "a1",
        Some("2022-03-01"),
        "Foreign Minister Anna Berg met the Russian envoy Sergei Volkov in Vienna. \
         “We are ready to talk about everything,” Berg said. Volkov criticized the plan.",
        &[BERG, volkov("Sergei Volkov", &["Sergei Volkov", "Volkov"])],
        &[Q {
            text: "“We are ready to talk about everything,”",
            speaker: Some(("Berg", Some(0))),
            cue: Some("said"),
        }],
        &[
            ev("040", 1, 1.0, ("FRAGOV", 0), ("RUSGOV", 1), "met"),
            ev("111", 3, -2.0, ("RUSGOV", 1), ("FRAGOV", 0), "criticized"),
        ],
    );
    let a2 = build(
        "a2",
        Some("2022-03-01"),
        "Anna Berg held talks with Sergey Volkov on Tuesday. Paris also imposed new sanctions on Moscow. \
         “Sanctions will not change our course,” Volkov said.",
        &[BERG, volkov("Sergey Volkov", &["Sergey Volkov", "Volkov"])],
        &[Q {
            text: "“Sanctions will not change our course,”",
            speaker: Some(("Volkov", Some(1))),
            cue: Some("said"),
        }],
        &[
            ev("040", 1, 1.0, ("FRAGOV", 0), ("RUSGOV", 1), "held talks"),
            Ev {
                code: "163",
                quad: 4,
                goldstein: -8.0,
                source: Some(("FRAGOV", None)),
                target: Some(("RUSGOV", None)),
                trigger: "imposed",
                date: None,
            },
        ],
    );
    let a3 = build(
        "a3",
        Some("2022-03-03"),
        "Berg praised Volkov for his candour, a spokesman said. Moscow then expelled French diplomats. \
         “The talks were useful, but slow,” a spokesman said.",
        &[BERG, volkov("Sergei Volkov", &["Volkov"])],
        &[Q { text: "“The talks were useful, but slow,”", speaker: Some(("a spokesman", None)), cue: None }],
        &[
            ev("051", 1, 3.4, ("FRAGOV", 0), ("RUSGOV", 1), "praised"),
            Ev {
                code: "1663",
                quad: 4,
                goldstein: -10.0,
                source: Some(("RUSGOV", None)),
                target: Some(("FRAGOV", None)),
                trigger: "expelled",
                date: None,
            },
        ],
    );
    let a4 = build(
        "a4",
        Some("2022-03-10"),
        "Washington consulted Moscow about the plan.",
        &[],
        &[],
        &[Ev {
            code: "040",
            quad: 1,
            goldstein: 1.0,
            source: Some(("USAGOV", None)),
            target: Some(("RUSGOV", None)),
            trigger: "consulted",
            date: None,
        }],
    );
    vec![a1, a2, a3, a4]
}

/// A generated corpus of `n` distinct articles with a few entities, one quote and two
/// events each, spread over 60 days and a handful of dyads.
pub fn synthetic(n: usize) -> Vec<Document> {
    const PEOPLE: &[(&str, &str, &str)] = &[
        ("Lena Moreau", "lena moreau", "FRAGOV"),
        ("Ivan Sokolov", "ivan sokolov", "RUSGOV"),
        ("Maria Keller", "maria keller", "DEUGOV"),
        ("Tom Hale", "tom hale", "USAGOV"),
        ("Aiko Mori", "aiko mori", "JPNGOV"),
    ];
    const VERBS: &[(&str, &str, u8, f32)] = &[
        ("met", "040", 1, 1.0),
        ("warned", "130", 3, -4.4),
        ("helped", "070", 2, 7.0),
        ("accused", "112", 3, -2.0),
    ];
    (0..n)
        .map(|i| {
            let (a, b) = (PEOPLE[i % 5], PEOPLE[(i / 5 + 1 + i) % 5]);
            let b = if a.1 == b.1 { PEOPLE[(i + 1) % 5] } else { b };
            let (v1, v2) = (VERBS[i % 4], VERBS[(i / 4) % 4]);
            let day = date("2023-01-01") + chrono::Days::new((i % 60) as u64);
            let text = format!(
                "Report {i}. {} {} {} in the morning. “Number {i} is what we {} today,” {} said. \
                 Later {} {} {} again.",
                a.0, v1.0, b.0, v2.0, a.0, b.0, v2.0, a.0
            );
            let ents = [
                Ent {
                    name: a.0,
                    key: a.1,
                    kind: EntityKind::Person,
                    code: Some(a.2),
                    surfaces: &[],
                },
                Ent {
                    name: b.0,
                    key: b.1,
                    kind: EntityKind::Person,
                    code: Some(b.2),
                    surfaces: &[],
                },
            ];
            let surf_a = [a.0];
            let surf_b = [b.0];
            let ents = [
                Ent {
                    surfaces: &surf_a,
                    ..ents[0]
                },
                Ent {
                    surfaces: &surf_b,
                    ..ents[1]
                },
            ];
            let quote = format!("“Number {i} is what we {} today,”", v2.0);
            let trig1 = format!("{} {}", v1.0, b.0);
            let trig2 = format!("{} {} again", v2.0, a.0);
            build(
                &format!("gen-{i:05}"),
                Some(&day.to_string()),
                &text,
                &ents,
                &[Q {
                    text: &quote,
                    speaker: Some((a.0, Some(0))),
                    cue: Some("said"),
                }],
                &[
                    Ev {
                        code: v1.1,
                        quad: v1.2,
                        goldstein: v1.3,
                        source: Some((a.2, Some(0))),
                        target: Some((b.2, Some(1))),
                        trigger: &trig1,
                        date: None,
                    },
                    Ev {
                        code: v2.1,
                        quad: v2.2,
                        goldstein: v2.3,
                        source: Some((b.2, Some(1))),
                        target: Some((a.2, Some(0))),
                        trigger: &trig2,
                        date: None,
                    },
                ],
            )
        })
        .collect()
}
