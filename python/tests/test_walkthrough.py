"""A new user's walk-through (issue 11): the README's commands run from a shell, and their
outputs opened with the tools users open them with — pandas, pyarrow, DuckDB and sqlite3 —
plus bad inputs and a kill in the middle of an ingest. Each check is one a user made by hand
when the bugs of issue 11 were found; here they run on every CI run.

The corpus is invented (short articles in the shapes that broke things: every date form, an
undated article, a symmetric one-actor event); the kill test ingests ../shared's BBC corpus,
large enough to be interrupted mid-run."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import time
import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest



def _tool(name: str):
    """The user's tool: under CI=true its absence is a failure (import error), elsewhere the
    module's tests are skipped with the reason."""
    if os.environ.get("CI") == "true":
        return __import__(name)
    return pytest.importorskip(name)


pd = _tool("pandas")
duckdb = _tool("duckdb")

ARTICLES = [
    # Every date form the README promises, and one article without a date.
    {"id": "iso", "date": "2022-01-10T08:00:00Z",
     "text": "Russia warned NATO on Monday. Foreign Minister Sergei Lavrov said the talks in "
             "Geneva were useful."},
    {"id": "space", "date": "2022-01-11 08:00:00",
     "text": "France praised Germany for its aid to Ukraine."},
    {"id": "gdelt", "date": "20220112",
     "text": "Japan and South Korea signed an agreement on fisheries in Tokyo on Wednesday."},
    {"id": "rfc", "date": "Thu, 13 Jan 2022 08:00:00 +0000",
     "text": "The United States imposed sanctions on Iran, the Treasury said."},
    {"id": "undated",
     "text": "Protesters in Bamako demanded the release of the president, police said."},
]

# GDELT 2.0 column counts of the three files (Event, Mentions, GKG).
GDELT_COLUMNS = {"export": 61, "mentions": 16, "gkg": 27}


def run(cli: str, *args: str, cwd: Path, stdin: bytes | None = None, ok: bool = True):
    out = subprocess.run([cli, *args], cwd=cwd, input=stdin, capture_output=True, timeout=600)
    if ok:
        assert out.returncode == 0, f"sitrep {' '.join(args)}: {out.stderr.decode()}"
    return out


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_demo_and_jsonl_spans_index_the_original_bytes(cli, corpus, tmp_path):
    demo = run(cli, "demo", "--format", "jsonl", cwd=tmp_path)
    assert json.loads(demo.stdout.splitlines()[0])["events"], "the demo codes events"

    out = run(cli, "extract", str(corpus), cwd=tmp_path)
    records = {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}
    assert set(records) == {a["id"] for a in ARTICLES}
    assert [records[i]["date"] for i in ("iso", "space", "gdelt", "rfc")] == [
        "2022-01-10", "2022-01-11", "2022-01-12", "2022-01-13"]
    assert records["undated"]["date"] is None
    for a in ARTICLES:
        text = a["text"].encode()
        rec = records[a["id"]]
        for ent in rec["entities"]:
            for m in ent["mentions"]:
                assert text[m["start"]:m["end"]].decode() == m["text"]
        for q in rec["quotes"]:
            span = q["span"] if "span" in q else q
            assert 0 <= span["start"] < span["end"] <= len(text)


def test_gdelt_files_load_in_pandas_and_duckdb_with_real_dates(cli, corpus, tmp_path):
    run(cli, "extract", str(corpus), "--format", "gdelt", "--out", "g", cwd=tmp_path)
    files = {kind: next((tmp_path / "g").glob(f"*.{kind}.*")) for kind in GDELT_COLUMNS}
    for kind, path in files.items():
        df = pd.read_csv(path, sep="\t", header=None, dtype=str, keep_default_na=False,
                         quoting=3)
        assert df.shape[1] == GDELT_COLUMNS[kind], f"{path.name}: {df.shape[1]} columns"
        assert len(df) > 0, path.name
        # DuckDB reads the same file with the same shape.
        n = duckdb.connect().execute(
            f"SELECT count(*) FROM read_csv('{path}', delim='\t', header=false, quote='', "
            f"all_varchar=true)").fetchone()[0]
        assert n == len(df), path.name
    events = pd.read_csv(files["export"], sep="\t", header=None, dtype=str,
                         keep_default_na=False, quoting=3)
    # No zero dates: every SQLDATE and DATEADDED parses (the undated article gets the
    # processing time, as OUTPUT.md says).
    pd.to_datetime(events[1], format="%Y%m%d")
    pd.to_datetime(events[59], format="%Y%m%d%H%M%S")
    assert set(events[1]) >= {"20220110", "20220112"}
    # A one-actor event keeps its actor as Actor1 (it was swapped into Actor2).
    assert not ((events[5] == "") & (events[15] != "")).any(), "Actor2 without Actor1"
    gkg = pd.read_csv(files["gkg"], sep="\t", header=None, dtype=str, keep_default_na=False,
                      quoting=3)
    pd.to_datetime(gkg[1], format="%Y%m%d%H%M%S")
    assert not gkg[0].str.startswith("0-").any(), "GKGRECORDID without a date"


