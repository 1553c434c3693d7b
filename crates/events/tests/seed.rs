//! Whole articles run through the standard chain of stages (segment, dates, tag, names,
//! quotes, events): the canonical case, the Geneva article of 2022-01-10 (read from ../shared
//! at test time, never copied), and an article written for this test
//! (`tests/fixtures/tallinn-2023-03-14.txt`), each with its golden event list.

use sitrep_doc::{Chain, Document, Event, Stage};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/examples/geneva-2022-01-10.txt"
);

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/tallinn-2023-03-14.txt"
);

/// The article at `path`, read as sitrep reads it and run through the standard stages in
/// their order, order-checked as the pipeline does.
fn coded_file(path: &str) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let name = std::path::Path::new(path)
        .file_stem()
        .unwrap()
        .to_string_lossy();
    let mut doc = sitrep_ingest::text_document(&name, bytes, 1 << 24).expect("the article reads");
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(sitrep_text::SegmentConfig::default().build().unwrap()),
        Box::new(sitrep_dates::DatesConfig::default().build().unwrap()),
        Box::new(sitrep_tagger::TaggerConfig::default().build().unwrap()),
        Box::new(sitrep_names::NamesConfig::default().build().unwrap()),
        Box::new(sitrep_quotes::QuotesConfig::default().build().unwrap()),
        Box::new(sitrep_events::EventsConfig::default().build().unwrap()),
    ];
    let chain = Chain::new(stages).expect("the standard order");
    assert!(chain.warnings().is_empty(), "{:?}", chain.warnings());
    let errors = chain.process(&mut doc);
    assert_eq!(errors, 0, "{:?}", doc.errors);
    doc
}

fn coded() -> Document {
    coded_file(SEED)
}

fn country(a: &Option<sitrep_doc::EventActor>) -> &str {
    a.as_ref()
        .map(|a| &a.actor_code[..3.min(a.actor_code.len())])
        .unwrap_or("")
}

fn show(doc: &Document, e: &Event) -> String {
    format!(
        "{} {}->{} {:?}",
        e.code,
        e.source
            .as_ref()
            .map(|a| a.actor_code.as_str())
            .unwrap_or(""),
        e.target
            .as_ref()
            .map(|a| a.actor_code.as_str())
            .unwrap_or(""),
        doc.slice(e.trigger)
    )
}

#[test]
#[ignore = "needs ../shared"]
fn geneva_seed_events() {
    let doc = coded();
    let all: Vec<String> = doc.events.iter().map(|e| show(&doc, e)).collect();
    let has = |pred: &dyn Fn(&Event) -> bool| doc.events.iter().any(pred);

    // US-Russia consultations in Geneva, both directions.
    for (a, b) in [("RUS", "USA"), ("USA", "RUS")] {
        assert!(
            has(&|e| e.root == "04"
                && country(&e.source) == a
                && country(&e.target) == b
                && e.place
                    .is_some_and(|p| doc.entity(p).name.contains("Geneva"))
                && e.date == chrono::NaiveDate::from_ymd_opt(2022, 1, 10)),
            "04x {a}->{b} in Geneva: {all:#?}"
        );
    }
    // Ryabkov praised the talks.
    assert!(
        has(&|e| e.code == "051" && country(&e.source) == "RUS"),
        "051 by Ryabkov: {all:#?}"
    );
    // The US intends to continue negotiations.
    assert!(
        has(&|e| e.root == "03" && country(&e.source) == "USA" && country(&e.target) == "RUS"),
        "03x US->RUS: {all:#?}"
    );
    // The US threatens sanctions against Russia if it invades.
    assert!(
        has(&|e| e.root == "13" && country(&e.source) == "USA" && country(&e.target) == "RUS"),
        "13x US->RUS: {all:#?}"
    );
    // Russia demands (NATO non-expansion).
    assert!(
        has(&|e| e.root == "10" && country(&e.source) == "RUS"),
        "10x by Russia: {all:#?}"
    );
    // Russia denies intent to attack Ukraine, in the article and in Ryabkov's quote.
    assert!(
        has(&|e| e.code == "016" && country(&e.source) == "RUS" && country(&e.target) == "UKR"),
        "016 RUS->UKR: {all:#?}"
    );
    assert!(
        has(&|e| e.code == "016"
            && e.status == sitrep_doc::EventStatus::Reported
            && e.quote.is_some()),
        "the quoted denial is Reported: {all:#?}"
    );
    // Nobody attacked, invaded or fought anybody.
    for e in &doc.events {
        assert!(
            !matches!(e.root.as_str(), "18" | "19" | "20") && !e.code.starts_with("15"),
            "no act of force: {}",
            show(&doc, e)
        );
        assert!(e.source.is_some() || e.target.is_some());
        sitrep_doc::assert_span!(doc, e.trigger, doc.slice(e.trigger));
        assert!(
            doc.sentences[e.sentence.index()].span.contains(e.trigger),
            "trigger in its sentence"
        );
    }
}

