//! Evaluates the shipped (embedded) model on the EWT/UNER test split and measures speed.
//!
//! `cargo run --release -p sitrep-tagger --example eval -- --ud /work/shared/data/ud [--split dev]`
//! Other options: `--beam N` (NER beam width), `--model DIR` (a model directory instead of the
//! embedded model), `--errors N` (print NER errors in the first N sentences with entities),
//! `--misses TYPE` (print every gold PER/ORG/LOC span of the split the tagger does not find
//! exactly, with what it predicted over those words).

use anyhow::{bail, Context, Result};
use sitrep_doc::NerTag;
use sitrep_tagger::{eval_ner, eval_pos, load_conllu, load_iob2, spans, tag_str, Scratch, Tagger};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<()> {
    let mut ud = PathBuf::from("/work/shared/data/ud");
    let mut split = "test".to_string();
    let mut show_errors = 0usize;
    let mut beam = sitrep_tagger::DEFAULT_BEAM;
    let mut model_dir: Option<PathBuf> = None;
    let mut misses: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--ud" => ud = PathBuf::from(val()?),
            "--split" => split = val()?,
            "--errors" => show_errors = val()?.parse()?,
            "--beam" => beam = val()?.parse()?,
            "--model" => model_dir = Some(PathBuf::from(val()?)),
            "--misses" => misses = Some(val()?.to_uppercase()),
            other => bail!("unknown argument {other}"),
        }
    }
    let (t0, c0) = (Instant::now(), cpu_ns());
    let tagger = match &model_dir {
        Some(dir) => std::sync::Arc::new(Tagger::load_dir(dir)?),
        None => Tagger::embedded()?,
    };
    println!(
        "model load: {:.1} ms CPU ({:.1} ms wall)",
        (cpu_ns() - c0) as f64 / 1e6,
        t0.elapsed().as_secs_f64() * 1e3
    );
    let c1 = cpu_ns();
    let gaz = sitrep_tagger::Gazetteer::embedded()?;
    println!(
        "  of which gazetteer ({} entries): {:.1} ms CPU",
        gaz.len(),
        (cpu_ns() - c1) as f64 / 1e6
    );
    let tagger = if beam == tagger.beam() {
        tagger
    } else {
        std::sync::Arc::new((*tagger).clone().with_beam(beam))
    };
    println!("NER beam width: {}", tagger.beam());

    let train = load_conllu(&ud.join("en_ewt-ud-train.conllu"))?;
    let known = train
        .iter()
        .flat_map(|s| s.words.iter())
        .map(|w| (w.form.clone(), ()))
        .collect::<HashMap<_, _>>();
    let known = known.into_iter().collect();
    let pos = load_conllu(&ud.join(format!("en_ewt-ud-{split}.conllu")))?;
    let ner = load_iob2(&ud.join(format!("uner_en_ewt-ud-{split}.iob2")))?;
    let (acc, unk, lem) = eval_pos(&tagger, &pos, &known);
    println!("{split}: UPOS accuracy {acc:.4} (unknown words {unk:.4}), lemma accuracy {lem:.4}");
    println!("{split}: NER exact-span (UNER, hyphenated words merged):");
    print!("{}", eval_ner(&tagger, &ner));
    let mut scratch = Scratch::default();
    for sent in ner
        .iter()
        .filter(|s| s.tags.iter().any(|&t| t != NerTag::O))
        .take(show_errors)
    {
        tagger.tag_into(&sent.forms, &mut scratch);
        let pred: Vec<NerTag> = scratch.ner.iter().map(|&c| tagger.ner_label(c)).collect();
        if pred != sent.tags {
            let line: Vec<String> = sent
                .forms
                .iter()
                .zip(&sent.tags)
                .zip(&pred)
                .map(|((w, g), p)| match (g, p) {
                    (NerTag::O, NerTag::O) => w.clone(),
                    _ if g == p => format!("{w}/{}", tag_str(*g)),
                    _ => format!("{w}/{}>{}", tag_str(*g), tag_str(*p)),
                })
                .collect();
            println!("  ERR {}", line.join(" "));
        }
    }

    if let Some(ty) = &misses {
        print_misses(&tagger, &ner, ty);
    }

    // Speed: POS + NER (+ lemmas) over the split's sentences, repeated, one thread.
    let sents: Vec<Vec<&str>> = pos
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let tokens: usize = sents.iter().map(Vec::len).sum();
    let mut scratch = Scratch::default();
    let mut lower = String::new();
    let reps = 10;
    let mut checksum = 0usize;
    let (t, c) = (Instant::now(), cpu_ns());
    for _ in 0..reps {
        for s in &sents {
            tagger.tag_into(s, &mut scratch);
            checksum += scratch.ner.iter().map(|&c| c as usize).sum::<usize>();
        }
    }
    let (tag_wall, tag_cpu) = (t.elapsed().as_secs_f64(), (cpu_ns() - c) as f64 / 1e9);
    let (t, c) = (Instant::now(), cpu_ns());
    for _ in 0..reps {
        for s in &sents {
            tagger.tag_into(s, &mut scratch);
            for (i, w) in s.iter().enumerate() {
                checksum += tagger
                    .lemma(w, tagger.pos_label(scratch.pos[i]), &mut lower)
                    .len();
            }
        }
    }
    let (all_wall, all_cpu) = (t.elapsed().as_secs_f64(), (cpu_ns() - c) as f64 / 1e9);
    let n = (tokens * reps) as f64;
    println!("speed, 1 thread, {tokens} tokens x {reps} (tokens per second of CPU time; wall clock in brackets):");
    println!("  POS+NER:       {:.0} ({:.0})", n / tag_cpu, n / tag_wall);
    println!(
        "  POS+NER+lemma: {:.0} ({:.0})  [checksum {checksum}]",
        n / all_cpu,
        n / all_wall
    );
    Ok(())
}

/// Gold spans of type `ty` that the tagger misses, one per line: the span, the predicted
/// labels over its words, and the sentence with the span in brackets.
fn print_misses(tagger: &Tagger, sents: &[sitrep_tagger::NerSentence], ty: &str) {
    let mut scratch = Scratch::default();
    let (mut gold, mut missed) = (0usize, 0usize);
    for sent in sents {
        tagger.tag_into(&sent.forms, &mut scratch);
        let pred: Vec<NerTag> = scratch.ner.iter().map(|&c| tagger.ner_label(c)).collect();
        let found = spans(&pred);
        for (e, a, b) in spans(&sent.tags) {
            if e.as_str() != ty {
                continue;
            }
            gold += 1;
            if found.contains(&(e, a, b)) {
                continue;
            }
            missed += 1;
            let labels: Vec<&str> = pred[a..b].iter().map(|&t| tag_str(t)).collect();
            let mut words: Vec<String> = sent.forms.clone();
            words[a] = format!("[{}", words[a]);
            words[b - 1] = format!("{}]", words[b - 1]);
            println!(
                "  MISS {}\t{}\t{}",
                sent.forms[a..b].join(" "),
                labels.join(" "),
                words.join(" ")
            );
        }
    }
    println!("{ty}: {missed} of {gold} gold spans missed");
}

/// CPU time of this thread in nanoseconds (Linux `/proc/thread-self/schedstat`), so the
/// figure is fair on a machine shared with other jobs; falls back to 0 elsewhere.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}