def test_parquet_tables_read_in_pyarrow_and_join_in_duckdb(cli, corpus, tmp_path):
    run(cli, "extract", str(corpus), "--format", "parquet", "--out", "p", cwd=tmp_path)
    tables = {p.stem: pq.read_table(p) for p in (tmp_path / "p").glob("*.parquet")}
    assert {"articles", "entities", "mentions", "quotes", "events", "dates", "amounts"} <= set(
        tables)
    assert tables["articles"].num_rows == len(ARTICLES)
    # Themes, titles and errors are lists, not joined strings.
    for table, column in (("articles", "themes"), ("entities", "titles")):
        assert str(tables[table].schema.field(column).type).startswith("list"), (table, column)
    con = duckdb.connect()
    p = tmp_path / "p"
    rows = con.execute(
        f"SELECT a.article_id, count(*) FROM '{p}/events.parquet' e "
        f"JOIN '{p}/articles.parquet' a USING (article_id) GROUP BY 1 ORDER BY 1").fetchall()
    assert sum(n for _, n in rows) == tables["events"].num_rows
    assert tables["events"].num_rows > 0


def test_store_reads_in_sqlite3_and_queries_take_patterns(cli, corpus, tmp_path):
    db = tmp_path / "s.sitrep"
    run(cli, "ingest", str(corpus), "--db", str(db), cwd=tmp_path)
    # The same folder under another spelling stores nothing twice.
    (tmp_path / "in" / "dir").mkdir(parents=True)
    (tmp_path / "in" / "dir" / "a.txt").write_text("date 2022-01-14\nIran met Iraq in Baghdad.\n")
    for spelling in ("in/dir", "./in/dir"):
        run(cli, "ingest", spelling, "--db", str(db), cwd=tmp_path)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES) + 1
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    # Texts are stored compressed in SQLite's archive form: docs/SCHEMA.md's one-line
    # function reads them (and the quotes through the view) in plain Python.
    con.create_function(
        "sqlar_uncompress", 2,
        lambda data, size: data if data is None or len(data) == size else zlib.decompress(data),
        deterministic=True)
    text = con.execute(
        "SELECT t.text FROM article_texts t WHERE t.id LIKE '%a.txt'").fetchone()[0]
    assert text == "date 2022-01-14\nIran met Iraq in Baghdad.\n", text
    quotes = con.execute("SELECT v.text, q.start, q.end, t.text FROM quote_texts v "
                         "JOIN quotes q USING (quote) "
                         "JOIN article_texts t ON t.article = q.article").fetchall()
    assert quotes, "the corpus has quotes"
    for quote, start, end, article in quotes:
        assert quote == article.encode()[start:end].decode(), (quote, start, end)
    # Global flags before or after the query name; CSV with a header.
    for args in (("query", "--db", str(db), "--format", "csv", "stats"),
                 ("query", "stats", "--db", str(db), "--format", "csv")):
        out = run(cli, *args, cwd=tmp_path).stdout.decode()
        assert f"articles,{len(ARTICLES) + 1}" in out, out
    # A dyad with prefix patterns finds the stored event (and counts undated ones).
    pairs = con.execute(
        "SELECT source_code, target_code FROM events WHERE source_code != '' "
        "AND target_code != ''").fetchall()
    src, tgt = pairs[0]
    out = run(cli, "query", "--db", str(db), "--format", "json", "dyad", src[:3] + "*",
              tgt[:3] + "*", cwd=tmp_path).stdout.decode()
    assert json.loads(out), out


def test_bad_inputs_get_one_clear_message_and_the_batch_goes_on(cli, corpus, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "good.txt").write_text("Russia warned NATO.")
    (bad / "broken.jsonl").write_bytes(b'{"id": "x", "text": \n')
    out = run(cli, "extract", "bad", cwd=tmp_path, ok=False)
    err = out.stderr.decode()
    assert out.returncode == 1, err
    ids = [json.loads(line).get("id") for line in out.stdout.splitlines()]
    assert any(str(i).endswith("good.txt") for i in ids), f"the good article is kept: {ids}"
    assert err.count("bad/broken.jsonl") == 1, err
    # A folder with no article files says what it skipped instead of "0 articles", rc 0.
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.json").write_text("{}")
    out = run(cli, "extract", "other", cwd=tmp_path, ok=False)
    assert out.returncode == 1
    assert "skipped 1 other file(s): other/notes.json" in out.stderr.decode()
    # A gzip file named directly is read, not reported as invalid UTF-8.
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(corpus.read_bytes()))
    out = run(cli, "extract", "in.jsonl.gz", cwd=tmp_path)
    assert len(out.stdout.splitlines()) == len(ARTICLES)


def test_an_ingest_killed_midway_loses_and_doubles_nothing(cli, shared, tmp_path):
    bbc = shared / "data" / "news_corpus.jsonl"
    total = sum(1 for line in bbc.open(encoding="utf-8") if line.strip())
    db = tmp_path / "k.sitrep"
    proc = subprocess.Popen([cli, "ingest", str(bbc), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Kill once some articles are committed (the store exists and has rows), never later
    # than the end of the run.
    deadline = time.time() + 300
    stored = 0
    while proc.poll() is None and time.time() < deadline:
        time.sleep(0.5)
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
                    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                stored = 0
            if stored > 0:
                break
    assert proc.poll() is None, "the ingest ended before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < kept < total
    con.close()
    run(cli, "ingest", str(bbc), "--db", str(db), cwd=tmp_path)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == total
    assert con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == total
    # Happenings count each article once.
    over = con.execute(
        "SELECT count(*) FROM happenings WHERE num_articles > "
        "(SELECT count(*) FROM articles)").fetchone()[0]
    assert over == 0
