use super::*;
use crate::fields::Float;
use chrono::NaiveDate;
use sitrep_doc::*;
use std::path::PathBuf;

fn shared_gdelt(file: &str) -> PathBuf {
    // The workspace root is two levels above this crate; shared/ lies beside the workspace.
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/gdelt")
        .join(file)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[allow(clippy::too_many_arguments)]
fn geo(
    id: u32,
    name: &str,
    iso3: &str,
    fips: &str,
    adm1: &str,
    feature: &str,
    lat: f64,
    lon: f64,
) -> Geo {
    Geo {
        geonames_id: id,
        name: name.into(),
        lat,
        lon,
        country_iso3: iso3.into(),
        country_fips: fips.into(),
        adm1: adm1.into(),
        feature: feature.into(),
    }
}

/// A hand-built article: the US and Russian delegations meet in Genève (non-ASCII before the
/// annotations, so byte and character offsets differ).
fn meeting_doc(id: &str, source: &str, swapped: bool) -> Document {
    let header = "date 2022-01-10\n";
    let body = "In Genève, US négociateurs met Russian diplomats on Monday. \
                “We will not bend,” said Anna Berg, the Russian envoy. Three people were killed in Kyiv.";
    let text = format!("{header}{body}");
    let meta = Meta {
        id: id.into(),
        date: Some(d("2022-01-10")),
        title: Some(format!("Envoys meet\tin Genève ({id})")),
        url: Some(format!("https://www.{source}/news/{id}")),
        source: Some(source.into()),
    };
    let mut doc = Document::with_body(meta, text.clone(), header.len()).unwrap();
    let at = |s: &str| text.find(s).unwrap();
    let sp = |doc: &Document, s: &str| doc.span(at(s), at(s) + s.len()).unwrap();
    let first_end = at("Monday.") + "Monday.".len();
    let second_end = at("envoy.") + "envoy.".len();
    doc.sentences = vec![
        Sentence {
            span: doc.span(header.len(), first_end).unwrap(),
            paragraph: 0,
            tokens: (0, 0),
        },
        Sentence {
            span: doc.span(first_end + 1, second_end).unwrap(),
            paragraph: 0,
            tokens: (0, 0),
        },
        Sentence {
            span: doc.span(second_end + 1, text.len()).unwrap(),
            paragraph: 0,
            tokens: (0, 0),
        },
    ];
    let ents = [
        (
            "Genève",
            EntityKind::Location,
            Some(geo(
                2660646, "Geneva", "CHE", "SZ", "SZ07", "PPLA", 46.20222, 6.14569,
            )),
            None,
        ),
        (
            "US",
            EntityKind::Location,
            Some(geo(
                6252001,
                "United States",
                "USA",
                "US",
                "",
                "PCLI",
                39.76,
                -98.5,
            )),
            Some("USA"),
        ),
        ("Russian diplomats", EntityKind::Group, None, Some("RUSGOV")),
        ("Anna Berg", EntityKind::Person, None, Some("RUSGOV")),
        (
            "Kyiv",
            EntityKind::Location,
            Some(geo(
                703448, "Kyiv", "UKR", "UP", "UP12", "PPLC", 50.45466, 30.5238,
            )),
            None,
        ),
    ];
    for (i, (name, kind, g, code)) in ents.into_iter().enumerate() {
        doc.mentions.push(Mention {
            span: sp(&doc, name),
            kind,
            form: MentionForm::Name,
            title: None,
            entity: Some(EntityId(i as u32)),
        });
        doc.entities.push(Entity {
            kind,
            name: name.into(),
            key: name.to_lowercase(),
            actor_code: code.map(str::to_string),
            titles: vec![],
            mentions: vec![MentionId(i as u32)],
            geo: g,
        });
    }
    let (src, tgt) = if swapped {
        (("Russian diplomats", 2, "RUSGOV"), ("US", 1, "USA"))
    } else {
        (("US", 1, "USA"), ("Russian diplomats", 2, "RUSGOV"))
    };
    doc.events.push(Event {
        code: "044".into(),
        base: "044".into(),
        root: "04".into(),
        quad_class: 1,
        goldstein: 1.9,
        source: Some(EventActor {
            actor_code: src.2.into(),
            entity: Some(EntityId(src.1)),
            span: sp(&doc, src.0),
        }),
        target: Some(EventActor {
            actor_code: tgt.2.into(),
            entity: Some(EntityId(tgt.1)),
            span: sp(&doc, tgt.0),
        }),
        trigger: sp(&doc, "met"),
        sentence: SentenceId(0),
        date: Some(d("2022-01-10")),
        place: Some(EntityId(0)),
        is_root: true,
        status: EventStatus::Asserted,
        quote: None,
        rule: String::new(),
        issues: Vec::new(),
    });
    doc.quotes.push(Quote {
        span: sp(&doc, "“We will not bend,”"),
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: sp(&doc, "Anna Berg"),
            entity: Some(EntityId(3)),
        }),
        cue: Some(sp(&doc, "said")),
    });
    doc.dates.push(DateMention {
        span: sp(&doc, "Monday"),
        date: Some(d("2022-01-10")),
        resolution: sitrep_doc::DateResolution::Day,
    });
    sitrep_gkg::GkgConfig::default()
        .build()
        .unwrap()
        .process(&mut doc)
        .unwrap();
    doc
}

