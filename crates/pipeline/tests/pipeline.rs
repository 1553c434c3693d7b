//! The pipeline's contract, with small fake stages: order checking, error recording,
//! panics, input order under parallelism, chunking and the summary.

use sitrep_doc::OrderError;
use sitrep_doc::{Document, Layers, Meta, Stage, StageError};
use sitrep_ingest::{IngestError, Location, Record};
use sitrep_pipeline::{Flow, Pipeline, PipelineConfig, PipelineError, RunOptions, StageConfig};

#[derive(Clone, Copy)]
enum Behaviour {
    Works,
    /// Fails on documents whose text contains "fail".
    FailsOn,
    /// Panics on documents whose text contains "panic".
    PanicsOn,
    /// Takes the tokens out of the document (as the tagger does while it works), then
    /// panics on documents whose text contains "panic".
    TakesTokensThenPanics,
}

struct Fake {
    name: &'static str,
    requires: Layers,
    uses: Layers,
    provides: Layers,
    behaviour: Behaviour,
}

impl Stage for Fake {
    fn name(&self) -> &'static str {
        self.name
    }
    fn requires(&self) -> Layers {
        self.requires
    }
    fn uses(&self) -> Layers {
        self.uses
    }
    fn provides(&self) -> Layers {
        self.provides
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        match self.behaviour {
            Behaviour::FailsOn if doc.text().contains("fail") => {
                return Err(StageError::new(self.name, "cannot cope"))
            }
            Behaviour::PanicsOn if doc.text().contains("panic") => panic!("boom in {}", self.name),
            Behaviour::TakesTokensThenPanics => {
                let tokens = std::mem::take(&mut doc.tokens);
                if doc.text().contains("panic") {
                    panic!("boom in {} holding {} tokens", self.name, tokens.len());
                }
                doc.tokens = tokens;
            }
            _ => {}
        }
        // Leave a visible trace of having run: a theme named after the stage.
        doc.themes.push(sitrep_doc::ThemeMention {
            theme: self.name.to_string(),
            span: doc.span(0, 0).unwrap(),
        });
        Ok(())
    }
}

fn fake(
    name: &'static str,
    requires: Layers,
    provides: Layers,
    behaviour: Behaviour,
) -> Box<dyn Stage> {
    Box::new(Fake {
        name,
        requires,
        uses: Layers::empty(),
        provides,
        behaviour,
    })
}

fn fake_using(
    name: &'static str,
    requires: Layers,
    uses: Layers,
    provides: Layers,
) -> Box<dyn Stage> {
    Box::new(Fake {
        name,
        requires,
        uses,
        provides,
        behaviour: Behaviour::Works,
    })
}

/// A stage that makes one sentence of one token over the whole text.
struct OneToken;

impl Stage for OneToken {
    fn name(&self) -> &'static str {
        "one-token"
    }
    fn requires(&self) -> Layers {
        Layers::empty()
    }
    fn provides(&self) -> Layers {
        Layers::SENTENCES | Layers::TOKENS
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let span = doc.body();
        doc.sentences.push(sitrep_doc::Sentence {
            span,
            paragraph: 0,
            tokens: (0, 1),
        });
        doc.tokens.push(sitrep_doc::Token {
            span,
            sentence: sitrep_doc::SentenceId(0),
            pos: Default::default(),
            lemma: String::new(),
            ner: Default::default(),
        });
        Ok(())
    }
}

fn doc(id: &str, text: &str) -> Record {
    Ok(Document::new(
        Meta {
            id: id.into(),
            ..Meta::default()
        },
        text.into(),
    )
    .unwrap())
}

fn ran(doc: &Document) -> Vec<&str> {
    doc.themes.iter().map(|t| t.theme.as_str()).collect()
}

#[test]
fn build_refuses_a_stage_whose_requirements_come_later() {
    let stages = vec![
        fake(
            "quotes",
            Layers::SENTENCES | Layers::TOKENS | Layers::ENTITIES,
            Layers::QUOTES,
            Behaviour::Works,
        ),
        fake(
            "segment",
            Layers::empty(),
            Layers::SENTENCES | Layers::TOKENS,
            Behaviour::Works,
        ),
    ];
    let err = Pipeline::from_stages(stages).unwrap_err();
    assert_eq!(
        err,
        PipelineError::Order(OrderError {
            stage: "quotes".into(),
            missing: "SENTENCES, TOKENS, ENTITIES".into()
        })
    );
    assert_eq!(
        err.to_string(),
        "stage \"quotes\" requires SENTENCES, TOKENS, ENTITIES, which no earlier stage provides"
    );

    let stages = vec![
        fake(
            "segment",
            Layers::empty(),
            Layers::SENTENCES | Layers::TOKENS,
            Behaviour::Works,
        ),
        fake(
            "quotes",
            Layers::SENTENCES | Layers::TOKENS | Layers::ENTITIES,
            Layers::QUOTES,
            Behaviour::Works,
        ),
    ];
    let err = Pipeline::from_stages(stages).unwrap_err();
    assert_eq!(
        err.to_string(),
        "stage \"quotes\" requires ENTITIES, which no earlier stage provides"
    );
}

