//! Case tables of the syntax helpers.
//!
//! `annotated_*`: hand-annotated trees (tests/syntax_trees.conllu, sentences written for
//! these tests), so the helpers are tested independently of the model. `parsed_*`: the same
//! constructions in running text through the real segmenter, tagger and embedded parser.

use sitrep_doc::{Document, Stage, TokenId};
use sitrep_parser::conllu;
use sitrep_parser::syntax::Syntax;
use std::path::Path;

fn annotated() -> Document {
    let text = include_str!("syntax_trees.conllu");
    let sentences = conllu::parse(text, Path::new("syntax_trees.conllu")).unwrap();
    conllu::to_document("trees", &sentences).unwrap()
}

/// The token with this text in the sentence whose first word is `first` (unique in the file).
fn tok(doc: &Document, sentence: usize, word: &str) -> TokenId {
    let s = &doc.sentences[sentence];
    (s.tokens.0..s.tokens.1)
        .map(TokenId)
        .find(|&t| doc.slice(doc.tokens[t.index()].span) == word)
        .unwrap_or_else(|| panic!("no {word:?} in sentence {sentence}"))
}

fn words(doc: &Document, ts: &[TokenId]) -> Vec<String> {
    ts.iter()
        .map(|&t| doc.slice(doc.tokens[t.index()].span).to_string())
        .collect()
}

fn word(doc: &Document, t: Option<TokenId>) -> Option<String> {
    t.map(|t| doc.slice(doc.tokens[t.index()].span).to_string())
}

/// Sentence numbers in syntax_trees.conllu.
const PASSIVE: usize = 0;
const AGENTLESS: usize = 1;
const REDUCED: usize = 2;
const NPHEAD: usize = 3;
const BASED: usize = 4;
const APPOS: usize = 5;
const TOLD: usize = 6;
const COORD: usize = 7;
const SHARED: usize = 8;
const NOUNSRC: usize = 9;
const RELCL: usize = 10;

#[test]
fn annotated_passives_and_reduced_relatives() {
    let doc = annotated();
    let syn = Syntax::of(&doc).unwrap();
    let v = tok(&doc, PASSIVE, "suspended");
    assert!(syn.is_passive(v));
    assert_eq!(word(&doc, syn.subject(v)).as_deref(), Some("Moscow"));
    assert_eq!(word(&doc, syn.agent(v)).as_deref(), Some("Moscow"));
    assert_eq!(word(&doc, syn.patient(v)).as_deref(), Some("talks"));
    assert_eq!(
        word(&doc, syn.grammatical_subject(v)).as_deref(),
        Some("talks")
    );
    // "were" stands for its predicate.
    let aux = tok(&doc, PASSIVE, "were");
    assert_eq!(word(&doc, syn.subject(aux)).as_deref(), Some("Moscow"));

    let v = tok(&doc, AGENTLESS, "expelled");
    assert_eq!(syn.subject(v), None, "an agentless passive has no doer");
    assert_eq!(word(&doc, syn.patient(v)).as_deref(), Some("envoy"));

    let v = tok(&doc, REDUCED, "imposed");
    assert!(syn.reduced_relative(v));
    assert_eq!(
        word(&doc, syn.reduced_relative_agent(v)).as_deref(),
        Some("China")
    );
    assert_eq!(word(&doc, syn.subject(v)).as_deref(), Some("China"));
    assert_eq!(word(&doc, syn.patient(v)).as_deref(), Some("ban"));
    let main = tok(&doc, REDUCED, "criticized");
    assert_eq!(words(&doc, &syn.objects(main)), ["ban"]);
    assert_eq!(syn.reduced_relative_agent(main), None);
}

#[test]
fn annotated_noun_phrase_heads() {
    let doc = annotated();
    let syn = Syntax::of(&doc).unwrap();
    for w in ["Lima", "Group", "ministers"] {
        let h = syn.np_head(tok(&doc, NPHEAD, w));
        assert_eq!(word(&doc, Some(h)).as_deref(), Some("ministers"), "{w}");
    }
    let met = tok(&doc, NPHEAD, "met");
    assert_eq!(word(&doc, syn.subject(met)).as_deref(), Some("ministers"));
    assert_eq!(words(&doc, &syn.oblique(met, "in")), ["Ottawa"]);
    assert!(syn.oblique(met, "to").is_empty());

    for w in ["Paris", "based", "The"] {
        let h = syn.np_head(tok(&doc, BASED, w));
        assert_eq!(word(&doc, Some(h)).as_deref(), Some("group"), "{w}");
    }
    let accused = tok(&doc, BASED, "accused");
    assert_eq!(word(&doc, syn.subject(accused)).as_deref(), Some("group"));
    assert_eq!(words(&doc, &syn.objects(accused)), ["Egypt"]);

    let united = tok(&doc, NOUNSRC, "United");
    assert_eq!(
        word(&doc, Some(syn.np_head(united))).as_deref(),
        Some("States")
    );
    let objections = tok(&doc, NOUNSRC, "objections");
    assert_eq!(
        words(&doc, &syn.noun_modifier(objections, "from")),
        ["States"]
    );
}

