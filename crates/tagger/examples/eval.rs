//! Evaluates the shipped (embedded) model on the EWT/UNER test split and measures speed.
//!
//! `cargo run --release -p sitrep-tagger --example eval -- --ud /work/shared/data/ud [--split dev]`

use anyhow::{bail, Context, Result};
use sitrep_tagger::{eval_ner, eval_pos, load_conllu, load_iob2, Scratch, Tagger};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<()> {
    let mut ud = PathBuf::from("/work/shared/data/ud");
    let mut split = "test".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--ud" => ud = PathBuf::from(val()?),
            "--split" => split = val()?,
            other => bail!("unknown argument {other}"),
        }
    }
    let t0 = Instant::now();
    let tagger = Tagger::embedded()?;
    println!("model load: {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);

    let train = load_conllu(&ud.join("en_ewt-ud-train.conllu"))?;
    let known = train.iter().flat_map(|s| s.words.iter()).map(|w| (w.form.clone(), ())).collect::<HashMap<_, _>>();
    let known = known.into_iter().collect();
    let pos = load_conllu(&ud.join(format!("en_ewt-ud-{split}.conllu")))?;
    let ner = load_iob2(&ud.join(format!("uner_en_ewt-ud-{split}.iob2")))?;
    let (acc, unk, lem) = eval_pos(&tagger, &pos, &known);
    println!("{split}: UPOS accuracy {acc:.4} (unknown words {unk:.4}), lemma accuracy {lem:.4}");
    println!("{split}: NER exact-span (UNER, hyphenated words merged):");
    print!("{}", eval_ner(&tagger, &ner));

    // Speed: POS + NER (+ lemmas) over the split's sentences, repeated, one thread.
    let sents: Vec<Vec<&str>> = pos.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
    let tokens: usize = sents.iter().map(Vec::len).sum();
    let mut scratch = Scratch::default();
    let mut lower = String::new();
    let reps = 10;
    let mut checksum = 0usize;
    let t = Instant::now();
    for _ in 0..reps {
        for s in &sents {
            tagger.tag_into(s, &mut scratch);
            checksum += scratch.ner.iter().map(|&c| c as usize).sum::<usize>();
        }
    }
    let tag_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for _ in 0..reps {
        for s in &sents {
            tagger.tag_into(s, &mut scratch);
            for (i, w) in s.iter().enumerate() {
                checksum += tagger.lemma(w, tagger.pos_label(scratch.pos[i]), &mut lower).len();
            }
        }
    }
    let all_secs = t.elapsed().as_secs_f64();
    let n = (tokens * reps) as f64;
    println!(
        "speed (1 thread, {} tokens x {reps}): POS+NER {:.0} tokens/s; POS+NER+lemma {:.0} tokens/s (checksum {checksum})",
        tokens,
        n / tag_secs,
        n / all_secs
    );
    Ok(())
}