/// One line per event: code, source -> target, trigger, status. Statements (010) are counted
/// per speaker code instead of listed, since each quote yields one.
fn event_list(doc: &Document) -> String {
    let mut out = String::new();
    let mut statements = std::collections::BTreeMap::<String, usize>::new();
    for e in &doc.events {
        let code = |a: &Option<sitrep_doc::EventActor>| {
            a.as_ref()
                .map(|a| a.actor_code.clone())
                .unwrap_or_else(|| "-".into())
        };
        if e.code == "010" {
            *statements.entry(code(&e.source)).or_default() += 1;
            continue;
        }
        let status = match e.status {
            sitrep_doc::EventStatus::Asserted => "asserted",
            sitrep_doc::EventStatus::Reported => "reported",
        };
        out.push_str(&format!(
            "{}\t{}->{}\t{}\t{}\t{}\n",
            e.code,
            code(&e.source),
            code(&e.target),
            doc.slice(e.trigger),
            status,
            e.date.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    for (speaker, n) in statements {
        out.push_str(&format!("010\t{speaker}->*\t({n} statements)\n"));
    }
    out
}

/// Compares an event list with its golden file (`BLESS=1` rewrites it).
fn check_golden(got: &str, name: &str) {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).expect("golden file; run with BLESS=1 to create");
    assert_eq!(
        got, want,
        "{name}: event list changed; check it and rerun with BLESS=1"
    );
}

/// The whole event list of the seed, held by a golden file. Each line's coding decision is
/// explained in `tests/golden/README.md`.
#[test]
#[ignore = "needs ../shared"]
fn geneva_seed_event_list_is_golden() {
    check_golden(&event_list(&coded()), "geneva_events.tsv");
}

/// The event list of the article written for this test, held by a golden file; it needs
/// nothing outside the repository.
#[test]
fn fixture_event_list_is_golden() {
    check_golden(&event_list(&coded_file(FIXTURE)), "tallinn_events.tsv");
}

/// Where, issues and evidence on the seed: every talks event is at Geneva (with its GeoNames
/// id and coordinates), the sanctions threat is 13x from USAGOV to RUS with the SANCTIONS
/// issue, and every event names the rule that coded it.
#[test]
#[ignore = "needs ../shared"]
fn seed_talks_are_at_geneva_and_events_carry_rules_and_issues() {
    let doc = coded();
    let talks: Vec<&Event> = doc
        .events
        .iter()
        .filter(|e| e.code.starts_with("04") || e.code == "036")
        .collect();
    assert!(!talks.is_empty());
    for e in &talks {
        let place = e.place.map(|p| &doc.entities[p.index()]);
        let geo = place.and_then(|p| p.geo.as_ref());
        assert!(
            geo.is_some_and(|g| g.name == "Geneva" && g.geonames_id == 2660646),
            "talks event not at Geneva: {} at {:?}",
            show(&doc, e),
            place.map(|p| &p.name)
        );
        let g = geo.unwrap();
        assert!(
            (g.lat - 46.2).abs() < 0.1 && (g.lon - 6.14).abs() < 0.1,
            "{g:?}"
        );
    }
    let threat = doc
        .events
        .iter()
        .find(|e| e.code.starts_with("13"))
        .expect("the sanctions threat");
    assert_eq!(
        (
            threat.source.as_ref().map(|a| a.actor_code.as_str()),
            country(&threat.target)
        ),
        (Some("USAGOV"), "RUS")
    );
    assert!(threat.issues.iter().any(|i| i == "SANCTIONS"), "{threat:?}");
    for e in &doc.events {
        assert!(!e.rule.is_empty(), "no rule: {}", show(&doc, e));
    }
}

/// `sitrep explain` shows, for "has no plans to attack Ukraine", the attack pattern found and
/// why no attack was coded (a denial of intent instead).
#[test]
#[ignore = "needs ../shared"]
fn seed_explain_shows_why_no_attack_was_coded() {
    let doc = coded();
    let lx = sitrep_events::EventsConfig::default().build().unwrap();
    let text = lx.explain(&doc);
    let at = text
        .find("no plans to attack")
        .expect("the sentence is explained");
    let part = &text[at..];
    let part = &part[..part.find("\nsentence ").unwrap_or(part.len())];
    assert!(
        part.contains("verb \"attack\"") && part.contains("pattern matched: 190"),
        "{part}"
    );
    assert!(
        part.contains("not coded: taken as the complement of another verb")
            && part.contains("coded 016 by complement NoIntent"),
        "{part}"
    );
}
