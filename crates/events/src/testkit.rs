//! Test documents from lightly tagged text, so the coder can be tested without the tagger
//! and names stages: `Russia *imposed sanctions on Ukraine .`
//!
//! - `*word` is a VERB (lemma guessed against the pattern verbs and a list of irregulars);
//!   `word/POS` or `word/POS=lemma` sets both explicitly;
//! - closed-class words get their UD tag from a table, capitalized words are PROPN, the rest
//!   NOUN (with a crude singular lemma);
//! - `Word{CODE}` or `[several words]{CODE}` is a mention with a CAMEO actor code; country
//!   and capital names from a small gazetteer are mentions by themselves; `Word@` is a
//!   geocoded place without an actor code;
//! - a "." token ends a sentence, a "¶" token starts a new paragraph.

use crate::lexicon::Lexicon;
use sitrep_doc::{
    Document, Entity, EntityId, EntityKind, Geo, Layers, Mention, MentionForm, Meta, Quote,
    QuoteKind, Sentence, SentenceId, Speaker, Token, Upos,
};
use std::collections::{HashMap, HashSet};

const GAZETTEER: &[(&str, &str)] = &[
    ("Russia", "RUS"),
    ("Ukraine", "UKR"),
    ("France", "FRA"),
    ("Germany", "DEU"),
    ("Iran", "IRN"),
    ("Iraq", "IRQ"),
    ("Israel", "ISR"),
    ("Egypt", "EGY"),
    ("Syria", "SYR"),
    ("Turkey", "TUR"),
    ("China", "CHN"),
    ("Japan", "JPN"),
    ("Britain", "GBR"),
    ("India", "IND"),
    ("Pakistan", "PAK"),
    ("Serbia", "SRB"),
    ("Kosovo", "XKX"),
    ("Sudan", "SDN"),
    ("Chad", "TCD"),
    ("Georgia", "GEO"),
    ("Kuwait", "KWT"),
    ("Gaza", "PSE"),
    ("United States", "USA"),
    ("Washington", "USAGOV"),
    ("Moscow", "RUSGOV"),
    ("Kremlin", "RUSGOV"),
    ("NATO", "IGOWSTNAT"),
    ("Hamas", "PSEREB"),
];

const COUNTRIES: &[&str] = &[
    "RUS", "UKR", "FRA", "DEU", "IRN", "IRQ", "ISR", "EGY", "SYR", "TUR", "CHN", "JPN", "GBR",
    "IND", "PAK", "SRB", "XKX", "SDN", "TCD", "GEO", "KWT", "PSE", "USA",
];

