//! The parser's `sentences = "cued"` rule through the registry: sentences that name an actor
//! and may hold an event trigger or a speech cue are parsed, the others are left `UNPARSED`.

use sitrep_doc::{Deprel, Document, Meta};
use sitrep_parser::{Sentences, UNPARSED};
use sitrep_pipeline::{Pipeline, PipelineConfig, StageConfig};

fn pipeline(rule: Sentences) -> Pipeline {
    let mut config = PipelineConfig::default().with_stage("parser").unwrap();
    for stage in &mut config.stages {
        if let StageConfig::Parser(c) = stage {
            c.sentences = rule;
        }
    }
    Pipeline::build(&config).expect("the pipeline builds")
}

#[test]
fn only_sentences_with_an_actor_and_a_trigger_or_a_cue_are_parsed() {
    // 1: a named actor and a speech cue; 2: an actor, no verb; 3: an actor and an event
    // trigger ("attacked"); 4: a verb with a pattern but no named actor; 5: an actor and
    // only "be", whose patterns need words this sentence lacks ("be critical of").
    let text = "France said the bridge would open soon. Mild and grey weather in Germany. \
                Russia attacked a convoy near the border. He paused and attacked. \
                The weather in Spain was nice.";
    let mut doc = Document::new(Meta::default(), text.to_string()).unwrap();
    let report = pipeline(Sentences::Cued).process(&mut doc);
    assert_eq!(report.errors, 0, "{:?}", doc.errors);
    let parsed: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| {
            let deps = &doc.deps[s.tokens.0 as usize..s.tokens.1 as usize];
            let unparsed = deps.iter().all(|d| *d == UNPARSED);
            if !unparsed {
                assert_eq!(deps.iter().filter(|d| d.rel == Deprel::Root).count(), 1);
                assert!(!deps.contains(&UNPARSED));
            }
            !unparsed
        })
        .collect();
    assert_eq!(parsed.len(), 5, "{:?}", doc.sentences);
    assert_eq!(parsed, [true, false, true, false, false]);

    // The default rule parses every sentence.
    let mut all = Document::new(Meta::default(), text.to_string()).unwrap();
    pipeline(Sentences::All).process(&mut all);
    assert!(!all.deps.contains(&UNPARSED));
    assert_eq!(all.deps.len(), all.tokens.len());
}

#[test]
fn a_cued_parser_without_a_filter_is_a_clear_error() {
    let config = sitrep_parser::ParserConfig {
        sentences: Sentences::Cued,
        ..Default::default()
    };
    let err = config.build().unwrap_err().to_string();
    assert!(err.contains("cued"), "{err}");
}
