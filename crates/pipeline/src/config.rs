//! The pipeline's configuration: which stages, in which order, each with its own config.

use crate::registry::STANDARD_STAGES;
use crate::PipelineError;
use serde::{Deserialize, Serialize};

/// A list of stages. In TOML:
///
/// ```toml
/// [[stages]]
/// stage = "segment"
/// config = { max_sentence_bytes = 4000 }
///
/// [[stages]]
/// stage = "quotes"
/// ```
///
/// A stage without `config` uses its crate's default config; a `config` table is read by the
/// stage crate's own `XConfig`, which rejects unknown keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    pub stages: Vec<StageSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageSpec {
    /// The registry name ("segment", "dates", "tagger", ...).
    pub stage: String,
    /// The stage crate's config; absent means its default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<serde_json::Value>,
}

impl StageSpec {
    pub fn named(stage: &str) -> StageSpec {
        StageSpec {
            stage: stage.to_string(),
            config: None,
        }
    }
}

impl Default for PipelineConfig {
    /// The full standard pipeline, every stage with its default config.
    fn default() -> Self {
        PipelineConfig {
            stages: STANDARD_STAGES
                .iter()
                .map(|s| StageSpec::named(s))
                .collect(),
        }
    }
}

impl PipelineConfig {
    pub fn from_toml(text: &str) -> Result<PipelineConfig, PipelineError> {
        toml::from_str(text).map_err(|e| PipelineError::Config(e.to_string()))
    }

    pub fn from_json(text: &str) -> Result<PipelineConfig, PipelineError> {
        serde_json::from_str(text).map_err(|e| PipelineError::Config(e.to_string()))
    }

    /// Reads a config file: JSON if its name ends in `.json`, TOML otherwise.
    pub fn from_file(path: &std::path::Path) -> Result<PipelineConfig, PipelineError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| PipelineError::Config(format!("{}: {e}", path.display())))?;
        let parsed = if path.extension().is_some_and(|e| e == "json") {
            PipelineConfig::from_json(&text)
        } else {
            PipelineConfig::from_toml(&text)
        };
        parsed.map_err(|e| PipelineError::Config(format!("{}: {e}", path.display())))
    }

    /// The default config written out in full, every stage's config with its default values,
    /// as a starting point for a config file.
    ///
    /// TOML has no null: a null setting (an unset optional value) is left out, which reads
    /// back as the same unset value.
    pub fn to_toml(&self) -> Result<String, PipelineError> {
        let mut config = self.clone();
        for spec in &mut config.stages {
            if let Some(value) = &mut spec.config {
                drop_nulls(value);
            }
        }
        toml::to_string_pretty(&config).map_err(|e| PipelineError::Config(e.to_string()))
    }
}

fn drop_nulls(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_config_reads_stage_configs_and_rejects_unknown_keys() {
        let cfg = PipelineConfig::from_toml(
            "[[stages]]\nstage = \"segment\"\nconfig = { max_sentence_bytes = 4000 }\n",
        )
        .unwrap();
        assert_eq!(cfg.stages.len(), 1);
        assert_eq!(
            cfg.stages[0].config.as_ref().unwrap()["max_sentence_bytes"],
            4000
        );
        let err =
            PipelineConfig::from_toml("[[stages]]\nstage = \"segment\"\nconfg = {}\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `confg`"), "{err}");
        let err = PipelineConfig::from_toml("stages = []\nthreads = 2\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `threads`"), "{err}");
    }

    #[test]
    fn default_is_the_standard_order_and_round_trips() {
        let cfg = PipelineConfig::default();
        let names: Vec<&str> = cfg.stages.iter().map(|s| s.stage.as_str()).collect();
        assert_eq!(names, STANDARD_STAGES);
        let text = cfg.to_toml().unwrap();
        assert_eq!(PipelineConfig::from_toml(&text).unwrap(), cfg);
        let json = serde_json::to_string(&cfg).unwrap();
        assert_eq!(PipelineConfig::from_json(&json).unwrap(), cfg);
    }

    #[test]
    fn nulls_are_left_out_of_toml() {
        let mut cfg = PipelineConfig {
            stages: vec![StageSpec::named("x")],
        };
        cfg.stages[0].config =
            Some(serde_json::json!({"model_dir": null, "ner": true, "deep": [{"a": null}]}));
        let text = cfg.to_toml().unwrap();
        let back = PipelineConfig::from_toml(&text).unwrap();
        assert_eq!(
            back.stages[0].config,
            Some(serde_json::json!({"ner": true, "deep": [{}]}))
        );
    }
}