#[test]
fn annotated_appositions_possessives_and_speakers() {
    let doc = annotated();
    let syn = Syntax::of(&doc).unwrap();
    let lawyer = tok(&doc, APPOS, "lawyer");
    let john = tok(&doc, APPOS, "John");
    assert_eq!(word(&doc, syn.possessor(lawyer)).as_deref(), Some("Smith"));
    assert_eq!(words(&doc, &syn.appositions(lawyer)), ["John"]);
    assert_eq!(words(&doc, &syn.appositions(john)), ["lawyer"]);
    let said = tok(&doc, APPOS, "said");
    assert_eq!(
        word(&doc, syn.grammatical_subject(said)).as_deref(),
        Some("lawyer")
    );
    assert_eq!(word(&doc, syn.speaker(said)).as_deref(), Some("John"));
    let doe = tok(&doc, APPOS, "Doe");
    assert_eq!(syn.np_head(doe), john);
    let (first, last) = syn.subtree(john);
    assert_eq!(words(&doc, &[first, last]), [",", ","]);

    let told = tok(&doc, TOLD, "told");
    assert_eq!(word(&doc, syn.addressee(told)).as_deref(), Some("Reuters"));
    assert_eq!(word(&doc, syn.speaker(told)).as_deref(), Some("analyst"));
    assert_eq!(word(&doc, syn.subject(told)).as_deref(), Some("analyst"));

    let spoken = tok(&doc, RELCL, "spoken");
    assert_eq!(
        word(&doc, syn.addressee(spoken)).as_deref(),
        Some("reporters")
    );
    let resigned = tok(&doc, RELCL, "resigned");
    assert_eq!(
        word(&doc, syn.grammatical_subject(resigned)).as_deref(),
        Some("diplomat"),
        "a relative pronoun stands for the noun it modifies"
    );
}

#[test]
fn annotated_coordination() {
    let doc = annotated();
    let syn = Syntax::of(&doc).unwrap();
    let russia = tok(&doc, COORD, "Russia");
    let iran = tok(&doc, COORD, "Iran");
    assert_eq!(words(&doc, &syn.conjuncts(russia)), ["China", "Iran"]);
    assert_eq!(words(&doc, &syn.conjuncts(iran)), ["Russia", "China"]);
    let condemned = tok(&doc, COORD, "condemned");
    assert_eq!(
        words(&doc, &syn.objects(condemned)),
        ["strike", "sanctions"]
    );
    assert_eq!(
        word(&doc, syn.subject(condemned)).as_deref(),
        Some("Russia")
    );

    let said = tok(&doc, SHARED, "said");
    assert_eq!(
        word(&doc, syn.grammatical_subject(said)).as_deref(),
        Some("Ryabkov"),
        "coordinated verbs share their subject"
    );
}

/// Runs segmenter, tagger and the embedded parser on a text.
fn parsed(text: &str) -> Document {
    let mut doc = Document::new(Default::default(), text.to_string()).unwrap();
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(sitrep_text::SegmentConfig::default().build().unwrap()),
        Box::new(sitrep_tagger::TaggerConfig::default().build().unwrap()),
        Box::new(sitrep_parser::ParserConfig::default().build().unwrap()),
    ];
    for s in &stages {
        s.process(&mut doc).unwrap();
        // What the pipeline's chain does after each stage.
        doc.done |= s.provides();
    }
    assert!(doc.has_deps());
    doc
}

/// The first token with this text.
fn find(doc: &Document, w: &str) -> TokenId {
    (0..doc.tokens.len() as u32)
        .map(TokenId)
        .find(|&t| doc.slice(doc.tokens[t.index()].span) == w)
        .unwrap_or_else(|| panic!("no token {w:?}"))
}

/// The text of the phrase a helper's answer heads, from its np_head's compounds and names.
fn named(syn: &Syntax, t: Option<TokenId>) -> Option<String> {
    let t = syn.np_head(t?);
    Some(syn.word(t).to_string())
}

