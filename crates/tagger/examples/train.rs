//! Trains the tagger models and writes them to a directory.
//!
//! `cargo run --release -p sitrep-tagger --example train -- --ud /work/shared/data/ud --out crates/tagger/model`
//! Options: `--pos-iter N`, `--ner-iter N`, `--seed N`, `--pos-bits N`, `--ner-bits N`, `--prune F`,
//! `--jackknife K`, `--ner-prune F`, `--include-dev` (train on train+dev, as the shipped model is),
//! `--no-write` (train and evaluate only), `--silver FILE` (teacher-labelled IOB2 sentences added
//! to the NER data, see `data/make_silver.py`), `--silver-weight F`, `--silver-org-only`,
//! `--silver-max N`, `--silver-student` (keep the teacher's ORG spans only; persons and places
//! of the silver sentences from a model trained on the gold ones).

use anyhow::{bail, Context, Result};
use sitrep_tagger::{train, TrainOptions};
use std::path::PathBuf;

fn main() -> Result<()> {
    let mut opts = TrainOptions {
        out_dir: Some(PathBuf::from("crates/tagger/model")),
        ..TrainOptions::default()
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--ud" => opts.ud_dir = PathBuf::from(val()?),
            "--out" => opts.out_dir = Some(PathBuf::from(val()?)),
            "--no-write" => opts.out_dir = None,
            "--include-dev" => opts.include_dev = true,
            "--ner-beam" => opts.ner_beam = val()?.parse()?,
            "--pos-iter" => opts.pos_iterations = val()?.parse()?,
            "--ner-iter" => opts.ner_iterations = val()?.parse()?,
            "--seed" => opts.seed = val()?.parse()?,
            "--pos-bits" => opts.pos_bits = val()?.parse()?,
            "--ner-bits" => opts.ner_bits = val()?.parse()?,
            "--prune" => opts.prune = val()?.parse()?,
            "--jackknife" => opts.jackknife = val()?.parse()?,
            "--ner-prune" => opts.ner_prune = val()?.parse()?,
            "--silver" => opts.silver = Some(PathBuf::from(val()?)),
            "--silver-weight" => opts.silver_weight = val()?.parse()?,
            "--silver-org-only" => opts.silver_org_only = true,
            "--silver-max" => opts.silver_max = val()?.parse()?,
            "--silver-student" => opts.silver_student = true,
            other => bail!("unknown argument {other}"),
        }
    }
    eprintln!("{opts:?}");
    let report = train(&opts)?;
    print!("{report}");
    Ok(())
}
