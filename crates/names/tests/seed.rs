//! Issue #3 acceptance: the seed article (read from ../shared at test time, never copied).

mod common;
use common::*;
use sitrep_doc::{EntityKind, MentionForm};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/examples/geneva-2022-01-10.txt"
);

/// The seed as sitrep reads it (the ingest crate reads its `date` header).
fn seed_document() -> sitrep_doc::Document {
    let bytes = std::fs::read(SEED).unwrap_or_else(|e| {
        panic!("seed article {SEED}: {e} (../shared must lie beside the clone)")
    });
    sitrep_ingest::text_document("seed", bytes, 1 << 24).expect("the seed reads")
}

#[test]
#[ignore = "needs ../shared"]
fn seed_article_names() {
    let doc = run_document(seed_document());
    let d = dump(&doc);
    if std::env::var("NAMES_DUMP").is_ok() {
        eprintln!("{d}");
    }
    let ryabkov = entity_of(&doc, "Sergei Ryabkov").unwrap_or_else(|| panic!("no Ryabkov\n{d}"));
    assert_eq!(ryabkov.kind, EntityKind::Person);
    assert_eq!(ryabkov.actor_code.as_deref(), Some("RUSGOV"), "{d}");
    assert_eq!(ryabkov.key, "person:sergei riabkov");
    for variant in [
        "Sergey Ryabkov",
        "Ryabkov",
        "the deputy head of the department",
        "the Deputy Foreign Minister",
    ] {
        assert_eq!(
            entity_of(&doc, variant).map(|e| &e.key),
            Some(&ryabkov.key),
            "{variant} should be Ryabkov\n{d}"
        );
    }
    let forms = |e: &sitrep_doc::Entity, f: MentionForm| {
        e.mentions
            .iter()
            .filter(|&&m| doc.mention(m).form == f)
            .count()
    };
    assert!(forms(ryabkov, MentionForm::Name) >= 8, "Ryabkov names\n{d}");
    assert!(
        forms(ryabkov, MentionForm::Pronoun) >= 4,
        "Ryabkov pronouns (He spoke, According to him x2, He reminded)\n{d}"
    );
    assert!(
        forms(ryabkov, MentionForm::Nominal) >= 2,
        "Ryabkov nominals\n{d}"
    );
    assert!(
        ryabkov
            .titles
            .iter()
            .any(|t| t == "Deputy Foreign Minister"),
        "{:?}",
        ryabkov.titles
    );

    let sherman = entity_of(&doc, "Wendy Sherman").unwrap_or_else(|| panic!("no Sherman\n{d}"));
    assert_eq!(sherman.actor_code.as_deref(), Some("USAGOV"), "{d}");
    assert_eq!(
        entity_of(&doc, "Sherman").map(|e| &e.key),
        Some(&sherman.key),
        "{d}"
    );
    assert_eq!(
        entity_of(
            &doc,
            "the First Under Secretary of State of the United States"
        )
        .map(|e| &e.key),
        Some(&sherman.key),
        "nominal title for Sherman\n{d}"
    );
    let nominal = mentions_of(
        &doc,
        "the First Under Secretary of State of the United States",
    );
    assert_eq!(
        nominal.first().and_then(|m| m.title).map(|t| doc.slice(t)),
        Some("First Under Secretary of State of the United States")
    );
    assert!(
        forms(sherman, MentionForm::Pronoun) >= 4,
        "Sherman pronouns (She added, According to her, she stressed ...)\n{d}"
    );
    assert!(forms(sherman, MentionForm::Name) >= 6, "Sherman names\n{d}");

    let price = entity_of(&doc, "Ned Price").unwrap_or_else(|| panic!("no Price\n{d}"));
    assert_eq!(price.actor_code.as_deref(), Some("USAGOV"), "{d}");
    assert_eq!(forms(price, MentionForm::Name), 2, "{d}");
    assert!(
        price.titles.iter().any(|t| t.contains("spokesman")),
        "{:?}",
        price.titles
    );

    // Three distinct persons.
    assert_ne!(ryabkov.key, sherman.key);
    assert_ne!(sherman.key, price.key);

    // Titles: "Secretary of State" is part of a title, never an organization.
    for m in &doc.mentions {
        let text = doc.slice(m.span);
        assert!(
            !(m.kind == EntityKind::Organization && text.contains("Secretary")),
            "organization {text:?}\n{d}"
        );
    }
    let with_title = mentions_of(&doc, "Wendy Sherman")
        .into_iter()
        .filter(|m| m.title.is_some())
        .count();
    assert!(with_title >= 3, "Sherman's titles bound\n{d}");

    let kiev = entity_of(&doc, "Kiev").unwrap_or_else(|| panic!("no Kiev\n{d}"));
    assert_eq!(kiev.kind, EntityKind::Location);
    assert_eq!(
        kiev.geo.as_ref().map(|g| g.country_iso3.as_str()),
        Some("UKR"),
        "{d}"
    );

    let rt = entity_of(&doc, "RT").unwrap_or_else(|| panic!("no RT\n{d}"));
    assert_eq!(rt.kind, EntityKind::Organization);
    assert_eq!(rt.actor_code.as_deref(), Some("RUSMED"));
    assert_eq!(
        entity_of(&doc, "New York Times").and_then(|e| e.actor_code.as_deref()),
        Some("USAMED"),
        "{d}"
    );

    let geneva = entity_of(&doc, "Geneva").unwrap_or_else(|| panic!("no Geneva\n{d}"));
    let g = geneva.geo.as_ref().expect("Geneva geocoded");
    assert_eq!(
        (
            g.country_iso3.as_str(),
            g.country_fips.as_str(),
            g.adm1.as_str()
        ),
        ("CHE", "SZ", "SZ07")
    );

    let nato = entity_of(&doc, "NATO").expect("NATO");
    assert_eq!(nato.actor_code.as_deref(), Some("IGOWSTNAT"));
    assert_eq!(
        entity_of(&doc, "North Atlantic Alliance").map(|e| &e.key),
        Some(&nato.key),
        "alias of NATO\n{d}"
    );
    assert_eq!(
        entity_of(&doc, "Washington").and_then(|e| e.actor_code.as_deref()),
        Some("USAGOV"),
        "{d}"
    );
    assert_eq!(
        entity_of(&doc, "Kremlin").and_then(|e| e.actor_code.as_deref()),
        Some("RUSGOV"),
        "{d}"
    );
    assert_eq!(
        entity_of(&doc, "The Russian delegation").and_then(|e| e.actor_code.as_deref()),
        Some("RUSGOV"),
        "{d}"
    );
    assert_eq!(
        entity_of(&doc, "the American side").and_then(|e| e.actor_code.as_deref()),
        Some("USAGOV"),
        "{d}"
    );
    assert_eq!(
        entity_of(&doc, "Georgia")
            .and_then(|e| e.geo.as_ref())
            .map(|g| g.feature.as_str()),
        Some("PCLI"),
        "{d}"
    );
    assert_eq!(
        entity_of(&doc, "Russia").and_then(|e| e.actor_code.as_deref()),
        Some("RUS")
    );
    assert_eq!(
        entity_of(&doc, "the United States")
            .or(entity_of(&doc, "United States"))
            .and_then(|e| e.actor_code.as_deref()),
        Some("USA"),
        "{d}"
    );

    // "Russian national security" is no group of people.
    assert!(
        doc.mentions
            .iter()
            .all(|m| !doc.slice(m.span).ends_with("national")),
        "{d}"
    );

    // Spans are sorted and every mention belongs to an entity that lists it.
    assert!(doc.mentions.windows(2).all(|w| w[0].span <= w[1].span));
    for (i, m) in doc.mentions.iter().enumerate() {
        let e = m.entity.expect("resolved");
        assert!(doc
            .entity(e)
            .mentions
            .contains(&sitrep_doc::MentionId(i as u32)));
    }
}

/// Without the tagger (no POS, no NER) the dictionaries, titles and given names still find the
/// three officials with their codes.
#[test]
#[ignore = "needs ../shared"]
fn seed_article_without_tagger() {
    let doc = run_document_untagged(seed_document());
    let d = dump(&doc);
    for (name, code) in [
        ("Sergei Ryabkov", "RUSGOV"),
        ("Wendy Sherman", "USAGOV"),
        ("Ned Price", "USAGOV"),
        ("RT", "RUSMED"),
        ("NATO", "IGOWSTNAT"),
    ] {
        let e = entity_of(&doc, name).unwrap_or_else(|| panic!("no {name}\n{d}"));
        assert_eq!(e.actor_code.as_deref(), Some(code), "{name}\n{d}");
    }
    assert_eq!(
        entity_of(&doc, "Ryabkov").map(|e| e.name.as_str()),
        Some("Sergei Ryabkov"),
        "{d}"
    );
    assert_eq!(
        entity_of(&doc, "Geneva")
            .and_then(|e| e.geo.as_ref())
            .map(|g| g.country_iso3.as_str()),
        Some("CHE"),
        "{d}"
    );
}
