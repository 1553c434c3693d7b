//! Scores sentence and token segmentation against a UD CoNLL-U treebank (English EWT).
//!
//! Each `# newpar` paragraph is rebuilt as its sentences' `# text` joined by one space,
//! paragraphs by a blank line; gold token spans come from matching the word forms (or
//! multiword-token surface forms) left to right in the sentence text. Reported: exact-span
//! precision / recall / F1 of sentences and tokens, and of tokens against gold where
//! hyphenated words are merged back (sitrep keeps "search-engine" whole by design).
//!
//! `cargo run --release -p sitrep-text --example ud_eval [-- file.conllu [errors]]`

use std::collections::HashSet;

#[derive(Default)]
struct Gold {
    text: String,
    sentences: Vec<(usize, usize)>,
    tokens: Vec<(usize, usize)>,
    /// Token spans with "a - b" glued by hyphens without spaces merged into one.
    merged: Vec<(usize, usize)>,
}

fn parse(conllu: &str) -> Gold {
    let mut g = Gold::default();
    let mut sent_text: Option<String> = None;
    let mut forms: Vec<(String, bool)> = Vec::new();
    // A multiword token being read: its surface form, last word id, and its words so far.
    let mut mwt: Option<(String, usize, Vec<String>)> = None;
    let flush = |g: &mut Gold, text: &str, forms: &[(String, bool)], new_par: bool| {
        if text.is_empty() {
            return;
        }
        if !g.text.is_empty() {
            g.text.push_str(if new_par { "\n\n" } else { " " });
        }
        let base = g.text.len();
        g.text.push_str(text);
        g.sentences.push((base, base + text.len()));
        let mut at = 0;
        let mut spans = Vec::new();
        for (form, _) in forms {
            match text[at..].find(form.as_str()) {
                Some(p) => {
                    spans.push((base + at + p, base + at + p + form.len()));
                    at += p + form.len();
                }
                None => return, // A form not found verbatim: skip the sentence's tokens.
            }
        }
        // Merge hyphen compounds: x - y with no spaces between.
        let mut merged: Vec<(usize, usize)> = Vec::new();
        let mut after_hyphen = false;
        for &(s, e) in &spans {
            let this = &g.text[s..e];
            if let Some(last) = merged.last_mut() {
                if last.1 == s && (this == "-" || after_hyphen) {
                    last.1 = e;
                    after_hyphen = this == "-";
                    continue;
                }
            }
            after_hyphen = false;
            merged.push((s, e));
        }
        g.tokens.extend(spans);
        g.merged.extend(merged);
    };
    let mut new_par = false;
    let mut pending_par = false;
    for line in conllu.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            sent_text = Some(t.to_string());
        } else if line.starts_with("# newpar") || line.starts_with("# newdoc") {
            pending_par = true;
        } else if line.is_empty() {
            if let Some(t) = sent_text.take() {
                flush(&mut g, &t, &forms, new_par);
            }
            forms.clear();
            new_par = false;
        } else if !line.starts_with('#') {
            if pending_par {
                new_par = true;
                pending_par = false;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 10 {
                continue;
            }
            let id = cols[0];
            if let Some((_, b)) = id.split_once('-') {
                mwt = Some((cols[1].to_string(), b.parse().unwrap_or(0), Vec::new()));
            } else if !id.contains('.') {
                let n: usize = id.parse().unwrap_or(0);
                match mwt.as_mut() {
                    Some((surface, last, words)) => {
                        words.push(cols[1].to_string());
                        if n >= *last {
                            // Words spell the surface ("Google" + "'s"): score against words,
                            // as a tagger trained on EWT reads them; else the surface form.
                            if words.concat() == *surface {
                                forms.extend(words.drain(..).map(|w| (w, true)));
                            } else {
                                forms.push((surface.clone(), true));
                            }
                            mwt = None;
                        }
                    }
                    None => forms.push((cols[1].to_string(), false)),
                }
            }
        }
    }
    if let Some(t) = sent_text.take() {
        flush(&mut g, &t, &forms, new_par);
    }
    g
}

fn prf(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> (f64, f64, f64) {
    let g: HashSet<_> = gold.iter().collect();
    let tp = pred.iter().filter(|s| g.contains(s)).count() as f64;
    let p = tp / pred.len().max(1) as f64;
    let r = tp / gold.len().max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/ud/en_ewt-ud-test.conllu".to_string());
    let show_errors = std::env::args().nth(2).is_some();
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let gold = parse(&data);
    let seg = sitrep_text::segment_text(&gold.text);
    let sents: Vec<(usize, usize)> = seg
        .sentences
        .iter()
        .map(|s| (s.span.start, s.span.end))
        .collect();
    let toks: Vec<(usize, usize)> = seg
        .tokens
        .iter()
        .map(|t| (t.span.start, t.span.end))
        .collect();
    let (sp, sr, sf) = prf(&gold.sentences, &sents);
    let (tp, tr, tf) = prf(&gold.tokens, &toks);
    let (mp, mr, mf) = prf(&gold.merged, &toks);
    println!(
        "{} bytes, {} gold sentences, {} gold tokens",
        gold.text.len(),
        gold.sentences.len(),
        gold.tokens.len()
    );
    println!("sentences           P {sp:.4} R {sr:.4} F1 {sf:.4}");
    println!("tokens              P {tp:.4} R {tr:.4} F1 {tf:.4}");
    println!("tokens (hyph merged) P {mp:.4} R {mr:.4} F1 {mf:.4}");
    if show_errors {
        let g: HashSet<_> = gold.merged.iter().collect();
        let mut n = 0;
        for t in &toks {
            if !g.contains(t) && n < 80 {
                n += 1;
                let a = gold.text[..t.0]
                    .char_indices()
                    .rev()
                    .nth(15)
                    .map_or(0, |(i, _)| i);
                println!(
                    "tok {:?} in {:?}",
                    &gold.text[t.0..t.1],
                    &gold.text[a..(t.1 + 10).min(gold.text.len())]
                        .chars()
                        .collect::<String>()
                );
            }
        }
        // Boundaries placed inside a gold sentence: false splits.
        let mut n = 0;
        for s in &sents {
            let i = gold.sentences.partition_point(|g| g.1 <= s.1);
            if let Some(g) = gold.sentences.get(i) {
                if g.0 < s.1 && s.1 < g.1 && n < 60 {
                    n += 1;
                    println!(
                        "split {:?} | {:?}",
                        &gold.text[g.0..s.1],
                        &gold.text[s.1..g.1]
                    );
                }
            }
        }
        let gs: HashSet<_> = gold.sentences.iter().collect();
        let mut n = 0;
        for s in &sents {
            if !gs.contains(s) && n < 60 {
                n += 1;
                println!("sent {:?}", &gold.text[s.0..s.1]);
            }
        }
    }
}
