//! The parser's `sentences = "cued"` rule through the registry: sentences with a possible
//! event trigger or speech cue are parsed, the others are left `UNPARSED`.

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
fn only_sentences_with_a_trigger_or_a_cue_are_parsed() {
    // 1: speech cue; 2: neither (no verb: "be" and "have" head patterns of the events
    // lexicon, so most sentences with a verb are parsed); 3: event trigger ("attacked");
    // 4: neither; 5: a quotation mark.
    let text = "The mayor said the bridge would open soon. Mild and grey weather. \
                Rebels attacked a convoy near the border. He paused. \"Not yet.\"";
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
    assert_eq!(parsed, [true, false, true, false, true]);

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
