use super::*;
use proptest::prelude::*;
use sitrep_doc::{assert_span, Meta};
use std::path::PathBuf;

fn stage() -> &'static GkgStage {
    static STAGE: std::sync::OnceLock<GkgStage> = std::sync::OnceLock::new();
    STAGE.get_or_init(|| GkgConfig::default().build().unwrap())
}

fn run(text: &str) -> Document {
    let mut doc = Document::new(Meta::default(), text.to_string()).unwrap();
    stage().process(&mut doc).unwrap();
    doc
}

fn shared_gdelt(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/gdelt")
        .join(file)
}

#[test]
#[ignore = "needs ../shared"]
fn every_theme_code_is_a_gdelt_theme() {
    let path = shared_gdelt("LOOKUP-GKGTHEMES.txt");
    let list = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (this test needs ../shared)", path.display()));
    let known: std::collections::HashSet<&str> =
        list.lines().filter_map(|l| l.split('\t').next()).collect();
    assert!(known.len() > 50_000, "theme list looks truncated");
    let codes = stage().theme_codes();
    assert!(codes.len() > 250, "only {} codes", codes.len());
    let unknown: Vec<&String> = codes
        .iter()
        .filter(|c| !known.contains(c.as_str()))
        .collect();
    assert!(unknown.is_empty(), "codes not in GDELT's list: {unknown:?}");
}

#[test]
fn themes_with_spans() {
    const CASES: &[(&str, &[(&str, &str)])] = &[
        (
            "Negotiators held talks on sanctions in Geneva.",
            &[
                ("NEGOTIATIONS", "Negotiators"),
                ("TAX_FNCACT", "Negotiators"),
                ("TAX_FNCACT_NEGOTIATOR", "Negotiators"),
                ("NEGOTIATIONS", "held talks"),
                ("SANCTIONS", "sanctions"),
            ],
        ),
        (
            "The Foreign Minister spoke.",
            &[
                ("TAX_FNCACT", "Foreign Minister"),
                ("TAX_FNCACT_FOREIGN_MINISTER", "Foreign Minister"),
            ],
        ),
        (
            "A cease-fire held; no ceasefire.",
            &[("CEASEFIRE", "cease-fire"), ("CEASEFIRE", "ceasefire")],
        ),
        ("Talks. Held", &[("NEGOTIATIONS", "Talks")]),
        (
            "Climate change and climate",
            &[
                ("ENV_CLIMATECHANGE", "Climate change"),
                ("WB_567_CLIMATE_CHANGE", "Climate change"),
            ],
        ),
    ];
    for (text, want) in CASES {
        let doc = run(text);
        let got: Vec<(&str, &str)> = doc
            .themes
            .iter()
            .map(|t| (t.theme.as_str(), doc.slice(t.span)))
            .collect();
        assert_eq!(&got, want, "case {text:?}");
    }
}

#[test]
fn tone_formula() {
    // 10 words; VADER: "good" +, "great" +, "killed" -, "war" -, "terrible" -; "we" is self-reference.
    let doc = run("We saw good and great news, but war killed terrible numbers.");
    let t = doc.tone.clone().unwrap();
    assert_eq!(t.word_count, 11);
    let pct = |x: f64| 100.0 * x / 11.0;
    assert!((t.positive - pct(2.0)).abs() < 1e-9, "{t:?}");
    assert!((t.negative - pct(3.0)).abs() < 1e-9, "{t:?}");
    assert!((t.tone - (t.positive - t.negative)).abs() < 1e-12);
    assert!((t.polarity - pct(5.0)).abs() < 1e-9);
    assert!((t.self_density - pct(1.0)).abs() < 1e-9);
    assert_eq!(t.activity_density, 0.0, "no POS layer: activity unknown");
    let empty = run("");
    assert_eq!(empty.tone.unwrap().word_count, 0);
}

#[test]
fn activity_uses_pos_when_present() {
    let text = "Troops fired shots.";
    let mut doc = Document::new(Meta::default(), text.into()).unwrap();
    let spans = [
        (0, 6, Upos::Noun),
        (7, 12, Upos::Verb),
        (13, 18, Upos::Noun),
        (18, 19, Upos::Punct),
    ];
    for (s, e, pos) in spans {
        doc.tokens.push(sitrep_doc::Token {
            span: doc.span(s, e).unwrap(),
            sentence: sitrep_doc::SentenceId(0),
            pos,
            lemma: text[s..e].to_lowercase(),
            ner: Default::default(),
        });
    }
    doc.done |= Layers::POS;
    stage().process(&mut doc).unwrap();
    let t = doc.tone.unwrap();
    assert_eq!(t.word_count, 3);
    assert!((t.activity_density - 100.0 / 3.0).abs() < 1e-9);
}

#[test]
fn amounts_and_counts() {
    let doc = run(
        "Police arrested 12 protesters on Monday. Three people were killed and 25 wounded in the blast. \
         Officials seized 2 tons of cocaine. The talks lasted 7.5 hours.",
    );
    let amounts: Vec<(&str, f64, &str)> = doc
        .amounts
        .iter()
        .map(|a| (doc.slice(a.span), a.value, a.object.as_str()))
        .collect();
    assert_eq!(
        amounts,
        vec![
            ("12 protesters", 12.0, "protesters"),
            ("Three people", 3.0, "people"),
            ("25 wounded", 25.0, "wounded"),
            ("2 tons of cocaine", 2.0, "tons of cocaine"),
            ("7.5 hours", 7.5, "hours"),
        ]
    );
    let c: Vec<(&str, f64)> = doc
        .counts
        .iter()
        .map(|c| (c.kind.as_str(), c.value))
        .collect();
    assert_eq!(
        c,
        vec![
            ("ARREST", 12.0),
            ("KILL", 3.0),
            ("WOUND", 25.0),
            ("SEIZE", 2.0)
        ]
    );
    assert_eq!(
        stage().provides(),
        Layers::AMOUNTS | Layers::COUNTS | Layers::THEMES | Layers::TONE
    );
    let killed = doc.themes.iter().find(|t| t.theme == "KILL").unwrap();
    assert_span!(doc, killed.span, "killed");
}

#[test]
fn config_rejects_unknown_fields_and_can_disable() {
    assert!(serde_json::from_str::<GkgConfig>(r#"{"tones": true}"#).is_err());
    let cfg: GkgConfig = serde_json::from_str(r#"{"themes": false}"#).unwrap();
    let mut doc = Document::new(Meta::default(), "Sanctions talks.".into()).unwrap();
    cfg.build().unwrap().process(&mut doc).unwrap();
    assert!(doc.themes.is_empty());
    assert!(doc.tone.is_some());
}

#[test]
fn lexicon_errors_name_the_line() {
    let err = lexicon::parse_themes("# c\nwar\tARMEDCONFLICT\nBad\tX\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "themes.tsv line 3: phrase must be non-empty lowercase words"
    );
    assert!(lexicon::parse_vader("good\tx\n").is_err());
}

proptest! {
    #[test]
    fn no_input_panics_and_spans_are_valid(text in "\\PC{0,80}", pre in "[0-9$€ ,.a-z%-]{0,30}") {
        let text = format!("{pre}{text}");
        let doc = run(&text);
        for a in &doc.amounts {
            prop_assert!(text.get(a.span.range()).is_some());
        }
        for t in &doc.themes {
            prop_assert!(text.get(t.span.range()).is_some());
        }
        for c in &doc.counts {
            prop_assert!(doc.amounts.iter().any(|a| a.span == c.span));
        }
        let tone = doc.tone.unwrap();
        prop_assert!(tone.polarity <= 100.0 + 1e-9);
    }
}
