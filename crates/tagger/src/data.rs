//! Training data readers (CoNLL-U, UNER IOB2) and the hyphen merge that makes EWT tokens look
//! like sitrep's runtime tokens ("non - expansion" with no spaces becomes "non-expansion").

use crate::iob::{ent_type, is_inside, parse_label, repair};
use crate::TaggerError;
use sitrep_doc::{NerTag, Upos};
use std::ops::Range;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct PosWord {
    pub form: String,
    pub lemma: String,
    pub upos: Upos,
    pub space_after: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PosSentence {
    pub id: String,
    pub words: Vec<PosWord>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NerSentence {
    pub id: String,
    pub forms: Vec<String>,
    pub tags: Vec<NerTag>,
    pub space_after: Vec<bool>,
}

fn bad(path: &Path, line: usize, message: impl Into<String>) -> TaggerError {
    TaggerError::BadData {
        path: path.to_path_buf(),
        line: line + 1,
        message: message.into(),
    }
}

/// Reads CoNLL-U syntactic words (multiword-token ranges give only their SpaceAfter to their
/// last word; empty nodes are skipped).
pub fn parse_conllu(path: &Path, text: &str) -> Result<Vec<PosSentence>, TaggerError> {
    let mut out = Vec::new();
    let mut cur = PosSentence {
        id: String::new(),
        words: Vec::new(),
    };
    let mut range_end: Option<(usize, bool)> = None;
    for (ln, line) in text.lines().enumerate() {
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    PosSentence {
                        id: String::new(),
                        words: Vec::new(),
                    },
                ));
            }
            range_end = None;
            continue;
        }
        if let Some(id) = line.strip_prefix("# sent_id = ") {
            cur.id = id.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(path, ln, format!("{} columns", cols.len())));
        }
        let no_space = cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((a, b)) = cols[0].split_once('-') {
            let end: usize = b.parse().map_err(|_| bad(path, ln, "bad range id"))?;
            let _: usize = a.parse().map_err(|_| bad(path, ln, "bad range id"))?;
            range_end = Some((end, !no_space));
            continue;
        }
        if cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| bad(path, ln, "bad word id"))?;
        let upos = Upos::parse(cols[3])
            .ok_or_else(|| bad(path, ln, format!("unknown UPOS {}", cols[3])))?;
        let mut space_after = !no_space;
        if let Some((end, sp)) = range_end {
            if id < end {
                space_after = false;
            } else if id == end {
                space_after = sp;
                range_end = None;
            }
        }
        cur.words.push(PosWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos,
            space_after,
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads a UNER IOB2 file (`idx TAB token TAB label ...`); SpaceAfter is recovered by
/// aligning the tokens with the `# text` line.
pub fn parse_iob2(path: &Path, text: &str) -> Result<Vec<NerSentence>, TaggerError> {
    let mut out = Vec::new();
    let mut cur = NerSentence {
        id: String::new(),
        forms: Vec::new(),
        tags: Vec::new(),
        space_after: Vec::new(),
    };
    let mut sent_text = String::new();
    let finish = |cur: &mut NerSentence, sent_text: &str, out: &mut Vec<NerSentence>| {
        if cur.forms.is_empty() {
            return;
        }
        cur.space_after = spaces_from_text(sent_text, &cur.forms);
        repair(&mut cur.tags);
        out.push(std::mem::replace(
            cur,
            NerSentence {
                id: String::new(),
                forms: Vec::new(),
                tags: Vec::new(),
                space_after: Vec::new(),
            },
        ));
    };
    for (ln, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            finish(&mut cur, &sent_text, &mut out);
            continue;
        }
        if let Some(id) = line.strip_prefix("# sent_id = ") {
            cur.id = id.to_string();
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            sent_text = t.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(bad(path, ln, format!("{} columns", cols.len())));
        }
        let tag = parse_label(cols[2])
            .ok_or_else(|| bad(path, ln, format!("unknown label {}", cols[2])))?;
        cur.forms.push(cols[1].to_string());
        cur.tags.push(tag);
    }
    finish(&mut cur, &sent_text, &mut out);
    Ok(out)
}