const IRREGULAR: &[(&str, &str)] = &[
    ("met", "meet"),
    ("held", "hold"),
    ("broke", "break"),
    ("broken", "break"),
    ("fought", "fight"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("sent", "send"),
    ("made", "make"),
    ("led", "lead"),
    ("shot", "shoot"),
    ("struck", "strike"),
    ("told", "tell"),
    ("said", "say"),
    ("began", "begin"),
    ("begun", "begin"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("sought", "seek"),
    ("brought", "bring"),
    ("spoke", "speak"),
    ("went", "go"),
    ("laid", "lay"),
    ("forgave", "forgive"),
    ("flew", "fly"),
    ("threw", "throw"),
    ("found", "find"),
    ("has", "have"),
    ("had", "have"),
    ("is", "be"),
    ("was", "be"),
    ("were", "be"),
    ("are", "be"),
    ("been", "be"),
    ("being", "be"),
    ("did", "do"),
    ("does", "do"),
    ("cut", "cut"),
    ("hit", "hit"),
    ("put", "put"),
    ("set", "set"),
    ("drove", "drive"),
    ("fled", "flee"),
    ("beat", "beat"),
    ("stood", "stand"),
    ("kept", "keep"),
    ("paid", "pay"),
    ("slew", "slay"),
    ("froze", "freeze"),
    ("overran", "overrun"),
    ("wrote", "write"),
    ("ran", "run"),
];

fn closed_class(w: &str) -> Option<(Upos, &'static str)> {
    let l = w.to_ascii_lowercase();
    let pos = match l.as_str() {
        "the" | "a" | "an" | "this" | "these" | "those" | "some" | "any" | "no" | "every"
        | "each" | "all" | "another" => Upos::Det,
        "of" | "in" | "on" | "at" | "with" | "against" | "from" | "by" | "for" | "into"
        | "over" | "about" | "between" | "after" | "before" | "under" | "during" | "near"
        | "outside" | "within" | "without" | "along" | "behind" | "as" | "off" | "out" | "up"
        | "down" | "upon" | "like" | "across" | "since" | "until" | "despite" | "toward"
        | "towards" | "through" => Upos::Adp,
        "and" | "or" | "but" => Upos::Cconj,
        "if" | "unless" | "that" | "because" | "while" | "whether" | "although" | "though" => {
            Upos::Sconj
        }
        "will" | "would" | "shall" | "may" | "might" | "could" | "can" | "must" | "should"
        | "has" | "have" | "had" | "is" | "was" | "were" | "are" | "be" | "been" | "being"
        | "did" | "does" | "do" => Upos::Aux,
        "not" | "n't" => Upos::Part,
        "he" | "she" | "it" | "they" | "we" | "i" | "who" | "which" | "them" | "him" | "her"
        | "its" | "their" | "our" | "his" | "my" | "you" | "us" | "me" => Upos::Pron,
        "," | "." | ";" | ":" | "(" | ")" | "—" | "“" | "”" | "\"" | "-" => Upos::Punct,
        "also" | "only" | "never" | "today" | "yesterday" | "reportedly" | "again" | "sharply"
        | "strongly" | "flatly" | "still" | "later" | "now" | "already" | "hard" | "jointly"
        | "allegedly" | "possibly" | "immediately" => Upos::Adv,
        "ready" | "willing" | "prepared" | "unable" | "unwilling" | "determined" | "eager"
        | "joint" | "military" | "humanitarian" | "economic" | "new" | "further" | "serious"
        | "warm" | "former" | "legal" | "dangerous" | "financial" => Upos::Adj,
        _ => return None,
    };
    let lemma: &'static str = match l.as_str() {
        "is" | "was" | "were" | "are" | "been" | "being" | "be" => "be",
        "has" | "have" | "had" => "have",
        "did" | "does" | "do" => "do",
        "n't" => "not",
        _ => "",
    };
    Some((pos, lemma))
}

fn singular(w: &str) -> String {
    let l = w.to_lowercase();
    if let Some(s) = l.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{s}y");
    }
    for suf in ["ches", "shes", "sses", "xes", "oes"] {
        if l.ends_with(suf) {
            return l[..l.len() - 2].to_string();
        }
    }
    if l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
        && l.len() > 3
    {
        return l[..l.len() - 1].to_string();
    }
    l
}

fn verb_lemma(w: &str, known: &HashSet<&str>) -> String {
    let l = w.to_lowercase();
    if let Some((_, lem)) = IRREGULAR.iter().find(|(f, _)| *f == l) {
        return lem.to_string();
    }
    let mut cands = vec![l.clone()];
    let mut add = |s: Option<&str>, extra: &str| {
        if let Some(s) = s {
            cands.push(format!("{s}{extra}"));
            let b = s.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                cands.push(s[..s.len() - 1].to_string());
            }
        }
    };
    add(l.strip_suffix("ied"), "y");
    add(l.strip_suffix("ies"), "y");
    add(l.strip_suffix("ed"), "");
    add(l.strip_suffix("d"), "");
    add(l.strip_suffix("es"), "");
    add(l.strip_suffix("s"), "");
    add(l.strip_suffix("ing"), "");
    add(l.strip_suffix("ing"), "e");
    cands
        .iter()
        .find(|c| known.contains(c.as_str()))
        .cloned()
        .unwrap_or_else(|| {
            l.strip_suffix("ed")
                .or(l.strip_suffix("s"))
                .or(l.strip_suffix("ing"))
                .unwrap_or(&l)
                .to_string()
        })
}

struct Raw {
    text: String,
    pos: Upos,
    lemma: String,
    /// Mention group: (code, group id) for explicit mentions; "" code = geocoded place.
    mention: Option<(String, usize)>,
}

