//! The pipeline's configuration: which stages, in which order, each with its own config.

use crate::registry::{RawStage, StageConfig, STAGE_NAMES};
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
/// stage crate's own `XConfig`, which rejects unknown keys. Each entry is a typed
/// [`StageConfig`], so a bad name or a bad key is refused when the file is read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    pub stages: Vec<StageConfig>,
}

impl Default for PipelineConfig {
    /// The standard pipeline: every stage but the optional ones, each with its default config.
    fn default() -> Self {
        PipelineConfig {
            stages: StageConfig::standard(),
        }
    }
}

impl PipelineConfig {
    /// Adds the stage called `name` with its default config where the registry order puts
    /// it, unless the config already has it (then its settings are kept).
    pub fn with_stage(mut self, name: &str) -> Result<PipelineConfig, PipelineError> {
        if self.stages.iter().any(|s| s.name() == name) {
            return Ok(self);
        }
        let rank = |n: &str| STAGE_NAMES.iter().position(|k| *k == n);
        let new_rank = rank(name);
        let at = self
            .stages
            .iter()
            .position(|s| rank(s.name()) > new_rank)
            .unwrap_or(self.stages.len());
        self.stages.insert(at, StageConfig::named(name)?);
        Ok(self)
    }

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
        #[derive(Serialize)]
        struct Written {
            stages: Vec<RawStage>,
        }
        let stages = self
            .stages
            .iter()
            .cloned()
            .map(|stage| {
                let mut raw = RawStage::from(stage);
                if let Some(value) = &mut raw.config {
                    drop_nulls(value);
                }
                raw
            })
            .collect();
        toml::to_string_pretty(&Written { stages })
            .map_err(|e| PipelineError::Config(e.to_string()))
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
    use crate::registry::{OPTIONAL_STAGES, STAGE_NAMES};

    #[test]
    fn toml_config_reads_stage_configs_and_rejects_unknown_keys() {
        let cfg = PipelineConfig::from_toml(
            "[[stages]]\nstage = \"segment\"\nconfig = { max_sentence_bytes = 4000 }\n",
        )
        .unwrap();
        assert_eq!(cfg.stages.len(), 1);
        match &cfg.stages[0] {
            StageConfig::Segment(c) => assert_eq!(c.max_sentence_bytes, 4000),
            other => panic!("{other:?}"),
        }
        let err =
            PipelineConfig::from_toml("[[stages]]\nstage = \"segment\"\nconfg = {}\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `confg`"), "{err}");
        let err = PipelineConfig::from_toml("stages = []\nthreads = 2\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `threads`"), "{err}");
        let err = PipelineConfig::from_toml("[[stages]]\nstage = \"telepathy\"\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("unknown stage \"telepathy\" (known: segment, dates,"),
            "{err}"
        );
        let err =
            PipelineConfig::from_toml("[[stages]]\nstage = \"tagger\"\nconfig = { nre = false }\n")
                .unwrap_err();
        assert!(
            err.to_string()
                .contains("stage \"tagger\": bad config: unknown field `nre`"),
            "{err}"
        );
    }

    #[test]
    fn default_is_the_standard_order_and_round_trips() {
        let cfg = PipelineConfig::default();
        let names: Vec<&str> = cfg.stages.iter().map(|s| s.name()).collect();
        let standard: Vec<&str> = STAGE_NAMES
            .iter()
            .copied()
            .filter(|n| !OPTIONAL_STAGES.contains(n))
            .collect();
        assert_eq!(names, standard);
        let text = cfg.to_toml().unwrap();
        assert_eq!(PipelineConfig::from_toml(&text).unwrap(), cfg);
        let json = serde_json::to_string(&cfg).unwrap();
        assert_eq!(PipelineConfig::from_json(&json).unwrap(), cfg);
        // A config naming stages without tables reads as the same defaults.
        let bare: String = standard
            .iter()
            .map(|n| format!("[[stages]]\nstage = \"{n}\"\n"))
            .collect();
        assert_eq!(PipelineConfig::from_toml(&bare).unwrap(), cfg);
    }

    #[test]
    fn an_optional_stage_is_added_in_registry_order_once() {
        let cfg = PipelineConfig::default().with_stage("parser").unwrap();
        let names: Vec<&str> = cfg.stages.iter().map(|s| s.name()).collect();
        assert_eq!(names, STAGE_NAMES);
        let again = cfg.clone().with_stage("parser").unwrap();
        assert_eq!(again, cfg);
        assert!(PipelineConfig::default().with_stage("parsr").is_err());
    }

    #[test]
    fn nulls_are_left_out_of_toml() {
        let mut value = serde_json::json!({"model_dir": null, "ner": true, "deep": [{"a": null}]});
        drop_nulls(&mut value);
        assert_eq!(value, serde_json::json!({"ner": true, "deep": [{}]}));
        // The tagger's unset model directory is left out and reads back unset.
        let text = PipelineConfig::default().to_toml().unwrap();
        assert!(!text.contains("null"), "{text}");
    }
}