#[test]
fn config_names_unknown_stages() {
    let err = StageConfig::named("telepathy").unwrap_err();
    assert!(
        matches!(err, PipelineError::UnknownStage { ref stage, .. } if stage == "telepathy"),
        "{err}"
    );
    let err = PipelineConfig::from_toml(
        "[[stages]]\nstage = \"segment\"\n[[stages]]\nstage = \"telepathy\"\n",
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("unknown stage \"telepathy\""),
        "{err}"
    );
}

#[test]
fn a_used_layer_provided_only_later_builds_with_a_warning() {
    let early = Pipeline::from_stages(vec![
        fake("quotes", Layers::empty(), Layers::QUOTES, Behaviour::Works),
        fake_using(
            "events",
            Layers::empty(),
            Layers::QUOTES | Layers::DATES,
            Layers::EVENTS,
        ),
    ])
    .unwrap();
    assert!(early.warnings().is_empty(), "{:?}", early.warnings());
    let late = Pipeline::from_stages(vec![
        fake_using(
            "events",
            Layers::empty(),
            Layers::QUOTES | Layers::DATES,
            Layers::EVENTS,
        ),
        fake("quotes", Layers::empty(), Layers::QUOTES, Behaviour::Works),
    ])
    .unwrap();
    assert_eq!(
        late.warnings(),
        ["stage events uses QUOTES, which only a later stage provides: it runs without it"]
    );
    // A used layer nobody provides is no warning: the stage is meant to run without it.
}

#[test]
fn events_before_quotes_in_a_config_warns() {
    let names = ["segment", "dates", "tagger", "names", "events", "quotes"];
    let config = PipelineConfig {
        stages: names
            .iter()
            .map(|n| StageConfig::named(n).unwrap())
            .collect(),
    };
    let pipeline = Pipeline::build(&config).unwrap();
    assert_eq!(
        pipeline.warnings(),
        ["stage events uses QUOTES, which only a later stage provides: it runs without it"]
    );
    assert!(Pipeline::standard().unwrap().warnings().is_empty());
}

#[test]
fn names_runs_without_ner_or_the_tagger() {
    // The tagger without its NER model, then names: names only uses NER.
    let config = PipelineConfig::from_toml(
        "[[stages]]\nstage = \"segment\"\n\
         [[stages]]\nstage = \"tagger\"\nconfig = { ner = false }\n\
         [[stages]]\nstage = \"names\"\n",
    )
    .unwrap();
    let pipeline = Pipeline::build(&config).unwrap();
    assert!(pipeline.warnings().is_empty(), "{:?}", pipeline.warnings());
    let mut d = doc(
        "n",
        "Elena Markova met the Foreign Minister of France in Geneva.",
    )
    .unwrap();
    assert!(pipeline.process(&mut d).ok(), "{:?}", d.errors);
    assert!(d.done.contains(Layers::POS | Layers::MENTIONS));
    assert!(!d.done.contains(Layers::NER));
    assert!(!d.mentions.is_empty());
    // No tagger at all.
    let config = PipelineConfig::from_toml(
        "[[stages]]\nstage = \"segment\"\n[[stages]]\nstage = \"names\"\n",
    )
    .unwrap();
    let pipeline = Pipeline::build(&config).unwrap();
    let mut d = doc("n", "Elena Markova arrived in Geneva on Monday.").unwrap();
    assert!(pipeline.process(&mut d).ok(), "{:?}", d.errors);
    assert!(!d.mentions.is_empty());
}

#[test]
fn a_stage_that_panics_after_emptying_a_done_layer_leaves_it_not_done() {
    let pipeline = Pipeline::from_stages(vec![
        Box::new(OneToken),
        fake(
            "tagger",
            Layers::TOKENS,
            Layers::POS | Layers::NER,
            Behaviour::TakesTokensThenPanics,
        ),
        fake("names", Layers::TOKENS, Layers::MENTIONS, Behaviour::Works),
        fake("dates", Layers::SENTENCES, Layers::DATES, Behaviour::Works),
    ])
    .unwrap();
    let mut d = doc("p", "panic now").unwrap();
    pipeline.process(&mut d);
    assert!(d.tokens.is_empty());
    assert_eq!(d.done, Layers::SENTENCES | Layers::DATES, "{:?}", d.errors);
    assert_eq!(
        d.errors,
        [
            "stage tagger: panicked: boom in tagger holding 1 tokens",
            "stage tagger: failed after changing TOKENS, now marked not done",
            "stage names: skipped, it needs TOKENS which an earlier stage failed to provide",
        ]
    );
    assert_eq!(ran(&d), ["dates"]);
    // Without a panic, everything runs and is done.
    let mut d = doc("q", "all fine").unwrap();
    assert!(pipeline.process(&mut d).ok(), "{:?}", d.errors);
    assert_eq!(d.tokens.len(), 1);
    assert!(d
        .done
        .contains(Layers::TOKENS | Layers::POS | Layers::MENTIONS));
}

