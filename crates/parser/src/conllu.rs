//! CoNLL-U: reading treebank files (words only: multi-word token lines and empty nodes are
//! skipped, as the parser works on syntactic words) and writing a parsed [`Document`] with
//! byte offsets in MISC (`TokenRange=start:end`).

use crate::ParserError;
use sitrep_doc::{
    Dep, Deprel, Document, Meta, NerTag, Sentence as DocSentence, SentenceId, Token, Upos,
};
use std::fmt::Write as _;
use std::path::Path;

/// One syntactic word of a treebank sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: Upos,
    /// 1-based head position, 0 for the root.
    pub head: u32,
    pub rel: Deprel,
}

/// One treebank sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sentence {
    pub id: String,
    /// The `# text` comment, if any.
    pub text: Option<String>,
    pub words: Vec<Word>,
}

/// Reads a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<Sentence>, ParserError> {
    let text = std::fs::read_to_string(path).map_err(|e| ParserError::io(path, e))?;
    parse(&text, path)
}

/// Reads CoNLL-U text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Sentence>, ParserError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let bad = |line: usize, message: String| ParserError::BadData {
        path: path.to_path_buf(),
        line,
        message,
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(id) = comment.strip_prefix("sent_id = ") {
                cur.id = id.to_string();
            } else if let Some(t) = comment.strip_prefix("text = ") {
                cur.text = Some(t.to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(i + 1, format!("{} columns, expected 10", cols.len())));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| bad(i + 1, format!("bad word id {:?}", cols[0])))?;
        if id != cur.words.len() + 1 {
            return Err(bad(i + 1, format!("word id {id} out of sequence")));
        }
        let upos = Upos::parse(cols[3]).unwrap_or(Upos::X);
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| bad(i + 1, format!("bad head {:?}", cols[6])))?
        };
        let rel = Deprel::parse(cols[7]).unwrap_or(Deprel::Dep);
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos,
            head,
            rel,
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for s in &out {
        if s.words.iter().any(|w| w.head as usize > s.words.len()) {
            return Err(bad(0, format!("sentence {}: head out of range", s.id)));
        }
    }
    Ok(out)
}

/// A document made of treebank sentences, one per line, words separated by single spaces:
/// gold tokens, UPOS, lemmas and trees (layers SENTENCES, TOKENS, POS, DEPS). Used to parse
/// gold tokenization and to write syntax tests from hand-annotated trees.
pub fn to_document(id: &str, sentences: &[Sentence]) -> Result<Document, ParserError> {
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(sentences.len());
    for s in sentences {
        let start = text.len();
        let mut words = Vec::with_capacity(s.words.len());
        for (i, w) in s.words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            words.push((text.len(), text.len() + w.form.len()));
            text.push_str(&w.form);
        }
        bounds.push((start, text.len(), words));
        text.push('\n');
    }
    let meta = Meta {
        id: id.to_string(),
        ..Meta::default()
    };
    let mut doc = Document::new(meta, text).map_err(|e| ParserError::Training(e.to_string()))?;
    let span = |doc: &Document, a: usize, b: usize| {
        doc.span(a, b)
            .map_err(|e| ParserError::Training(e.to_string()))
    };
    for (si, (s, (start, end, words))) in sentences.iter().zip(bounds).enumerate() {
        let first = doc.tokens.len() as u32;
        for (w, (a, b)) in s.words.iter().zip(words) {
            let token = Token {
                span: span(&doc, a, b)?,
                sentence: SentenceId(si as u32),
                pos: w.upos,
                lemma: w.lemma.to_lowercase(),
                ner: NerTag::O,
            };
            doc.tokens.push(token);
            doc.deps.push(Dep {
                head: w.head,
                rel: w.rel,
            });
        }
        let sentence = DocSentence {
            span: span(&doc, start, end)?,
            paragraph: 0,
            tokens: (first, doc.tokens.len() as u32),
        };
        doc.sentences.push(sentence);
    }
    doc.paragraphs.push(doc.body());
    doc.done = sitrep_doc::Layers::PARAGRAPHS
        | sitrep_doc::Layers::SENTENCES
        | sitrep_doc::Layers::TOKENS
        | sitrep_doc::Layers::POS
        | sitrep_doc::Layers::DEPS;
    Ok(doc)
}

/// A comment or field value on one line: tabs and line breaks become spaces.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

/// Appends a document as CoNLL-U: `# newdoc id` and `# doc_id` once, then per sentence
/// `# sent_id = DOC-N` (1-based) and `# text`, one line per token with its lemma, UPOS,
/// head and relation (`_` when the document is not parsed) and `TokenRange=start:end`
/// (byte offsets into the article text) plus `SpaceAfter=No` in MISC.
pub fn write_document(doc: &Document, out: &mut String) {
    let id = one_line(&doc.meta.id);
    let _ = writeln!(out, "# newdoc id = {id}");
    let _ = writeln!(out, "# doc_id = {id}");
    let text = doc.text();
    let parsed = doc.has_deps();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let (a, b) = (sentence.tokens.0 as usize, sentence.tokens.1 as usize);
        if a >= b {
            continue;
        }
        let _ = writeln!(out, "# sent_id = {id}-{}", si + 1);
        let _ = writeln!(
            out,
            "# text = {}",
            one_line(doc.slice(sentence.span).trim())
        );
        for i in a..b {
            let tok = &doc.tokens[i];
            let form = one_line(text.get(tok.span.range()).unwrap_or("_"));
            let lemma = if tok.lemma.is_empty() {
                "_".into()
            } else {
                one_line(&tok.lemma)
            };
            let _ = write!(
                out,
                "{}\t{form}\t{lemma}\t{}\t_\t_\t",
                i - a + 1,
                tok.pos.as_str()
            );
            match doc.deps.get(i).filter(|_| parsed) {
                Some(dep) => {
                    let _ = write!(out, "{}\t{}\t_\t", dep.head, dep.rel);
                }
                None => out.push_str("_\t_\t_\t"),
            }
            let _ = write!(out, "TokenRange={}:{}", tok.span.start(), tok.span.end());
            if i + 1 < b && doc.tokens[i + 1].span.start() == tok.span.end() {
                out.push_str("|SpaceAfter=No");
            }
            out.push('\n');
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_multiword_lines() {
        let text = "# sent_id = s1\n# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = parse(text, Path::new("t")).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id, "s1");
        assert_eq!(s[0].text.as_deref(), Some("Don't go."));
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(s[0].words[2].rel, Deprel::Root);
        assert_eq!(s[0].words[0].head, 3);
        assert!(parse("1\tx\n", Path::new("t")).is_err());
        assert!(parse("2\tx\tx\tX\t_\t_\t0\troot\t_\t_\n", Path::new("t")).is_err());
    }
}
