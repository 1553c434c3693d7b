//! The registry: one enum, [`StageConfig`], with a variant per stage carrying that stage
//! crate's own typed config (as HF tokenizers' `NormalizerWrapper` does for normalizers).
//! Its declaration order is the standard pipeline's. Adding a stage is one line in the
//! `registry!` invocation below.
//!
//! On the wire a stage is `{ stage = "name", config = { ... } }` (the `[[stages]]` entries
//! of a TOML config); `config` may be left out for the stage's defaults, and each stage's
//! config rejects unknown keys.

use crate::PipelineError;
use serde::{Deserialize, Serialize};
use sitrep_doc::Stage;

/// Declares the stages: variant, wire name, config type. Generates [`StageConfig`], its
/// names, its defaults in standard order, reading by name and building.
macro_rules! registry {
    ($($variant:ident => $name:literal, $config:ty;)*) => {
        /// One stage with its typed config. Serialized as `{ stage, config }` (see the
        /// module docs).
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(try_from = "RawStage", into = "RawStage")]
        pub enum StageConfig {
            $($variant($config),)*
        }

        /// The stages the registry knows, in standard-pipeline order.
        pub const STAGE_NAMES: &[&str] = &[$($name),*];

        impl StageConfig {
            /// The stage's registry name ("segment", "dates" ...).
            pub fn name(&self) -> &'static str {
                match self {
                    $(StageConfig::$variant(_) => $name,)*
                }
            }

            /// Every stage with its default config, in registry (pipeline) order.
            pub fn all() -> Vec<StageConfig> {
                vec![$(StageConfig::$variant(<$config>::default()),)*]
            }

            /// The stage called `name` with its config read from `config` (absent: default).
            pub fn from_parts(
                name: &str,
                config: Option<serde_json::Value>,
            ) -> Result<StageConfig, PipelineError> {
                match name {
                    $($name => Ok(StageConfig::$variant(read_config(name, config)?)),)*
                    other => Err(PipelineError::UnknownStage {
                        stage: other.to_string(),
                        known: STAGE_NAMES.join(", "),
                    }),
                }
            }

            /// Builds the stage from its own config alone.
            fn build_alone(&self) -> Result<Box<dyn Stage>, PipelineError> {
                match self {
                    $(StageConfig::$variant(c) => built($name, c.build()),)*
                }
            }

            fn config_value(&self) -> serde_json::Value {
                let value = match self {
                    $(StageConfig::$variant(c) => serde_json::to_value(c),)*
                };
                // A config is a plain struct of plain values: serializing it cannot fail.
                value.expect("a stage config serializes")
            }
        }
    };
}

registry! {
    Segment => "segment", sitrep_text::SegmentConfig;
    Dates => "dates", sitrep_dates::DatesConfig;
    Tagger => "tagger", sitrep_tagger::TaggerConfig;
    Parser => "parser", sitrep_parser::ParserConfig;
    Names => "names", sitrep_names::NamesConfig;
    Quotes => "quotes", sitrep_quotes::QuotesConfig;
    Events => "events", sitrep_events::EventsConfig;
    Gkg => "gkg", sitrep_gkg::GkgConfig;
}

/// Stages the default pipeline leaves out: they cost time and no standard stage reads
/// what they provide yet. The dependency parser doubles the CPU time of a run and only
/// `--format conllu` and `--with-tokens` show its layer, so those add it (see
/// [`crate::PipelineConfig::with_stage`]); a config file may list it like any stage.
pub const OPTIONAL_STAGES: &[&str] = &["parser"];

impl StageConfig {
    /// The default pipeline: every stage but the [`OPTIONAL_STAGES`], in registry order.
    pub fn standard() -> Vec<StageConfig> {
        StageConfig::all()
            .into_iter()
            .filter(|s| !OPTIONAL_STAGES.contains(&s.name()))
            .collect()
    }

    /// The stage called `name` with its default config.
    pub fn named(name: &str) -> Result<StageConfig, PipelineError> {
        StageConfig::from_parts(name, None)
    }
}

/// The wire form of a stage: its name and, optionally, its config as a table.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStage {
    pub(crate) stage: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) config: Option<serde_json::Value>,
}

impl TryFrom<RawStage> for StageConfig {
    type Error = PipelineError;
    fn try_from(raw: RawStage) -> Result<StageConfig, PipelineError> {
        StageConfig::from_parts(&raw.stage, raw.config)
    }
}

impl From<StageConfig> for RawStage {
    fn from(stage: StageConfig) -> RawStage {
        RawStage {
            stage: stage.name().to_string(),
            config: Some(stage.config_value()),
        }
    }
}