#[test]
fn only_the_pipeline_marks_layers_done() {
    // The real stages, run one by one outside a pipeline, leave `done` alone.
    let mut d = doc("x", "Talks began in Vienna on Monday. They ended late.").unwrap();
    for stage in PipelineConfig::default().stages {
        let stage = stage.build().unwrap();
        stage.process(&mut d).unwrap();
        assert_eq!(
            d.done,
            Layers::empty(),
            "{} marked layers done",
            stage.name()
        );
    }
}

#[test]
fn a_stage_error_is_recorded_and_only_dependent_stages_are_skipped() {
    let pipeline = Pipeline::from_stages(vec![
        fake("a", Layers::empty(), Layers::SENTENCES, Behaviour::Works),
        fake("b", Layers::SENTENCES, Layers::MENTIONS, Behaviour::FailsOn),
        fake("c", Layers::MENTIONS, Layers::QUOTES, Behaviour::Works),
        fake("d", Layers::SENTENCES, Layers::DATES, Behaviour::Works),
    ])
    .unwrap();
    let mut bad = doc("bad", "this will fail").unwrap();
    let report = pipeline.process(&mut bad);
    assert_eq!(ran(&bad), ["a", "d"]);
    assert_eq!(
        bad.errors,
        [
            "stage b: cannot cope",
            "stage c: skipped, it needs MENTIONS which an earlier stage failed to provide"
        ]
    );
    assert_eq!(bad.done, Layers::SENTENCES | Layers::DATES);
    assert_eq!(report.errors, 2);
    assert!(!report.ok());

    let mut good = doc("good", "all is well").unwrap();
    let report = pipeline.process(&mut good);
    assert_eq!(ran(&good), ["a", "b", "c", "d"]);
    assert!(report.ok());
    assert_eq!(
        good.done,
        Layers::SENTENCES | Layers::MENTIONS | Layers::QUOTES | Layers::DATES
    );
}

#[test]
fn a_panicking_stage_becomes_a_document_error() {
    let pipeline = Pipeline::from_stages(vec![
        fake("p", Layers::empty(), Layers::SENTENCES, Behaviour::PanicsOn),
        fake("q", Layers::empty(), Layers::DATES, Behaviour::Works),
    ])
    .unwrap();
    let input = vec![
        doc("1", "fine"),
        doc("2", "panic here"),
        doc("3", "fine again"),
    ];
    let out: Vec<_> = pipeline
        .run_batch(input.into_iter(), RunOptions::default())
        .unwrap()
        .collect();
    assert_eq!(out.len(), 3);
    let second = out[1].record.as_ref().unwrap();
    assert_eq!(second.errors, ["stage p: panicked: boom in p"]);
    assert_eq!(ran(second), ["q"]);
    assert!(out[0].report.ok() && out[2].report.ok());
}

#[test]
fn run_batch_keeps_input_order_across_chunks_and_threads() {
    let pipeline = Pipeline::from_stages(vec![fake(
        "a",
        Layers::empty(),
        Layers::SENTENCES,
        Behaviour::FailsOn,
    )])
    .unwrap();
    let n = 1000;
    let input = (0..n).map(|i| {
        if i % 97 == 0 {
            Err(IngestError::Empty {
                at: Location::line("in.jsonl", i as u64 + 1),
            })
        } else {
            // Uneven sizes so that threads finish out of order.
            let text = format!(
                "article {i} {}{}",
                "x".repeat((i * 7919) % 3000),
                if i % 50 == 1 { " fail" } else { "" }
            );
            doc(&i.to_string(), &text)
        }
    });
    let options = RunOptions {
        threads: Some(4),
        chunk_docs: 37,
        chunk_bytes: 40_000,
    };
    let mut batch = pipeline.run_batch(input, options).unwrap();
    let mut ids = Vec::new();
    for p in &mut batch {
        ids.push(p.to_record().id);
    }
    let expected: Vec<String> = (0..n)
        .map(|i| {
            if i % 97 == 0 {
                format!("in.jsonl:{}", i + 1)
            } else {
                i.to_string()
            }
        })
        .collect();
    assert_eq!(ids, expected);
    let summary = batch.summary();
    let failed = (0..n).filter(|i| i % 97 == 0).count() as u64;
    let stage_errors = (0..n).filter(|i| i % 97 != 0 && i % 50 == 1).count() as u64;
    assert_eq!(summary.articles, n as u64);
    assert_eq!(summary.failed_records, failed);
    assert_eq!(summary.with_stage_errors, stage_errors);
    assert!(summary.bytes > 1_000_000);
}