/// A different happening: a protest a week later, no source metadata, no URL; its actor is
/// the pronoun "They", resolved by coreference (so not in the raw text).
fn protest_doc() -> Document {
    let text = "They protested in Kyiv on Monday.";
    let meta = Meta {
        id: "p1".into(),
        date: Some(d("2022-01-17")),
        ..Meta::default()
    };
    let mut doc = Document::new(meta, text.into()).unwrap();
    doc.sentences = vec![Sentence {
        span: doc.span(0, text.len()).unwrap(),
        paragraph: 0,
        tokens: (0, 0),
    }];
    doc.mentions.push(Mention {
        span: doc.span(0, 4).unwrap(),
        kind: EntityKind::Group,
        form: MentionForm::Pronoun,
        title: None,
        entity: None,
    });
    doc.events.push(Event {
        code: "141".into(),
        base: "141".into(),
        root: "14".into(),
        quad_class: 3,
        goldstein: -6.5,
        source: Some(EventActor {
            actor_code: "UKRLAB".into(),
            entity: None,
            span: doc.span(0, 4).unwrap(),
        }),
        target: None,
        trigger: doc.span(5, 14).unwrap(),
        sentence: SentenceId(0),
        date: None,
        place: None,
        is_root: true,
        status: EventStatus::Reported,
        quote: None,
        rule: String::new(),
        issues: Vec::new(),
    });
    doc
}

fn corpus() -> Vec<Document> {
    vec![
        meeting_doc("a1", "wire.example", false),
        meeting_doc("a2", "daily.example", true),
        protest_doc(),
    ]
}

fn write_gdelt(dir: &std::path::Path, docs: &[Document]) -> Summary {
    let mut w = GdeltWriter::create(dir, "batch").unwrap();
    for doc in docs {
        w.write(doc).unwrap();
    }
    w.finish().unwrap()
}

fn read_tsv(path: &std::path::Path, columns: usize) -> Vec<csv::StringRecord> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(false)
        .quoting(false)
        .from_path(path)
        .unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), columns, "{} row {i}", path.display());
    }
    rows
}

