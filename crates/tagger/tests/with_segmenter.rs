//! End to end with sitrep's real tokenizer: segment an invented article, tag it, and check
//! the layers the later stages rely on.

use sitrep_doc::{Chain, Document, Layers, Meta, NerTag, Stage, Upos};
use sitrep_tagger::{spans, EntType, TaggerConfig};
use sitrep_text::SegmentConfig;

const ARTICLE: &str = "date 2023-04-18 \nForeign Minister Elena Markova met NATO envoys in Oslo on Tuesday for 7.5 hours of talks. \
\"We are not interested in non-expansion promises,\" Markova told reporters, adding that the U.S. delegation had praised the Norwegian hosts.\n\n\
The talks will resume in Geneva next month, a spokeswoman for the Norwegian Foreign Ministry said.";

fn tagged() -> Document {
    let mut doc = Document::with_body(Meta::default(), ARTICLE.to_string(), 16).unwrap();
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(SegmentConfig::default().build().unwrap()),
        Box::new(TaggerConfig::default().build().unwrap()),
    ];
    let errors = Chain::new(stages).unwrap().process(&mut doc);
    assert_eq!(errors, 0, "{:?}", doc.errors);
    doc
}

#[test]
fn real_tokens_get_tags_lemmas_and_entities() {
    let doc = tagged();
    assert!(doc.done.contains(Layers::POS | Layers::NER));
    let mut ents: Vec<(EntType, String)> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let toks = &doc.tokens[s.tokens.0 as usize..s.tokens.1 as usize];
        let tags: Vec<NerTag> = toks.iter().map(|t| t.ner).collect();
        for (kind, a, b) in spans(&tags) {
            let span = toks[a].span.cover(toks[b - 1].span);
            ents.push((kind, doc.slice(span).to_string()));
        }
        for t in toks {
            assert!(
                !t.lemma.is_empty(),
                "sentence {si}: empty lemma for {:?}",
                doc.slice(t.span)
            );
            assert_eq!(t.lemma, t.lemma.to_lowercase());
        }
    }
    for want in [
        (EntType::Per, "Elena Markova"),
        (EntType::Org, "NATO"),
        (EntType::Loc, "Oslo"),
        (EntType::Per, "Markova"),
        (EntType::Loc, "Geneva"),
    ] {
        assert!(
            ents.contains(&(want.0, want.1.to_string())),
            "missing {want:?} in {ents:?}"
        );
    }
    let find = |w: &str| {
        doc.tokens
            .iter()
            .find(|t| doc.slice(t.span) == w)
            .unwrap_or_else(|| panic!("no token {w}"))
    };
    assert_eq!(
        (find("praised").pos, find("praised").lemma.as_str()),
        (Upos::Verb, "praise")
    );
    assert_eq!(find("non-expansion").pos, Upos::Noun);
    assert_eq!(find("7.5").pos, Upos::Num);
    assert_eq!(find("talks").lemma, "talk");
    assert_eq!(find("told").lemma, "tell");
}

#[test]
fn a_failing_tagger_gives_the_tokens_back_and_provides_nothing() {
    let mut doc = Document::new(Meta::default(), "Talks began in Oslo.".into()).unwrap();
    let segment: Vec<Box<dyn Stage>> = vec![Box::new(SegmentConfig::default().build().unwrap())];
    assert_eq!(Chain::new(segment).unwrap().process(&mut doc), 0);
    let n = doc.tokens.len();
    // A sentence claiming tokens past the end: the tagger fails after taking the tokens out.
    doc.sentences[0].tokens.1 = n as u32 + 5;
    let tagger: Vec<Box<dyn Stage>> = vec![Box::new(TaggerConfig::default().build().unwrap())];
    let chain = Chain::after(doc.done, tagger).unwrap();
    assert_eq!(chain.process(&mut doc), 1, "{:?}", doc.errors);
    assert!(doc.errors[0].starts_with("stage tagger: sentence 0 has token range"));
    assert_eq!(doc.tokens.len(), n);
    assert!(doc.done.contains(Layers::TOKENS));
    assert!(!doc.done.intersects(Layers::POS | Layers::NER));
}