#[test]
fn parsed_case_table() {
    // (sentence, verb, helper, expected word)
    type Ask = fn(&Syntax, TokenId) -> Option<TokenId>;
    let subject: Ask = |s, v| s.subject(v);
    let patient: Ask = |s, v| s.patient(v);
    let addressee: Ask = |s, v| s.addressee(v);
    let speaker: Ask = |s, v| s.speaker(v);
    let rr_agent: Ask = |s, v| s.reduced_relative_agent(v);
    let object: Ask = |s, v| s.objects(v).into_iter().next();
    let cases: &[(&str, &str, Ask, &str)] = &[
        (
            "The sanctions were imposed by the European Union.",
            "imposed",
            subject,
            "Union",
        ),
        (
            "The sanctions were imposed by the European Union.",
            "imposed",
            patient,
            "sanctions",
        ),
        (
            "Protesters denounced a curfew imposed by the army.",
            "imposed",
            rr_agent,
            "army",
        ),
        (
            "Protesters denounced a curfew imposed by the army.",
            "denounced",
            object,
            "curfew",
        ),
        (
            "The Paris-based group accused Egypt of torture.",
            "accused",
            subject,
            "group",
        ),
        (
            "The Paris-based group accused Egypt of torture.",
            "accused",
            object,
            "Egypt",
        ),
        (
            "Lima Group ministers condemned the vote.",
            "condemned",
            subject,
            "ministers",
        ),
        (
            "The analyst told Reuters that prices would rise.",
            "told",
            addressee,
            "Reuters",
        ),
        (
            "The analyst told Reuters that prices would rise.",
            "told",
            speaker,
            "analyst",
        ),
        (
            "Russia and China rejected the proposal.",
            "rejected",
            subject,
            "Russia",
        ),
        (
            "The embassy was attacked by militants on Sunday.",
            "attacked",
            subject,
            "militants",
        ),
        (
            "The embassy was attacked by militants on Sunday.",
            "attacked",
            patient,
            "embassy",
        ),
        (
            "The minister told reporters the talks were frank.",
            "told",
            addressee,
            "reporters",
        ),
        (
            "Officials said the border was closed by the army.",
            "closed",
            subject,
            "army",
        ),
        (
            "Smith's lawyer, John Doe, said the charges were false.",
            "said",
            speaker,
            "John",
        ),
        (
            "Russia, China and Iran condemned the strike.",
            "condemned",
            subject,
            "Russia",
        ),
    ];
    // The model is statistical: the table holds it to 13 of its 16 answers, and the misses
    // are printed. Known misses of the shipped model: the tagger reads "Reuters" as a common
    // noun in "The analyst told Reuters that ..." and the parse fails with it (two answers);
    // "told reporters the talks were frank" (no "that") makes "reporters" a subject.
    let mut failures = Vec::new();
    for &(text, verb, ask, want) in cases {
        let doc = parsed(text);
        let syn = Syntax::of(&doc).unwrap();
        let got = named(&syn, ask(&syn, find(&doc, verb)));
        if got.as_deref() != Some(want) {
            failures.push(format!("{text:?} {verb}: want {want}, got {got:?}"));
        }
    }
    eprintln!("misses:\n{}", failures.join("\n"));
    assert!(
        cases.len() == 16 && failures.len() <= 3,
        "{}",
        failures.join("\n")
    );
}

#[test]
fn parsed_speakers_of_statements() {
    let text = "Deputy Foreign Minister Sergei Ryabkov said Moscow would not back down. \
                U.S. Deputy Secretary of State Wendy Sherman told reporters the talks were frank. \
                State Department spokesman Ned Price said the talks would go on. \
                The meeting ended with serious objections from the United States.";
    let doc = parsed(text);
    let syn = Syntax::of(&doc).unwrap();
    let saids: Vec<TokenId> = (0..doc.tokens.len() as u32)
        .map(TokenId)
        .filter(|&t| matches!(syn.word(t), "said" | "told"))
        .collect();
    assert_eq!(saids.len(), 3);
    let names = ["Ryabkov", "Sherman", "Price"];
    for (&cue, name) in saids.iter().zip(names) {
        let s = syn
            .speaker(cue)
            .unwrap_or_else(|| panic!("no speaker for {name}"));
        // The speaker token lies in the name's phrase (a flat name's head is its first word).
        let (lo, hi) = syn.subtree(syn.np_head(s));
        let phrase =
            &doc.text()[doc.tokens[lo.index()].span.start()..doc.tokens[hi.index()].span.end()];
        assert!(phrase.contains(name), "{name}: speaker phrase {phrase:?}");
    }
    let objections = find(&doc, "objections");
    let from = syn.noun_modifier(objections, "from");
    assert_eq!(words(&doc, &from), ["States"]);
}