fn read_config<C: serde::de::DeserializeOwned + Default>(
    stage: &str,
    config: Option<serde_json::Value>,
) -> Result<C, PipelineError> {
    match config {
        None => Ok(C::default()),
        Some(value) => serde_json::from_value(value).map_err(|e| PipelineError::StageConfig {
            stage: stage.to_string(),
            message: e.to_string(),
        }),
    }
}

impl StageConfig {
    /// Builds the stage (loads its models and dictionaries). The parser with
    /// `sentences = "cued"` gets [`cued_sentences`] as its filter.
    pub fn build(&self) -> Result<Box<dyn Stage>, PipelineError> {
        match self {
            StageConfig::Parser(c) if c.sentences == sitrep_parser::Sentences::Cued => built(
                "parser",
                cued_sentences().and_then(|f| c.build_with(Some(f)).map_err(|e| e.to_string())),
            ),
            _ => self.build_alone(),
        }
    }
}

/// The parser's rule for `sentences = "cued"`: a sentence is parsed when it names someone
/// (a token the tagger's NER put in a name, or a proper noun: the parser runs before names,
/// whose coreference reads the parse; see [`sitrep_events::names_an_actor`]) and it may hold an event trigger as the events coder finds
/// one (a verb with a bare pattern, a complement class, or a pattern whose literal words
/// are all in the sentence: "be"/"have" count only with the rest of one of their patterns)
/// or a speech cue (a cue word or a quotation mark). Only events and quotes read the parse,
/// and only in such sentences: a sentence without a name codes no event and gives no named
/// speaker, but for the agents ("police", "officials") that names codes by the article's
/// country.
pub fn cued_sentences() -> Result<sitrep_parser::SentenceFilter, String> {
    let events = sitrep_events::Lexicon::shared().map_err(|e| e.to_string())?;
    let cues = sitrep_quotes::lexicon::CueLexicon::parse(sitrep_quotes::lexicon::CUES_TSV)
        .map_err(|e| e.to_string())?;
    Ok(std::sync::Arc::new(
        move |doc: &sitrep_doc::Document, si: usize| {
            let Some(sentence) = doc.sentences.get(si) else {
                return false;
            };
            if !sitrep_events::names_an_actor(doc, si) {
                return false;
            }
            let tokens = doc
                .tokens
                .get(sentence.tokens.0 as usize..sentence.tokens.1 as usize)
                .unwrap_or(&[]);
            events.may_hold_trigger(&sitrep_events::TriggerWord::of_tokens(doc, tokens))
                || cues.may_hold_cue(tokens.iter().map(|t| doc.slice(t.span)))
        },
    ))
}

fn built<S: Stage + 'static, E: std::fmt::Display>(
    stage: &str,
    result: Result<S, E>,
) -> Result<Box<dyn Stage>, PipelineError> {
    match result {
        Ok(s) => Ok(Box::new(s)),
        Err(e) => Err(PipelineError::StageBuild {
            stage: stage.to_string(),
            message: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_builds_from_its_default_and_from_its_written_default() {
        let all = StageConfig::all();
        assert_eq!(all.len(), STAGE_NAMES.len());
        for (config, name) in all.iter().zip(STAGE_NAMES) {
            assert_eq!(config.name(), *name);
            let stage = config.build().unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                stage.name(),
                *name,
                "the built stage reports its registry name"
            );
            assert!(!stage.provides().is_empty(), "{name} provides nothing");
            // Written out and read back, the config is the same value.
            let json = serde_json::to_string(config).unwrap();
            let back: StageConfig = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, config, "{json}");
            // Named without a config, the stage gets the same default.
            assert_eq!(&StageConfig::named(name).unwrap(), config);
        }
    }

    #[test]
    fn unknown_stage_and_bad_config_are_named() {
        let err = StageConfig::named("segmnt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown stage \"segmnt\" (known: segment, dates, tagger, parser, names, quotes, events, gkg)"
        );
        let err: serde_json::Error = serde_json::from_str::<StageConfig>(
            r#"{"stage": "segment", "config": {"no_such_key": 1}}"#,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("stage \"segment\": bad config: unknown field `no_such_key`"),
            "{err}"
        );
        let err = serde_json::from_str::<StageConfig>(r#"{"stage": "segment", "confg": {}}"#)
            .unwrap_err();
        assert!(err.to_string().contains("unknown field `confg`"), "{err}");
        let config = StageConfig::from_parts(
            "segment",
            Some(serde_json::json!({"max_sentence_bytes": 3})),
        )
        .unwrap();
        let err = config.build().err().unwrap().to_string();
        assert!(err.starts_with("stage \"segment\": cannot build:"), "{err}");
    }
}