/// A document for tests from tagged text; see the module docs.
pub fn doc(lx: &Lexicon, tagged: &str) -> Document {
    let known: HashSet<&str> = lx.verb_lemmas().chain(["say", "have", "be"]).collect();
    let parts: Vec<&str> = tagged.split_whitespace().collect();
    let mut raws: Vec<Raw> = Vec::new();
    let mut group = 0usize;
    let mut i = 0;
    while i < parts.len() {
        let p = parts[i];
        if let Some(first) = p.strip_prefix('[') {
            // [w1 w2 ...]{CODE} or [w1 w2]@
            let mut words = vec![first];
            let mut j = i;
            let closing = loop {
                if words.last().unwrap().contains(']') {
                    break words.pop().unwrap();
                }
                j += 1;
                words.push(parts[j]);
            };
            let (last, tail) = closing.split_once(']').unwrap();
            words.push(last);
            let code = if tail == "@" {
                String::new()
            } else {
                tail.trim_start_matches('{')
                    .trim_end_matches('}')
                    .to_string()
            };
            group += 1;
            for w in words {
                raws.push(Raw {
                    text: w.to_string(),
                    pos: Upos::Propn,
                    lemma: w.to_lowercase(),
                    mention: Some((code.clone(), group)),
                });
            }
            i = j + 1;
            continue;
        }
        let (core, mention) = if let Some((w, code)) = p.split_once('{') {
            group += 1;
            (w, Some((code.trim_end_matches('}').to_string(), group)))
        } else if let Some(w) = p.strip_suffix('@').filter(|w| !w.is_empty()) {
            group += 1;
            (w, Some((String::new(), group)))
        } else {
            (p, None)
        };
        let (word, pos, lemma) = if let Some(w) = core.strip_prefix('*') {
            (w.to_string(), Upos::Verb, verb_lemma(w, &known))
        } else if let Some((w, tag)) = core.split_once('/') {
            let (tag, lemma) = tag
                .split_once('=')
                .map(|(t, l)| (t, Some(l)))
                .unwrap_or((tag, None));
            let pos = Upos::parse(tag).unwrap_or_else(|| panic!("bad tag {tag} in {core}"));
            let lemma = match lemma {
                Some(l) => l.to_string(),
                None if pos == Upos::Verb => verb_lemma(w, &known),
                None if pos == Upos::Noun => singular(w),
                None => w.to_lowercase(),
            };
            (w.to_string(), pos, lemma)
        } else if let Some((pos, lem)) = closed_class(core) {
            let lemma = if lem.is_empty() {
                core.to_lowercase()
            } else {
                lem.to_string()
            };
            (core.to_string(), pos, lemma)
        } else if core.chars().next().is_some_and(|c| c.is_uppercase()) {
            (core.to_string(), Upos::Propn, core.to_lowercase())
        } else if core
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            (core.to_string(), Upos::Num, core.to_string())
        } else {
            (core.to_string(), Upos::Noun, singular(core))
        };
        raws.push(Raw {
            text: word,
            pos,
            lemma,
            mention,
        });
        i += 1;
    }
    // "to" before a verb is the infinitive marker.
    for k in 0..raws.len() {
        if raws[k].text.eq_ignore_ascii_case("to") && raws[k].pos == Upos::Noun {
            let verb_next = raws
                .get(k + 1)
                .is_some_and(|r| matches!(r.pos, Upos::Verb | Upos::Aux))
                || (raws.get(k + 1).is_some_and(|r| r.pos == Upos::Adv)
                    && raws.get(k + 2).is_some_and(|r| r.pos == Upos::Verb));
            raws[k].pos = if verb_next { Upos::Part } else { Upos::Adp };
            raws[k].lemma = "to".into();
        }
    }
    // Gazetteer names (longest first) become mentions.
    let mut k = 0;
    while k < raws.len() {
        if raws[k].mention.is_none() {
            let mut hit = None;
            for (name, code) in GAZETTEER {
                let ws: Vec<&str> = name.split(' ').collect();
                if k + ws.len() <= raws.len()
                    && ws
                        .iter()
                        .enumerate()
                        .all(|(o, w)| raws[k + o].text == *w && raws[k + o].mention.is_none())
                    && hit.is_none_or(|(n, _): (usize, &str)| ws.len() > n)
                {
                    hit = Some((ws.len(), *code));
                }
            }
            if let Some((n, code)) = hit {
                group += 1;
                for r in &mut raws[k..k + n] {
                    r.pos = Upos::Propn;
                    r.mention = Some((code.to_string(), group));
                }
                k += n;
                continue;
            }
        }
        k += 1;
    }

    let mut text = String::from("date 2022-01-10 ");
    let body = text.len();
    let mut spans = Vec::new();
    let mut paragraph_starts = vec![];
    let mut para = 0u32;
    for r in &raws {
        if r.text == "¶" {
            para += 1;
            paragraph_starts.push(spans.len());
            spans.push(None);
            continue;
        }
        let s = text.len();
        text.push_str(&r.text);
        spans.push(Some((s, text.len(), para)));
        text.push(' ');
    }
    let meta = Meta {
        id: "test".into(),
        date: chrono::NaiveDate::from_ymd_opt(2022, 1, 10),
        ..Meta::default()
    };
    let mut d = Document::with_body(meta, text.clone(), body).unwrap();
    let mut sentence_start = 0usize;
    let mut cur_para = 0u32;
    let close = |d: &mut Document, from: usize, para: u32| {
        if from < d.tokens.len() {
            let start = d.tokens[from].span.start();
            let end = d.tokens.last().unwrap().span.end();
            let span = d.span(start, end).unwrap();
            d.sentences.push(Sentence {
                span,
                paragraph: para,
                tokens: (from as u32, d.tokens.len() as u32),
            });
        }
    };
    for (r, sp) in raws.iter().zip(&spans) {
        let Some((s, e, p)) = *sp else { continue };
        if p != cur_para {
            close(&mut d, sentence_start, cur_para);
            sentence_start = d.tokens.len();
            cur_para = p;
        }
        let span = d.span(s, e).unwrap();
        d.tokens.push(Token {
            span,
            sentence: SentenceId(0),
            pos: r.pos,
            lemma: r.lemma.clone(),
            ner: Default::default(),
        });
        if r.text == "." {
            close(&mut d, sentence_start, cur_para);
            sentence_start = d.tokens.len();
        }
    }
    close(&mut d, sentence_start, cur_para);
    for (si, s) in d.sentences.clone().iter().enumerate() {
        for t in &mut d.tokens[s.tokens.0 as usize..s.tokens.1 as usize] {
            t.sentence = SentenceId(si as u32);
        }
    }
    // Mentions and entities.
    let mut entity_of: HashMap<(String, String), EntityId> = HashMap::new();
    let mut ti = 0;
    let toks: Vec<(usize, &Raw)> = raws.iter().filter(|r| r.text != "¶").enumerate().collect();
    while ti < toks.len() {
        let (_, r) = toks[ti];
        let Some((code, g)) = &r.mention else {
            ti += 1;
            continue;
        };
        let mut tj = ti;
        while tj + 1 < toks.len()
            && toks[tj + 1]
                .1
                .mention
                .as_ref()
                .is_some_and(|(_, g2)| g2 == g)
        {
            tj += 1;
        }
        let span = d.tokens[ti].span.cover(d.tokens[tj].span);
        let name = d.slice(span).to_string();
        let is_place = code.is_empty() || COUNTRIES.contains(&code.as_str());
        let kind = if is_place {
            EntityKind::Location
        } else if r.pos == Upos::Pron {
            EntityKind::Person
        } else {
            EntityKind::Organization
        };
        let key = (
            code.clone(),
            if code.is_empty() {
                name.clone()
            } else {
                String::new()
            },
        );
        let eid = *entity_of.entry(key).or_insert_with(|| {
            d.entities.push(Entity {
                kind,
                name: name.clone(),
                key: name.to_lowercase(),
                actor_code: (!code.is_empty()).then(|| code.clone()),
                titles: vec![],
                mentions: vec![],
                geo: is_place.then(|| Geo {
                    geonames_id: 1,
                    name: name.clone(),
                    lat: 0.0,
                    lon: 0.0,
                    country_iso3: code.get(..3).unwrap_or("").to_string(),
                    country_fips: String::new(),
                    adm1: String::new(),
                    feature: if code.is_empty() {
                        "PPL".into()
                    } else {
                        "PCLI".into()
                    },
                }),
            });
            EntityId(d.entities.len() as u32 - 1)
        });
        let mid = sitrep_doc::MentionId(d.mentions.len() as u32);
        d.entities[eid.index()].mentions.push(mid);
        let form = if r.pos == Upos::Pron {
            MentionForm::Pronoun
        } else {
            MentionForm::Name
        };
        d.mentions.push(Mention {
            span,
            kind,
            form,
            title: None,
            entity: Some(eid),
        });
        ti = tj + 1;
    }
    d.paragraphs = vec![d.body()];
    d.done = Layers::PARAGRAPHS
        | Layers::SENTENCES
        | Layers::TOKENS
        | Layers::POS
        | Layers::MENTIONS
        | Layers::ENTITIES
        | Layers::ACTORS;
    d
}

/// Adds a quote: its content (a substring of the text), the speaker mention's text and the cue.
pub fn add_quote(d: &mut Document, content: &str, speaker: &str, cue: Option<&str>) {
    let text = d.text().to_string();
    let find = |s: &str| {
        let at = text
            .find(s)
            .unwrap_or_else(|| panic!("{s:?} not in the test text"));
        d.span(at, at + s.len()).unwrap()
    };
    let span = find(content);
    let sp = find(speaker);
    let entity = d.entity_covering(sp);
    d.quotes.push(Quote {
        span,
        kind: QuoteKind::Direct,
        speaker: Some(Speaker { span: sp, entity }),
        cue: cue.map(find),
    });
    d.done |= Layers::QUOTES;
}