#[test]
#[ignore = "needs ../shared"]
fn real_gdelt_rows_round_trip_byte_identically() {
    const FILES: &[(&str, &str)] = &[
        ("events2_sample.export.tsv", "events"),
        ("mentions_sample.mentions.tsv", "mentions"),
        ("gkg21_sample.gkg.tsv", "gkg"),
    ];
    let mut checked = 0;
    for (file, table) in FILES {
        let path = shared_gdelt(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (this test needs ../shared)", path.display()));
        for line in text.split_inclusive('\n') {
            let back = match *table {
                "events" => EventRow::parse_line(line).unwrap().write_line(),
                "mentions" => MentionRow::parse_line(line).unwrap().write_line(),
                _ => GkgRow::parse_line(line).unwrap().write_line(),
            };
            let want = if line.ends_with('\n') {
                line.to_string()
            } else {
                format!("{line}\n")
            };
            assert_eq!(back, want, "{file}");
            checked += 1;
        }
    }
    {
        assert_eq!(checked, 4 + 4 + 1);
        // Typed values came through, not just text.
        let text = std::fs::read_to_string(shared_gdelt("events2_sample.export.tsv")).unwrap();
        let putin = text
            .lines()
            .map(|l| EventRow::parse_line(l).unwrap())
            .find(|r| r.global_event_id == 1258623905)
            .unwrap();
        assert_eq!(
            (putin.actor1.code.as_str(), putin.actor1.type1.as_str()),
            ("RUSGOV", "GOV")
        );
        assert_eq!(putin.event_code, "040");
        assert_eq!(putin.actor2_geo.geo_type, 3);
        assert_eq!(putin.fraction_date, fraction_for("2025-08-13"));
        let gkg = GkgRow::parse_line(
            &std::fs::read_to_string(shared_gdelt("gkg21_sample.gkg.tsv")).unwrap(),
        )
        .unwrap();
        assert_eq!(gkg.v2_tone.items.len(), 7);
        assert_eq!(gkg.v21_amounts.items[0].offset, 217);
        assert_eq!(gkg.v2_locations.items[0].offset, Some(166));
        assert_eq!(gkg.v2_gcam.items[0].key, "wc");
    }
}

fn fraction_for(s: &str) -> Float {
    gdelt::fraction_date(d(s))
}

#[test]
fn fraction_date_matches_gdelt() {
    assert_eq!(fraction_for("2024-08-20").as_str(), "2024.6301");
    assert_eq!(fraction_for("2025-08-13").as_str(), "2025.6110");
}

#[test]
fn malformed_lines_are_errors() {
    const CASES: &[(&str, &str)] = &[
        ("1\t2\t3", "3 columns, expected 16"),
        ("", "1 columns, expected 16"),
    ];
    for (line, msg) in CASES {
        let err = MentionRow::parse_line(line).unwrap_err().to_string();
        assert!(err.contains(msg), "{line:?}: {err}");
    }
    let mut cols = vec!["x"; 16];
    cols[0] = "007";
    let err = MentionRow::parse_line(&cols.join("\t"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("column 1"), "{err}");
}

#[test]
fn written_tables_read_back_with_a_csv_reader() {
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus();
    let summary = write_gdelt(dir.path(), &docs);
    assert_eq!(
        summary.rows,
        vec![
            ("gkg".into(), 3),
            ("events".into(), 2),
            ("mentions".into(), 3)
        ]
    );

    let events = read_tsv(&dir.path().join("batch.export.CSV"), 61);
    let mentions = read_tsv(&dir.path().join("batch.mentions.CSV"), 16);
    let gkg = read_tsv(&dir.path().join("batch.gkg.csv"), 27);
    assert_eq!((events.len(), mentions.len(), gkg.len()), (2, 3, 3));

    // One meeting reported by two outlets with swapped actors: one event.
    let meet = events.iter().find(|r| &r[26] == "044").unwrap();
    assert_eq!(&meet[1], "20220110");
    assert_eq!(&meet[4], "2022.0274");
    assert_eq!(
        (&meet[5], &meet[6], &meet[7]),
        ("RUSGOV", "RUSSIAN DIPLOMATS", "RUS")
    );
    assert_eq!(&meet[12], "GOV");
    assert_eq!((&meet[15], &meet[17]), ("USA", "USA"));
    assert_eq!((&meet[29], &meet[30]), ("1", "1.9"));
    assert_eq!(
        (&meet[31], &meet[32], &meet[33]),
        ("2", "2", "2"),
        "NumMentions, NumSources, NumArticles"
    );
    assert_eq!(
        (&meet[51], &meet[52], &meet[53], &meet[54]),
        ("4", "Geneva", "SZ", "SZ07")
    );
    assert_eq!(
        (&meet[56], &meet[57], &meet[58], &meet[59]),
        ("46.2022", "6.1457", "2660646", "20220110000000")
    );
    assert_eq!(&meet[60], "https://www.wire.example/news/a1");
    let ids: std::collections::HashSet<&str> = events.iter().map(|r| r.get(0).unwrap()).collect();
    assert_eq!(ids.len(), 2);
    assert!(mentions.iter().all(|m| ids.contains(&m[0])));

    // Mentions: character offsets, not bytes ("Genève" and "négociateurs" come before "met").
    let doc = &docs[0];
    let m = mentions.iter().find(|m| m[5].ends_with("/a1")).unwrap();
    let met = doc.events[0].trigger;
    let char_off = doc.text()[..met.start()].chars().count();
    assert_ne!(char_off, met.start());
    assert_eq!(m[9].parse::<usize>().unwrap(), char_off);
    assert_eq!(
        doc.text()
            .chars()
            .skip(char_off)
            .take(3)
            .collect::<String>(),
        "met"
    );
    assert_eq!(
        (&m[4], &m[6], &m[10], &m[11]),
        ("wire.example", "1", "1", "100")
    );
    assert_eq!(m[12].parse::<usize>().unwrap(), doc.text().chars().count());
    let protest = mentions.iter().find(|m| &m[5] == "p1").unwrap();
    assert_eq!(
        (
            &protest[3],
            &protest[8],
            &protest[9],
            &protest[10],
            &protest[11]
        ),
        ("2", "-1", "5", "0", "50"),
        "citation-only, no target, action offset, not in raw text, reported"
    );

    // GKG: themes, names, quotations, amounts and counts with character offsets.
    let g = gkg.iter().find(|r| r[4].ends_with("/a1")).unwrap();
    assert_eq!(
        (&g[0], &g[1], &g[2], &g[3]),
        ("20220110000000-0", "20220110000000", "1", "wire.example")
    );
    assert!(g[7].contains("KILL;") && g[7].ends_with(';'), "{}", &g[7]);
    let text = doc.text();
    let char_of = |s: &str| text[..text.find(s).unwrap()].chars().count();
    assert!(
        g[12].contains(&format!("Anna Berg,{}", char_of("Anna Berg"))),
        "{}",
        &g[12]
    );
    assert_eq!(&g[11], "anna berg");
    assert!(
        g[10].contains(&format!(
            "4#Genève#SZ#SZ07##46.2022#6.1457#2660646#{}",
            char_of("Genève")
        )),
        "{}",
        &g[10]
    );
    assert!(
        g[9].starts_with("4#Geneva#SZ#SZ07#46.2022#6.1457#2660646"),
        "{}",
        &g[9]
    );
    assert_eq!(
        &g[22],
        &format!("{}|17|said|We will not bend,", char_of("We will"))
    );
    assert_eq!(&g[24], &format!("3,people,{};", char_of("Three people")));
    assert_eq!(
        &g[6],
        &format!(
            "KILL#3#people#4#Kyiv#UP#UP12#50.4547#30.5238#703448#{};",
            char_of("Three people")
        )
    );
    assert_eq!(&g[16], &format!("3#1#10#2022#{}", char_of("Monday")));
    let tone: Vec<f64> = g[15].split(',').map(|x| x.parse().unwrap()).collect();
    assert_eq!(tone.len(), 7);
    assert_eq!(&g[17], &format!("wc:{}", tone[6]));
    assert_eq!(
        &g[26],
        "<PAGE_TITLE>Envoys meet in Genève (a1)</PAGE_TITLE>"
    );

    // Our own reader reads our own files, too.
    for line in std::fs::read_to_string(dir.path().join("batch.gkg.csv"))
        .unwrap()
        .lines()
    {
        let row = GkgRow::parse_line(line).unwrap();
        assert_eq!(row.write_line(), format!("{line}\n"));
    }
}

#[test]
fn events_and_mentions_do_not_depend_on_document_order() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let docs = corpus();
    let mut rev = corpus();
    rev.reverse();
    write_gdelt(a.path(), &docs);
    write_gdelt(b.path(), &rev);
    for f in ["batch.export.CSV", "batch.mentions.CSV"] {
        let x = std::fs::read(a.path().join(f)).unwrap();
        let y = std::fs::read(b.path().join(f)).unwrap();
        assert_eq!(x, y, "{f}");
    }
}

#[test]
fn batch_stamp_sets_times_and_names_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = GdeltWriter::create(dir.path(), "20220110121500").unwrap();
    w.write(&protest_doc()).unwrap();
    w.finish().unwrap();
    let ev = read_tsv(&dir.path().join("20220110121500.export.CSV"), 61);
    assert_eq!(&ev[0][59], "20220110121500");
    assert_eq!(&ev[0][1], "20220117");
    assert!(matches!(
        GdeltWriter::create(dir.path(), "a/b"),
        Err(ExportError::BadBatchName(_))
    ));
}