fn uneven_input(n: usize) -> impl Iterator<Item = Record> + Send {
    (0..n).map(|i| {
        if i % 97 == 0 {
            Err(IngestError::Empty {
                at: Location::line("in.jsonl", i as u64 + 1),
            })
        } else {
            doc(
                &i.to_string(),
                &format!("article {i} {}", "x".repeat((i * 7919) % 3000)),
            )
        }
    })
}

#[test]
fn run_each_hands_over_every_record_in_input_order_with_running_totals() {
    let pipeline = Pipeline::from_stages(vec![fake(
        "a",
        Layers::empty(),
        Layers::SENTENCES,
        Behaviour::Works,
    )])
    .unwrap();
    let options = RunOptions {
        threads: Some(3),
        chunk_docs: 37,
        chunk_bytes: 40_000,
    };
    let n = 1000;
    let expected: Vec<String> = pipeline
        .run_batch(uneven_input(n), options)
        .unwrap()
        .map(|p| p.to_record().id)
        .collect();
    let mut ids = Vec::new();
    let summary = pipeline
        .run_each(uneven_input(n), options, |p, totals| {
            ids.push(p.to_record().id);
            assert_eq!(totals.articles as usize, ids.len());
            Flow::Continue
        })
        .unwrap();
    assert_eq!(ids.len(), n);
    assert_eq!(ids, expected);
    assert_eq!(summary.articles, n as u64);
    assert_eq!(
        summary.failed_records,
        (0..n).filter(|i| i % 97 == 0).count() as u64
    );

    // Mapped on the workers: the same order, and each mapped value belongs to its report.
    let mut mapped = Vec::new();
    let summary = pipeline
        .run_each_mapped(
            uneven_input(n),
            options,
            |p| (p.to_record().id, p.report.id.clone()),
            |(id, report_id), _| {
                assert_eq!(id, report_id);
                mapped.push(id);
                Flow::Continue
            },
        )
        .unwrap();
    assert_eq!(mapped, expected);
    assert_eq!(summary.articles, n as u64);

    // Stopping early: nothing after the stop is handed over, and the run ends.
    let mut seen = 0;
    let summary = pipeline
        .run_each(uneven_input(n), options, |_, _| {
            seen += 1;
            if seen == 100 {
                Flow::Stop
            } else {
                Flow::Continue
            }
        })
        .unwrap();
    assert_eq!(seen, 100);
    assert_eq!(summary.articles, 100);
}

#[test]
fn ingest_errors_become_failed_records_with_their_message() {
    let pipeline = Pipeline::from_stages(vec![]).unwrap();
    let err = IngestError::MissingField {
        at: Location::line("x.jsonl", 3),
        field: "text",
    };
    let out: Vec<_> = pipeline
        .run_batch(vec![Err(err)].into_iter(), RunOptions::default())
        .unwrap()
        .collect();
    let rec = out[0].to_record();
    assert_eq!(rec.id, "x.jsonl:3");
    assert_eq!(rec.errors, ["x.jsonl:3: missing field `text`"]);
    assert!(!out[0].report.read_ok);
}

#[test]
fn zero_threads_is_a_clear_error_or_works() {
    // rayon treats 0 as "one per core"; either way the batch must run.
    let pipeline = Pipeline::from_stages(vec![]).unwrap();
    let options = RunOptions {
        threads: Some(0),
        ..RunOptions::default()
    };
    let n = pipeline
        .run_batch(vec![doc("a", "text")].into_iter(), options)
        .unwrap()
        .count();
    assert_eq!(n, 1);
}

#[test]
fn the_standard_pipeline_segments_from_the_body() {
    let pipeline = Pipeline::standard().unwrap();
    assert_eq!(pipeline.stage_names()[0], "segment");
    let raw = "date 2022-03-01 Talks began in Vienna. They ended late.";
    let mut d = sitrep_ingest::text_document("t.txt", raw.as_bytes().to_vec(), 1000).unwrap();
    let report = pipeline.process(&mut d);
    assert!(report.ok(), "{:?}", d.errors);
    assert_eq!(d.sentences.len(), 2);
    assert_eq!(d.sentences[0].span.start(), 16);
    sitrep_doc::assert_span!(d, d.sentences[0].span, "Talks began in Vienna.");
    assert!(d.done.contains(Layers::SENTENCES | Layers::TOKENS));
}
