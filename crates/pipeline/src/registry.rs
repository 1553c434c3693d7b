//! The registry: stage names to stages, in one explicit `match`. Adding a stage crate means
//! one arm here and, if it belongs in the default pipeline, one name in `STANDARD_STAGES`.

use crate::config::StageSpec;
use crate::PipelineError;
use serde::de::DeserializeOwned;
use sitrep_doc::Stage;

/// The default pipeline, in order.
pub const STANDARD_STAGES: &[&str] = &[
    "segment", "dates", "tagger", "parser", "names", "quotes", "events", "gkg",
];

/// Every name the registry knows, for error messages.
pub const KNOWN_STAGES: &[&str] = STANDARD_STAGES;

/// Reads a stage's config from its spec: absent means the crate's default.
fn config_of<C: DeserializeOwned + Default>(spec: &StageSpec) -> Result<C, PipelineError> {
    match &spec.config {
        None => Ok(C::default()),
        Some(value) => {
            serde_json::from_value(value.clone()).map_err(|e| PipelineError::StageConfig {
                stage: spec.stage.clone(),
                message: e.to_string(),
            })
        }
    }
}

fn built<S: Stage + 'static, E: std::fmt::Display>(
    spec: &StageSpec,
    result: Result<S, E>,
) -> Result<Box<dyn Stage>, PipelineError> {
    match result {
        Ok(stage) => Ok(Box::new(stage)),
        Err(e) => Err(PipelineError::StageBuild {
            stage: spec.stage.clone(),
            message: e.to_string(),
        }),
    }
}

/// Builds the stage a spec names, with its config.
pub fn build_stage(spec: &StageSpec) -> Result<Box<dyn Stage>, PipelineError> {
    match spec.stage.as_str() {
        "segment" => built(spec, config_of::<sitrep_text::SegmentConfig>(spec)?.build()),
        "dates" => built(spec, config_of::<sitrep_dates::DatesConfig>(spec)?.build()),
        "tagger" => built(
            spec,
            config_of::<sitrep_tagger::TaggerConfig>(spec)?.build(),
        ),
        "parser" => built(
            spec,
            config_of::<sitrep_parser::ParserConfig>(spec)?.build(),
        ),
        "names" => built(spec, config_of::<sitrep_names::NamesConfig>(spec)?.build()),
        "quotes" => built(
            spec,
            config_of::<sitrep_quotes::QuotesConfig>(spec)?.build(),
        ),
        "events" => built(
            spec,
            config_of::<sitrep_events::EventsConfig>(spec)?.build(),
        ),
        "gkg" => built(spec, config_of::<sitrep_gkg::GkgConfig>(spec)?.build()),
        other => Err(PipelineError::UnknownStage {
            stage: other.to_string(),
            known: KNOWN_STAGES.join(", "),
        }),
    }
}

/// The default config of a stage as a JSON value (for `sitrep config`).
pub fn default_stage_config(stage: &str) -> Result<serde_json::Value, PipelineError> {
    let value = match stage {
        "segment" => serde_json::to_value(sitrep_text::SegmentConfig::default()),
        "dates" => serde_json::to_value(sitrep_dates::DatesConfig::default()),
        "tagger" => serde_json::to_value(sitrep_tagger::TaggerConfig::default()),
        "parser" => serde_json::to_value(sitrep_parser::ParserConfig::default()),
        "names" => serde_json::to_value(sitrep_names::NamesConfig::default()),
        "quotes" => serde_json::to_value(sitrep_quotes::QuotesConfig::default()),
        "events" => serde_json::to_value(sitrep_events::EventsConfig::default()),
        "gkg" => serde_json::to_value(sitrep_gkg::GkgConfig::default()),
        other => {
            return Err(PipelineError::UnknownStage {
                stage: other.to_string(),
                known: KNOWN_STAGES.join(", "),
            })
        }
    };
    value.map_err(|e| PipelineError::StageConfig {
        stage: stage.to_string(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_stage_builds_from_its_default_and_its_written_default() {
        for name in KNOWN_STAGES {
            let stage =
                build_stage(&StageSpec::named(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!stage.provides().is_empty(), "{name} provides nothing");
            let spec = StageSpec {
                stage: name.to_string(),
                config: Some(default_stage_config(name).unwrap()),
            };
            build_stage(&spec).unwrap_or_else(|e| panic!("{name} from written default: {e}"));
        }
        for name in STANDARD_STAGES {
            assert!(
                KNOWN_STAGES.contains(name),
                "{name} is standard but unknown"
            );
        }
    }

    #[test]
    fn unknown_stage_and_bad_config_are_named() {
        let err = build_stage(&StageSpec::named("segmnt")).err().unwrap();
        assert_eq!(
            err.to_string(),
            format!(
                "unknown stage \"segmnt\" (known: {})",
                KNOWN_STAGES.join(", ")
            )
        );
        let spec = StageSpec {
            stage: "segment".into(),
            config: Some(serde_json::json!({"no_such_key": 1})),
        };
        let err = build_stage(&spec).err().unwrap().to_string();
        assert!(
            err.starts_with("stage \"segment\": bad config: unknown field `no_such_key`"),
            "{err}"
        );
        let spec = StageSpec {
            stage: "segment".into(),
            config: Some(serde_json::json!({"max_sentence_bytes": 3})),
        };
        let err = build_stage(&spec).err().unwrap().to_string();
        assert!(err.starts_with("stage \"segment\": cannot build:"), "{err}");
    }
}