#[test]
fn domains() {
    const CASES: &[(&str, Option<&str>)] = &[
        ("https://www.Example.com/a?b", Some("example.com")),
        (
            "http://user@news.example.org:8080/x",
            Some("news.example.org"),
        ),
        ("not a url", None),
    ];
    for (url, want) in CASES {
        assert_eq!(export_doc::domain_of(url).as_deref(), *want, "case {url}");
    }
}

/// The corpus with list values to write: two themes and an error on the first article.
fn listed_corpus() -> Vec<Document> {
    let mut docs = corpus();
    let d = &mut docs[0];
    for theme in ["TAX_FNCACT", "NEGOTIATIONS"] {
        let span = d.span(0, 1).unwrap();
        d.themes.push(sitrep_doc::ThemeMention {
            theme: theme.into(),
            span,
        });
    }
    d.errors.push("gkg: a stage error".into());
    docs
}

#[test]
fn parquet_tables_read_back_with_the_parquet_reader() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::{ListAccessor, RowAccessor};
    let dir = tempfile::tempdir().unwrap();
    let mut w = ParquetWriter::create(dir.path()).unwrap();
    for doc in listed_corpus() {
        w.write(&doc).unwrap();
    }
    let summary = w.finish().unwrap();
    let rows: Vec<(&str, u64)> = summary.rows.iter().map(|(n, r)| (n.as_str(), *r)).collect();
    assert_eq!(
        rows,
        vec![
            ("articles", 3),
            ("entities", 10),
            ("mentions", 11),
            ("quotes", 2),
            ("events", 3),
            ("dates", 2),
            ("amounts", 2)
        ]
    );

    let open = |name: &str| {
        SerializedFileReader::new(
            std::fs::File::open(dir.path().join(format!("{name}.parquet"))).unwrap(),
        )
        .unwrap()
    };
    for (name, n) in &rows {
        let r = open(name);
        assert_eq!(r.metadata().file_metadata().num_rows() as u64, *n, "{name}");
    }
    let articles = open("articles");
    let schema = articles.metadata().file_metadata().schema_descr();
    assert_eq!(
        schema.column(1).logical_type_ref(),
        Some(&parquet::basic::LogicalType::Date)
    );
    let first = articles
        .get_row_iter(None)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(first.get_string(0).unwrap(), "a1");
    let date = first.get_column_iter().nth(1).unwrap().1.clone();
    assert_eq!(date, parquet::record::Field::Date(19_002)); // 2022-01-10
    assert!(first.get_double(11).is_ok());
    let last = articles
        .get_row_iter(None)
        .unwrap()
        .nth(2)
        .unwrap()
        .unwrap();
    assert!(last.is_null(4).unwrap(), "p1 has no source");
    // Issue 11: themes and errors are LIST columns, not `;`-joined strings.
    let themes = first.get_list(18).unwrap();
    let themes: Vec<&String> = (0..themes.len())
        .map(|i| themes.get_string(i).unwrap())
        .collect();
    assert!(themes.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
    assert!(themes.iter().any(|t| *t == "TAX_FNCACT"), "{themes:?}");
    assert_eq!(
        first.get_list(19).unwrap().get_string(0).unwrap(),
        "gkg: a stage error"
    );
    assert_eq!(
        last.get_list(18).unwrap().len(),
        0,
        "no themes: an empty list"
    );

    let events = open("events");
    let ids: Vec<i64> = events
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap().get_long(2).unwrap())
        .collect();
    assert_eq!(
        ids[0], ids[1],
        "the two meeting reports share a GLOBALEVENTID"
    );
    assert_ne!(ids[0], ids[2]);
    let mentions = open("mentions");
    let row = mentions
        .get_row_iter(None)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(row.get_string(9).unwrap(), "Genève");
    assert_eq!(
        row.get_long(7).unwrap() + 6,
        row.get_long(8).unwrap(),
        "char_end - char_start = 6 characters"
    );
    assert_eq!(
        row.get_long(5).unwrap() + 7,
        row.get_long(6).unwrap(),
        "end - start = 7 bytes"
    );
}

