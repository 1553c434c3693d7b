//! The store on a small hand-built corpus: idempotency, replacement, actor identity,
//! FTS search, the dyad timeline's numbers, networks, happenings, articles.

mod common;

use common::*;
use sitrep_doc::output::ArticleRecord;
use sitrep_store::*;

fn count(store: &Store, table: &str) -> i64 {
    store
        .connection()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn counts(store: &Store) -> Vec<(String, i64)> {
    [
        "articles",
        "entities",
        "entity_names",
        "mentions",
        "quotes",
        "events",
        "happenings",
    ]
    .iter()
    .map(|t| (t.to_string(), count(store, t)))
    .collect()
}

fn loaded() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let report = store.ingest(corpus()).unwrap();
    assert_eq!(report.inserted, 4, "{report:?}");
    store
}

fn text(v: &Value) -> String {
    v.to_text()
}

#[test]
fn fts5_is_compiled_in() {
    let store = Store::open_in_memory().unwrap();
    let opts: Vec<String> = {
        let mut st = store
            .connection()
            .prepare("PRAGMA compile_options")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(opts.iter().any(|o| o == "ENABLE_FTS5"), "{opts:?}");
}

#[test]
fn ingest_twice_changes_nothing() {
    let mut store = loaded();
    let before = counts(&store);
    assert_eq!(
        before,
        [
            ("articles", 4),
            ("entities", 2), // Berg, and Volkov under two spellings
            ("entity_names", 3),
            ("mentions", 13), // "Berg" also inside "Anna Berg": the fixture marks every match
            ("quotes", 3),
            ("events", 7),
            ("happenings", 6), // a1 and a2 report one meeting
        ]
        .map(|(t, n)| (t.to_string(), n))
    );
    let again = store.ingest(corpus()).unwrap();
    assert_eq!(
        again,
        IngestReport {
            unchanged: 4,
            commits: 1,
            ..IngestReport::default()
        }
    );
    assert_eq!(counts(&store), before);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn changed_content_replaces_the_article() {
    let mut store = loaded();
    let mut docs = corpus();
    // a2 loses its sanctions event and its quote changes.
    let a2 = &mut docs[1];
    a2.events.truncate(1);
    a2.quotes[0].kind = sitrep_doc::QuoteKind::Mixed;
    let report = store.ingest(&docs).unwrap();
    assert_eq!(
        (report.replaced, report.unchanged, report.inserted),
        (1, 3, 0),
        "{report:?}"
    );
    assert_eq!(count(&store, "articles"), 4);
    assert_eq!(count(&store, "events"), 6);
    assert_eq!(count(&store, "quotes"), 3);
    assert_eq!(
        count(&store, "happenings"),
        5,
        "the sanctions happening is gone"
    );
    let kind: String = store
        .connection()
        .query_row(
            "SELECT q.kind FROM quotes q JOIN articles a USING (article) WHERE a.id = 'a2'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kind, "mixed");
    // The FTS index follows the replacement: one hit, not two.
    let hits = run(
        &store,
        &QueryCommand::QuotesByWords(WordsQuery {
            query: "sanctions".into(),
            limit: 0,
        }),
    )
    .unwrap();
    assert_eq!(hits.rows.len(), 1);
    assert_eq!(store.integrity_check().unwrap(), "ok");

    // Changed text with the same annotations is a change too, replaced when asked for.
    let mut docs = corpus();
    let d = &docs[3];
    let new_text = format!("{} More follows.", d.text());
    let mut moved = sitrep_doc::Document::new(d.meta.clone(), new_text).unwrap();
    moved.events = d.events.clone();
    docs[3] = moved;
    store.set_replace(true);
    let report = store.ingest(&docs[3..]).unwrap();
    assert_eq!(report.replaced, 1);
}

/// Issue 11, bug 2: an id stored with another text is a conflict, reported and not written,
/// unless replacing is asked for; within one input too.
#[test]
fn same_id_with_another_text_is_a_conflict() {
    let mut store = loaded();
    let docs = corpus();
    let d = &docs[3];
    let other = sitrep_doc::Document::new(d.meta.clone(), format!("{} Other.", d.text())).unwrap();
    let before = store
        .connection()
        .query_row(
            "SELECT text FROM article_texts WHERE id = ?1",
            [&d.meta.id],
            |r| r.get::<_, String>(0),
        )
        .unwrap();
    let report = store.ingest([&other]).unwrap();
    assert_eq!(report.conflicts, vec![d.meta.id.clone()], "{report:?}");
    assert_eq!((report.inserted, report.replaced), (0, 0));
    let after: String = store
        .connection()
        .query_row(
            "SELECT text FROM article_texts WHERE id = ?1",
            [&d.meta.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(after, before, "the stored article stays");

    let mut fresh = Store::open_in_memory().unwrap();
    let report = fresh.ingest([&docs[0], &other, &docs[3]]).unwrap();
    assert_eq!(report.inserted, 2);
    assert_eq!(report.conflicts, vec![d.meta.id.clone()]);
    assert_eq!(report.seen(), 3);
}

#[test]
fn one_actor_across_spellings() {
    let store = loaded();
    let (n, name): (i64, String) = store
        .connection()
        .query_row(
            "SELECT count(*), min(name) FROM entities WHERE key = 'sergei volkov'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((n, name.as_str()), (1, "Sergei Volkov"));
    let names: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM entity_names JOIN entities USING (entity) WHERE key = 'sergei volkov'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(names, 2, "Sergei and Sergey");
    // Mentions from both articles point at the one actor.
    let articles: i64 = store
        .connection()
        .query_row(
            "SELECT count(DISTINCT article) FROM mentions JOIN entities USING (entity) WHERE key = 'sergei volkov'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(articles, 3);
}

#[test]
fn dyad_timeline_numbers() {
    let store = loaded();
    let q = DyadQuery {
        a: "FRAGOV".into(),
        b: "RUSGOV".into(),
        ..DyadQuery::default()
    };
    let t = run(&store, &QueryCommand::Dyad(q.clone())).unwrap();
    assert_eq!(
        t.columns,
        [
            "date",
            "direction",
            "events",
            "happenings",
            "verbal_coop",
            "material_coop",
            "verbal_conflict",
            "material_conflict",
            "goldstein_sum"
        ]
    );
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    assert_eq!(
        rows,
        [
            [
                "2022-03-01",
                "FRAGOV > RUSGOV",
                "3",
                "2",
                "2",
                "0",
                "0",
                "1",
                "-6"
            ],
            [
                "2022-03-03",
                "FRAGOV > RUSGOV",
                "1",
                "1",
                "1",
                "0",
                "0",
                "0",
                "3.4"
            ],
        ]
    );

    let both = run(
        &store,
        &QueryCommand::Dyad(DyadQuery {
            both_directions: true,
            ..q.clone()
        }),
    )
    .unwrap();
    let rows: Vec<(String, String, String, String)> = both
        .rows
        .iter()
        .map(|r| (text(&r[0]), text(&r[1]), text(&r[2]), text(&r[8])))
        .collect();
    let want = [
        ("2022-03-01", "FRAGOV > RUSGOV", "3", "-6"),
        ("2022-03-01", "RUSGOV > FRAGOV", "1", "-2"),
        ("2022-03-03", "FRAGOV > RUSGOV", "1", "3.4"),
        ("2022-03-03", "RUSGOV > FRAGOV", "1", "-10"),
    ]
    .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()));
    assert_eq!(rows, want);

    // Date range, and actors named by pattern and by entity.
    let from = run(
        &store,
        &QueryCommand::Dyad(DyadQuery {
            from: Some(date("2022-03-02")),
            a: "FRA*".into(),
            ..q.clone()
        }),
    )
    .unwrap();
    assert_eq!(from.rows.len(), 1);
    assert_eq!(text(&from.rows[0][0]), "2022-03-03");
    let by_entity = run(
        &store,
        &QueryCommand::Dyad(DyadQuery {
            a: "Anna Berg".into(),
            b: "sergei volkov".into(),
            ..q
        }),
    )
    .unwrap();
    let n: i64 = by_entity
        .rows
        .iter()
        .map(|r| if let Value::Int(n) = r[2] { n } else { 0 })
        .sum();
    assert_eq!(
        n, 3,
        "events whose sides are the entities: a1 met, a2 talks, a3 praised"
    );
    // A dense series: every day of the range, zeros where nothing happened.
    let dense = run(
        &store,
        &QueryCommand::Dyad(DyadQuery {
            fill_days: true,
            to: Some(date("2022-03-04")),
            ..q.clone()
        }),
    )
    .unwrap();
    let rows: Vec<(String, String, String)> = dense
        .rows
        .iter()
        .map(|r| (text(&r[0]), text(&r[2]), text(&r[8])))
        .collect();
    let want = [
        ("2022-03-01", "3", "-6"),
        ("2022-03-02", "0", "0"),
        ("2022-03-03", "1", "3.4"),
        ("2022-03-04", "0", "0"),
    ]
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()));
    assert_eq!(rows, want);
    let dense_both = run(
        &store,
        &QueryCommand::Dyad(DyadQuery {
            fill_days: true,
            both_directions: true,
            ..q.clone()
        }),
    )
    .unwrap();
    assert_eq!(
        dense_both.rows.len(),
        6,
        "3 days x 2 directions:\n{dense_both}"
    );
    // Code patterns: a prefix (an index range) and a general glob.
    let total = |t: &Table| -> i64 {
        t.rows
            .iter()
            .map(|r| if let Value::Int(n) = r[2] { n } else { 0 })
            .sum()
    };
    for (a, b, want) in [
        ("*GOV", "RUS*", 5),
        ("FRA*", "RUSGOV", 4),
        ("USA*", "RUS", 0),
        ("F?AGOV", "RUSGOV", 4),
    ] {
        let t = run(
            &store,
            &QueryCommand::Dyad(DyadQuery {
                a: a.into(),
                b: b.into(),
                ..DyadQuery::default()
            }),
        )
        .unwrap();
        assert_eq!(total(&t), want, "{a} > {b}");
    }
    // Another spelling of a stored name finds the actor; an unknown name finds nothing.
    let typed = run(
        &store,
        &QueryCommand::Dyad(DyadQuery {
            a: "anna berg".into(),
            b: "Sergej Volkow".into(),
            ..DyadQuery::default()
        }),
    )
    .unwrap();
    let events = |t: &Table| -> Vec<String> {
        t.rows
            .iter()
            .map(|r| format!("{} {}", text(&r[0]), text(&r[2])))
            .collect()
    };
    assert_eq!(events(&typed), events(&by_entity));
    let unknown = run(
        &store,
        &QueryCommand::Dyad(DyadQuery {
            a: "Anna Berg".into(),
            b: "Boris Ivanov".into(),
            ..DyadQuery::default()
        }),
    )
    .unwrap();
    assert!(unknown.rows.is_empty());
}

#[test]
fn network_of_partners() {
    let store = loaded();
    let t = run(
        &store,
        &QueryCommand::Network(NetworkQuery {
            actor: "RUSGOV".into(),
            by_code: true,
            ..Default::default()
        }),
    )
    .unwrap();
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    // FRAGOV: 4 events to Russia, 2 from it; mean (1 + 1 - 8 + 3.4 - 2 - 10) / 6.
    assert_eq!(
        rows[0][..7],
        ["FRAGOV", "FRAGOV", "6", "2", "4", "5", "-2.433"]
    );
    assert_eq!(rows[1][..5], ["USAGOV", "USAGOV", "1", "0", "1"]);
    assert_eq!(rows.len(), 2);

    let by_entity = run(
        &store,
        &QueryCommand::Network(NetworkQuery {
            actor: "Sergey Volkov".into(),
            ..Default::default()
        }),
    )
    .unwrap();
    assert_eq!(text(&by_entity.rows[0][0]), "Anna Berg");
    assert_eq!(text(&by_entity.rows[0][2]), "4");
}

#[test]
fn quotes_by_words_with_fts() {
    let store = loaded();
    let t = run(
        &store,
        &QueryCommand::QuotesByWords(WordsQuery {
            query: "ready talk*".into(),
            limit: 10,
        }),
    )
    .unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(text(t.get(0, "article").unwrap()), "a1");
    assert!(
        text(t.get(0, "snippet").unwrap()).contains("[ready]"),
        "{t}"
    );
    // Words of the speaker name are indexed too.
    let t = run(
        &store,
        &QueryCommand::QuotesByWords(WordsQuery {
            query: "speaker: volkov".into(),
            limit: 0,
        }),
    )
    .unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(text(t.get(0, "article").unwrap()), "a2");
    // Text that is not FTS5 syntax is searched as plain words, not an error.
    let t = run(
        &store,
        &QueryCommand::QuotesByWords(WordsQuery {
            query: "talks\" (useful".into(),
            limit: 0,
        }),
    )
    .unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(text(t.get(0, "article").unwrap()), "a3");
    let none = run(
        &store,
        &QueryCommand::QuotesByWords(WordsQuery {
            query: "zeppelin".into(),
            limit: 0,
        }),
    )
    .unwrap();
    assert!(none.rows.is_empty());
}

#[test]
fn quotes_by_speaker_fuzzy() {
    let store = loaded();
    // (typed name, articles of the quotes expected)
    const CASES: &[(&str, &[&str])] = &[
        ("Volkov", &["a2"]),
        ("sergey volkow", &["a2"]),
        ("S. Volkov", &["a2"]),
        ("berg", &["a1"]),
        ("Anna Berg", &["a1"]),
        ("spokesman", &["a3"]),
        ("Lavrov", &[]),
    ];
    for &(name, want) in CASES {
        let t = run(
            &store,
            &QueryCommand::QuotesBySpeaker(SpeakerQuery {
                speaker: name.into(),
                limit: 0,
            }),
        )
        .unwrap();
        let got: Vec<String> = (0..t.rows.len())
            .map(|i| text(t.get(i, "article").unwrap()))
            .collect();
        assert_eq!(got, want, "speaker {name:?}:\n{t}");
    }
}

#[test]
fn happenings_group_across_articles() {
    let store = loaded();
    let t = run(
        &store,
        &QueryCommand::Happenings(HappeningsQuery {
            a: "FRAGOV".into(),
            b: "RUSGOV".into(),
            min_articles: 2,
            ..Default::default()
        }),
    )
    .unwrap();
    assert_eq!(t.rows.len(), 1, "{t}");
    assert_eq!(text(t.get(0, "code").unwrap()), "040");
    assert_eq!(text(t.get(0, "mentions").unwrap()), "2");
    // The incremental grouping equals a full regrouping.
    let mut store = store;
    let before: Vec<(i64, i64)> = {
        let mut st = store
            .connection()
            .prepare("SELECT event, happening FROM events ORDER BY event")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(store.regroup_all().unwrap(), 6);
    let after: Vec<(i64, i64)> = {
        let mut st = store
            .connection()
            .prepare("SELECT event, happening FROM events ORDER BY event")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(before, after);
}

#[test]
fn article_with_annotations() {
    let store = loaded();
    let t = run(
        &store,
        &QueryCommand::Article(ArticleQuery { id: "a2".into() }),
    )
    .unwrap();
    let Value::Json(ann) = t.get(0, "annotations").unwrap() else {
        panic!("annotations are JSON")
    };
    assert_eq!(ann["entities"][1]["key"], "sergei volkov");
    assert!(ann["entities"][1]["store_entity"].is_i64());
    assert!(ann["events"][0]["happening"].is_i64());
    assert_eq!(ann["quotes"][0]["speaker"]["text"], "Volkov");
    assert!(text(t.get(0, "text").unwrap()).starts_with("Anna Berg held talks"));
    // The JSON rendering nests the annotations; the record reads back.
    let v: serde_json::Value = serde_json::from_str(&t.render_json()).unwrap();
    let rec: ArticleRecord = serde_json::from_value(v[0]["annotations"].clone()).unwrap();
    assert_eq!(rec.events.len(), 2);
    assert!(matches!(
        run(
            &store,
            &QueryCommand::Article(ArticleQuery { id: "nope".into() })
        ),
        Err(StoreError::NoArticle(_))
    ));
}

#[test]
fn stats_count_the_corpus() {
    let store = loaded();
    let t = run(&store, &QueryCommand::Stats).unwrap();
    let get = |m: &str| {
        let i = t
            .rows
            .iter()
            .position(|r| text(&r[0]) == m)
            .unwrap_or_else(|| panic!("no {m}"));
        text(&t.rows[i][1])
    };
    assert_eq!(get("articles"), "4");
    assert_eq!(get("first date"), "2022-03-01");
    assert_eq!(get("events"), "7");
    assert_eq!(get("quotes with resolved speaker"), "2");
    assert_eq!(get("happenings in 2+ articles"), "1");
}

#[test]
fn records_with_bad_spans_are_rejected_not_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let docs = corpus();
    let mut rec = docs[0].to_record();
    rec.quotes[0].end = 10_000;
    let good = docs[1].to_record();
    let report = store
        .ingest([(&rec, docs[0].text()), (&good, docs[1].text())])
        .unwrap();
    assert_eq!(report.inserted, 1);
    assert_eq!(report.rejected.len(), 1);
    assert!(
        report.rejected[0].1.contains("quote span"),
        "{:?}",
        report.rejected
    );
    assert!(!store.has_article("a1").unwrap());
    assert!(store.has_article("a2").unwrap());
}

#[test]
fn store_reopens_from_disk_with_its_data() {
    let dir = std::env::temp_dir().join(format!("sitrep-store-reopen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("corpus.sitrep");
    let _ = std::fs::remove_file(&path);
    {
        let mut store = Store::open(&path).unwrap();
        store.set_batch_size(1);
        let r = store.ingest(corpus()).unwrap();
        assert_eq!(r.commits, 4);
    }
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.article_count().unwrap(), 4);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let mode: String = store
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(store);
    std::fs::remove_dir_all(&dir).unwrap();
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever a user types as a search or a speaker, the query answers (maybe with no
        /// rows) instead of failing on FTS5 syntax or panicking.
        #[test]
        fn any_search_text_answers(query in "\\PC{1,24}") {
            let store = loaded();
            let words = run(&store, &QueryCommand::QuotesByWords(WordsQuery { query: query.clone(), limit: 5 }));
            let speaker = run(&store, &QueryCommand::QuotesBySpeaker(SpeakerQuery { speaker: query.clone(), limit: 5 }));
            if query.trim().is_empty() {
                prop_assert!(matches!(words, Err(StoreError::BadQuery(_))));
            } else {
                prop_assert!(words.is_ok(), "{query:?}: {words:?}");
            }
            prop_assert!(speaker.is_ok() || matches!(speaker, Err(StoreError::BadQuery(_))), "{query:?}: {speaker:?}");
        }
    }

    #[test]
    fn fts_operators_alone_are_searched_as_words() {
        let store = loaded();
        for q in [
            "AND",
            "OR",
            "NOT",
            "*",
            "\"",
            "NEAR(",
            "foo:",
            "(",
            "-",
            "^",
            "a OR",
            "\"unterminated",
        ] {
            let r = run(
                &store,
                &QueryCommand::QuotesByWords(WordsQuery {
                    query: q.into(),
                    limit: 5,
                }),
            );
            assert!(r.is_ok(), "{q:?}: {r:?}");
        }
    }
}

#[test]
fn same_id_twice_in_one_batch_keeps_the_index_sound() {
    let mut store = Store::open_in_memory().unwrap();
    store.set_replace(true);
    let docs = corpus();
    let mut changed = docs[0].clone();
    changed.quotes[0].kind = sitrep_doc::QuoteKind::Mixed;
    let report = store.ingest([&docs[0], &changed, &docs[0]]).unwrap();
    assert_eq!(
        (report.inserted, report.replaced, report.unchanged),
        (1, 2, 0),
        "{report:?}"
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(count(&store, "quotes"), 1);
    let hits = run(
        &store,
        &QueryCommand::QuotesByWords(WordsQuery {
            query: "ready".into(),
            limit: 0,
        }),
    )
    .unwrap();
    assert_eq!(hits.rows.len(), 1);
    // And across batches: replace an article committed earlier.
    store.set_batch_size(1);
    let report = store.ingest([&changed, &docs[0]]).unwrap();
    assert_eq!(report.replaced, 2);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let hits = run(
        &store,
        &QueryCommand::QuotesByWords(WordsQuery {
            query: "ready".into(),
            limit: 0,
        }),
    )
    .unwrap();
    assert_eq!(hits.rows.len(), 1);
}

/// Issue 11, bug 5: every query takes the same actor selectors (codes, `*` patterns, names);
/// undated events are counted on an `undated` row unless a period is asked for; one
/// selector on both sides does not list each day twice.
#[test]
fn dyad_and_happenings_share_selectors_and_count_undated_events() {
    let mut store = loaded();
    let undated = build(
        "a5",
        None,
        "Washington consulted Moscow again.",
        &[],
        &[],
        &[Ev {
            code: "040",
            quad: 1,
            goldstein: 1.0,
            source: Some(("USAGOV", None)),
            target: Some(("RUSGOV", None)),
            trigger: "consulted",
            date: None,
        }],
    );
    store.ingest([&undated]).unwrap();
    let dyad = |a: &str, b: &str, both: bool, from: Option<&str>| {
        let t = run(
            &store,
            &QueryCommand::Dyad(DyadQuery {
                a: a.into(),
                b: b.into(),
                both_directions: both,
                asserted_only: false,
                fill_days: false,
                from: from.map(date),
                to: None,
            }),
        )
        .unwrap();
        t.rows
            .iter()
            .map(|r| format!("{} {} {}", text(&r[0]), text(&r[1]), text(&r[2])))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        dyad("USA*", "RUS*", false, None),
        vec!["2022-03-10 USA* > RUS* 1", "undated USA* > RUS* 1"]
    );
    assert_eq!(
        dyad("USA*", "RUS*", false, Some("2022-03-01")),
        vec!["2022-03-10 USA* > RUS* 1"]
    );
    let same = dyad("RUS*", "RUS*", true, None);
    let mut days: Vec<&str> = same.iter().map(|r| r.split(' ').next().unwrap()).collect();
    let n = days.len();
    days.dedup();
    assert_eq!(days.len(), n, "each day once: {same:?}");

    let happenings = |a: &str, b: &str| {
        run(
            &store,
            &QueryCommand::Happenings(HappeningsQuery {
                a: a.into(),
                b: b.into(),
                both_directions: false,
                min_articles: 1,
                limit: 0,
                from: None,
                to: None,
            }),
        )
        .unwrap()
        .rows
        .iter()
        .map(|r| format!("{} {}>{}", text(&r[1]), text(&r[2]), text(&r[3])))
        .collect::<Vec<_>>()
    };
    let usa = happenings("USA*", "RUS*");
    // 040 is symmetric: its happenings keep the codes in canonical order, yet a directed
    // query finds them through their events.
    assert_eq!(
        usa,
        vec!["2022-03-10 RUSGOV>USAGOV", "undated RUSGOV>USAGOV"]
    );
    assert_eq!(happenings("USAGOV", "RUSGOV"), usa, "a code and a pattern");
    let by_name = happenings("Anna Berg", "");
    assert!(
        !by_name.is_empty() && by_name.iter().all(|r| r.contains("FRAGOV>")),
        "{by_name:?}"
    );
}

fn rows_of(store: &Store, sql: &str) -> Vec<Vec<String>> {
    let mut st = store.connection().prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        (0..n)
            .map(|i| {
                r.get::<_, rusqlite::types::Value>(i)
                    .map(|v| format!("{v:?}"))
            })
            .collect::<Result<Vec<_>, _>>()
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// Issue 11, bug 10: the CLI writes a stream chunk by chunk and regroups once at the end;
/// that gives exactly the happenings of one ingest call, and nothing is grouped until then.
#[test]
fn deferred_chunks_then_one_regroup_equal_one_ingest() {
    let whole = loaded();
    let mut chunked = Store::open_in_memory().unwrap();
    for doc in corpus() {
        let report = chunked.ingest_deferred([doc]).unwrap();
        assert_eq!(report.regrouped_classes, 0);
    }
    let happenings = "SELECT source_code, target_code, root, code, date, num_mentions, num_articles
                      FROM happenings ORDER BY happening";
    assert!(rows_of(&chunked, happenings).is_empty());
    assert!(chunked.regroup_pending().unwrap() > 0);
    assert_eq!(rows_of(&chunked, happenings), rows_of(&whole, happenings));
    let events = "SELECT event, happening FROM events ORDER BY event";
    assert_eq!(rows_of(&chunked, events), rows_of(&whole, events));
    assert_eq!(chunked.regroup_pending().unwrap(), 0, "nothing left marked");
}

/// Issue 11, bug 10: the record is stored compressed, and what SQL used to dig out of its
/// JSON has columns: the evidence sentence's span, the article's themes, a place's geo.
#[test]
fn record_is_compressed_and_its_queried_parts_have_columns() {
    let doc = &corpus()[0];
    let mut rec = doc.to_record();
    rec.themes.push(sitrep_doc::output::ThemeRecord {
        theme: "NEGOTIATIONS".into(),
        start: 0,
        end: 4,
    });
    // Two sentences, the events in the second (the hand-built corpus has no sentence layer).
    let cut = doc.text().find(". ").map_or(doc.text().len(), |i| i + 1);
    rec.sentences = vec![
        sitrep_doc::output::SpanRecord { start: 0, end: cut },
        sitrep_doc::output::SpanRecord {
            start: cut,
            end: doc.text().len(),
        },
    ];
    for e in &mut rec.events {
        e.sentence = u32::from(e.trigger.start >= cut);
    }
    assert!(!rec.events.is_empty());
    let place = rec.entities.len() - 1;
    rec.entities[place].geo = Some(sitrep_doc::Geo {
        geonames_id: 2660646,
        name: "Geneva".into(),
        lat: 46.20222,
        lon: 6.14569,
        country_iso3: "CHE".into(),
        country_fips: "SZ".into(),
        adm1: "SZ07".into(),
        feature: "PPLA".into(),
    });
    let mut store = Store::open_in_memory().unwrap();
    store
        .ingest([(rec.clone(), doc.text().to_string())])
        .unwrap();
    let (plain, stored): (i64, i64) = store
        .connection()
        .query_row(
            "SELECT a.size, length(r.record_z) FROM articles a JOIN records r USING (article)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let json = serde_json::to_string(&rec).unwrap().len() as i64;
    assert!(
        stored * 2 < json,
        "record {stored} bytes for {json} of JSON ({plain} of text)"
    );
    // `query article` still gives the whole record back.
    let t = run(
        &store,
        &QueryCommand::Article(ArticleQuery { id: rec.id.clone() }),
    )
    .unwrap();
    let back = t.render(Format::Json);
    assert!(
        back.contains("NEGOTIATIONS") && back.contains("SZ07"),
        "{back}"
    );

    let themes = rows_of(&store, "SELECT theme, start, end FROM themes");
    assert_eq!(
        themes,
        vec![vec!["Text(\"NEGOTIATIONS\")", "Integer(0)", "Integer(4)"]]
    );
    let geo = rows_of(&store, "SELECT geo FROM entities WHERE geo IS NOT NULL");
    assert_eq!(geo.len(), 1);
    assert!(geo[0][0].contains("46.20222"), "{geo:?}");
    for (i, e) in rec.events.iter().enumerate() {
        let s = &rec.sentences[e.sentence as usize];
        let got = rows_of(
            &store,
            &format!("SELECT sentence_start, sentence_end FROM events WHERE idx = {i}"),
        );
        assert_eq!(
            got[0],
            vec![
                format!("Integer({})", s.start),
                format!("Integer({})", s.end)
            ]
        );
    }
    // Replacing the article removes its themes with it.
    store.set_replace(true);
    let mut changed = rec.clone();
    changed.themes.clear();
    store.ingest([(changed, doc.text().to_string())]).unwrap();
    assert!(rows_of(&store, "SELECT * FROM themes").is_empty());
}