/// Whether each token is followed by white space in `text`, found by aligning tokens left to
/// right; a token not found where expected is assumed to be followed by a space.
pub fn spaces_from_text(text: &str, forms: &[String]) -> Vec<bool> {
    let mut at = 0usize;
    let mut out = Vec::with_capacity(forms.len());
    for f in forms {
        let rest = &text[at..];
        let skip = rest.len() - rest.trim_start().len();
        if rest[skip..].starts_with(f.as_str()) {
            at += skip + f.len();
            out.push(text[at..].starts_with(char::is_whitespace) || at == text.len());
        } else {
            out.push(true);
        }
    }
    out
}

/// Groups of token indices to merge: `word - word` (and longer chains) written without spaces.
/// Every token lies in exactly one group; most groups are single tokens.
pub fn hyphen_groups<S: AsRef<str>>(forms: &[S], space_after: &[bool]) -> Vec<Range<usize>> {
    let n = forms.len();
    let ends_alnum = |s: &str| s.chars().next_back().is_some_and(char::is_alphanumeric);
    let starts_alnum = |s: &str| s.chars().next().is_some_and(char::is_alphanumeric);
    let mut groups = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        let mut end = i + 1;
        while end + 1 < n
            && forms[end].as_ref() == "-"
            && !space_after[end - 1]
            && !space_after[end]
            && ends_alnum(forms[end - 1].as_ref())
            && starts_alnum(forms[end + 1].as_ref())
        {
            end += 2;
        }
        groups.push(start..end);
        i = end;
    }
    groups
}

/// Merges hyphenated words: the merged word takes the UPOS of its last part, and its lemma is
/// the lowercase text before the last part plus the last part's lemma.
pub fn merge_pos(s: PosSentence) -> PosSentence {
    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    let spaces: Vec<bool> = s.words.iter().map(|w| w.space_after).collect();
    let groups = hyphen_groups(&forms, &spaces);
    if groups.len() == s.words.len() {
        return s;
    }
    let mut words = Vec::with_capacity(groups.len());
    for g in groups {
        let parts = &s.words[g.clone()];
        let last = &parts[parts.len() - 1];
        if parts.len() == 1 {
            words.push(last.clone());
            continue;
        }
        let head: String = parts[..parts.len() - 1]
            .iter()
            .map(|w| w.form.as_str())
            .collect();
        words.push(PosWord {
            form: format!("{head}{}", last.form),
            lemma: format!("{}{}", head.to_lowercase(), last.lemma.to_lowercase()),
            upos: last.upos,
            space_after: last.space_after,
        });
    }
    PosSentence { id: s.id, words }
}

/// Merges hyphenated words in NER data. The merged token keeps its first part's label when the
/// entity runs to its last part or continues from before it ("New York-based" stays in the
/// LOC); an entity that starts and ends inside the merged word ("US-led") is dropped.
pub fn merge_ner(s: NerSentence) -> NerSentence {
    let groups = hyphen_groups(&s.forms, &s.space_after);
    if groups.len() == s.forms.len() {
        return s;
    }
    let mut out = NerSentence {
        id: s.id.clone(),
        forms: Vec::new(),
        tags: Vec::new(),
        space_after: Vec::new(),
    };
    for g in groups {
        let first = s.tags[g.start];
        let whole = ent_type(first).is_some()
            && s.tags[g.start + 1..g.end]
                .iter()
                .all(|&t| is_inside(t) && ent_type(t) == ent_type(first));
        let tag = if whole || is_inside(first) {
            first
        } else {
            NerTag::O
        };
        out.forms.push(s.forms[g.clone()].concat());
        out.tags.push(tag);
        out.space_after.push(s.space_after[g.end - 1]);
    }
    repair(&mut out.tags);
    out
}