/// A second, independent reader: pyarrow, when the Python given by `SITREP_PYTHON` (default
/// `python3`) has it. Skipped (with a note) otherwise; the parquet-crate test above always runs.
#[test]
fn parquet_tables_open_in_pyarrow_if_available() {
    let python = std::env::var("SITREP_PYTHON").unwrap_or_else(|_| "python3".into());
    let probe = std::process::Command::new(&python)
        .args(["-c", "import pyarrow.parquet"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        // CI installs pyarrow (.ci/run): there, this second reader must run.
        assert!(
            std::env::var_os("CI").is_none(),
            "{python} has no pyarrow under CI"
        );
        eprintln!("skipped: {python} has no pyarrow");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut w = ParquetWriter::create(dir.path()).unwrap();
    for doc in listed_corpus() {
        w.write(&doc).unwrap();
    }
    w.finish().unwrap();
    let script = r#"
import sys, pyarrow.parquet as pq
d = sys.argv[1]
for name in ["articles", "entities", "mentions", "quotes", "events"]:
    t = pq.read_table(f"{d}/{name}.parquet")
    print(name, t.num_rows, ",".join(f"{f.name}:{f.type}" for f in t.schema))
ev = pq.read_table(f"{d}/events.parquet").to_pydict()
print("ids", len(set(ev["global_event_id"])))
art = pq.read_table(f"{d}/articles.parquet").to_pydict()
print("date", art["date"][0].isoformat(), "source", art["source"][2])
print("lists", [art["themes"][0], art["errors"][0]], pq.read_table(f"{d}/entities.parquet").schema.field("titles").type)
for name in ["dates", "amounts"]:
    t = pq.read_table(f"{d}/{name}.parquet")
    print(name, t.num_rows, t.column("text").to_pylist())
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script, dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("articles 3 article_id:string,date:date32[day],"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("entities 10 "), "{}", lines[1]);
    assert!(lines[2].starts_with("mentions 11 "), "{}", lines[2]);
    assert!(lines[3].starts_with("quotes 2 "), "{}", lines[3]);
    assert!(
        lines[4].contains("global_event_id:int64") && lines[4].contains("is_root:bool"),
        "{}",
        lines[4]
    );
    assert_eq!(lines[5], "ids 2");
    assert_eq!(lines[6], "date 2022-01-10 source None");
    // Issue 11: list columns are lists, not `;`-joined strings.
    assert!(
        lines[7].starts_with("lists [['")
            && lines[7].contains("'TAX_FNCACT', ")
            && lines[7].contains("], ['gkg: a stage error']]")
            && lines[7].ends_with("list<element: string not null>"),
        "{}",
        lines[7]
    );
    assert!(lines[8].starts_with("dates 2 "), "{}", lines[8]);
    assert!(lines[9].starts_with("amounts 2 "), "{}", lines[9]);
}

/// Issue 11, bug 3: an undated article gets the processing time, never 0, and its GKG
/// record says so; a 14-digit batch name must be a real time.
#[test]
fn undated_articles_get_the_processing_time_not_zeros() {
    let mut doc = protest_doc();
    doc.meta.date = None;
    let dir = tempfile::tempdir().unwrap();
    let mut w = GdeltWriter::create(dir.path(), "batch").unwrap();
    w.write(&doc).unwrap();
    w.finish().unwrap();
    let ev = read_tsv(&dir.path().join("batch.export.CSV"), 61);
    let gkg = read_tsv(&dir.path().join("batch.gkg.csv"), 27);
    let today = chrono::Utc::now().date_naive();
    let day = chrono::NaiveDate::parse_from_str(&ev[0][1], "%Y%m%d").expect("SQLDATE a date");
    assert!((today - day).num_days().abs() <= 1, "SQLDATE {day}");
    assert_eq!(ev[0][2], ev[0][1][..6], "MonthYear");
    assert_eq!(ev[0][3], ev[0][1][..4], "Year");
    assert!(
        ev[0][4].starts_with(&ev[0][3]) && ev[0][4] != ev[0][3],
        "FractionDate"
    );
    assert_eq!(ev[0][59].len(), 14, "DATEADDED");
    assert_eq!(gkg[0][1].len(), 14, "GKG DATE");
    assert!(!gkg[0][0].starts_with("0-"), "GKGRECORDID {}", &gkg[0][0]);
    assert!(gkg[0][26].contains(export_doc::PROCESSING_TIME_MARK));

    let dir = tempfile::tempdir().unwrap();
    let mut w = GdeltWriter::create(dir.path(), "20220110121500").unwrap();
    w.write(&doc).unwrap();
    w.finish().unwrap();
    let ev = read_tsv(&dir.path().join("20220110121500.export.CSV"), 61);
    assert_eq!((&ev[0][1], &ev[0][59]), ("20220110", "20220110121500"));

    for bad in ["20221340120000", "20220230000000", "20220110250000"] {
        assert!(
            matches!(
                GdeltWriter::create(dir.path(), bad),
                Err(ExportError::BadBatchTime(_))
            ),
            "{bad}"
        );
    }
}

/// Issue 11, bug 4: a one-actor event with a symmetric code keeps its actor as Actor1.
#[test]
fn one_actor_symmetric_event_keeps_its_source() {
    let mut doc = meeting_doc("a1", "wire.example", false);
    let e = &mut doc.events[0];
    e.code = "057".into();
    e.base = "057".into();
    e.root = "05".into();
    e.target = None;
    let dir = tempfile::tempdir().unwrap();
    write_gdelt(dir.path(), &[doc]);
    let ev = read_tsv(&dir.path().join("batch.export.CSV"), 61);
    let row = ev.iter().find(|r| &r[26] == "057").unwrap();
    assert_eq!((&row[5], &row[15]), ("USA", ""));
}