/// Reads and merges a CoNLL-U file.
pub fn load_conllu(path: &Path) -> Result<Vec<PosSentence>, TaggerError> {
    let text = std::fs::read_to_string(path).map_err(|e| TaggerError::io(path, e))?;
    Ok(parse_conllu(path, &text)?
        .into_iter()
        .map(merge_pos)
        .collect())
}

/// Reads and merges a UNER IOB2 file.
pub fn load_iob2(path: &Path) -> Result<Vec<NerSentence>, TaggerError> {
    let text = std::fs::read_to_string(path).map_err(|e| TaggerError::io(path, e))?;
    Ok(parse_iob2(path, &text)?
        .into_iter()
        .map(merge_ner)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use NerTag::*;

    const CONLLU: &str = "# sent_id = s1\n# text = Al-Zaman: don't go.\n\
1\tAl\tAl\tPROPN\tNNP\t_\t0\troot\t_\tSpaceAfter=No\n\
2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No\n\
3\tZaman\tZaman\tPROPN\tNNP\t_\t1\tflat\t_\tSpaceAfter=No\n\
4\t:\t:\tPUNCT\t:\t_\t1\tpunct\t_\t_\n\
5-6\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
5\tdo\tdo\tAUX\tVBP\t_\t7\taux\t_\t_\n\
6\tn't\tnot\tPART\tRB\t_\t7\tadvmod\t_\t_\n\
7\tgo\tgo\tVERB\tVB\t_\t1\tparataxis\t_\tSpaceAfter=No\n\
8\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";

    #[test]
    fn reads_conllu_and_merges_hyphens() {
        let s = parse_conllu(Path::new("x"), CONLLU).unwrap();
        assert_eq!(s.len(), 1);
        let w = &s[0].words;
        assert_eq!(w.len(), 8);
        assert!(!w[4].space_after, "do is inside don't");
        assert!(w[5].space_after, "n't gets the range's SpaceAfter");
        let m = merge_pos(s[0].clone());
        let forms: Vec<&str> = m.words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["Al-Zaman", ":", "do", "n't", "go", "."]);
        assert_eq!(m.words[0].lemma, "al-zaman");
        assert_eq!(m.words[0].upos, Upos::Propn);
    }

    #[test]
    fn hyphen_groups_need_no_spaces_and_words_on_both_sides() {
        let f = [
            "state", "-", "of", "-", "the", "-", "art", "x", "-", "y", "-", "5",
        ];
        let sp = [
            false, false, false, false, false, false, true, true, false, true, false, false,
        ];
        let g = hyphen_groups(&f, &sp);
        assert_eq!(g, vec![0..7, 7..8, 8..9, 9..10, 10..11, 11..12]);
        let f2 = ["-", "a", "-"];
        assert_eq!(hyphen_groups(&f2, &[false, false, false]).len(), 3);
    }

    #[test]
    fn reads_iob2_with_spaces_and_merges_entities() {
        let text = "# sent_id = a\n# text = New York-based US-led Al-Zaman said\n\
1\tNew\tB-LOC\t-\tx\n2\tYork\tI-LOC\t-\tx\n3\t-\tO\n4\tbased\tO\n\
5\tUS\tB-LOC\t-\tx\n6\t-\tO\n7\tled\tO\n8\tAl\tB-ORG\n9\t-\tI-ORG\n10\tZaman\tI-ORG\n11\tsaid\tB-O\n\n";
        let s = parse_iob2(Path::new("x"), text).unwrap();
        assert_eq!(
            s[0].space_after,
            [true, false, false, true, false, false, true, false, false, true, true]
        );
        let m = merge_ner(s[0].clone());
        assert_eq!(m.forms, ["New", "York-based", "US-led", "Al-Zaman", "said"]);
        assert_eq!(m.tags, [BLoc, ILoc, O, BOrg, O]);
    }
}
