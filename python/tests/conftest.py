"""Fixtures of the Python tests: the repository's CLI (the reference every result is
compared with), ../shared, and a small corpus written both as JSONL (for the CLI) and as
Parquet (for extract_batch, Spark and Dask).

Under CI=true a missing ../shared or CLI binary fails the tests that need them; elsewhere
they are skipped with the reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
SEED = SHARED / "examples" / "geneva-2022-01-10.txt"
BBC = SHARED / "data" / "news_corpus.jsonl"
JOBS = REPO / "python" / "jobs"
sys.path.insert(0, str(JOBS))

# Rows of each table are identified by these columns (sorting puts both sides in one order).
KEYS = {
    "articles": ["article_id"],
    "entities": ["article_id", "entity_id"],
    "mentions": ["article_id", "mention_id"],
    "quotes": ["article_id", "quote_id"],
    "events": ["article_id", "event_index"],
    "dates": ["article_id", "date_index"],
    "amounts": ["article_id", "amount_index"],
}


def missing(what: str):
    """Fail under CI (a test must not pass by skipping there), else skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing (CI=true: tests that need it fail)")
    pytest.skip(f"{what} is missing")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SEED.is_file() or not BBC.is_file():
        missing(f"../shared ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def cli() -> str:
    """The sitrep binary: $SITREP_BIN, else target/release or target/debug of this repo."""
    candidates = [os.environ.get("SITREP_BIN")] + [
        str(REPO / "target" / p / "sitrep") for p in ("release", "debug")
    ]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    missing("the sitrep CLI (set SITREP_BIN or cargo build -p sitrep-cli)")


def run_cli(cli: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([cli, *args], input=stdin, capture_output=True, check=False)


def corpus_rows(shared: Path, n: int = 40) -> list[dict]:
    """The seed article and the first n BBC articles; every other BBC article gets a date
    (so dates, date columns and event grouping by date are exercised)."""
    rows = [{"id": "geneva", "date": "2022-01-10", "text": SEED.read_text(encoding="utf-8")}]
    with open(shared / "data" / "news_corpus.jsonl", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n:
                break
            a = json.loads(line)
            date = f"2005-02-{1 + i % 20:02d}" if i % 2 else None
            rows.append({"id": a["id"], "date": date, "text": a["text"]})
    return rows


def write_corpus(rows: list[dict], folder: Path) -> tuple[Path, Path]:
    jsonl = folder / "corpus.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    parquet = folder / "corpus.parquet"
    pq.write_table(arrow_batch(rows), parquet)
    return jsonl, parquet


def arrow_batch(rows: list[dict]) -> pa.Table:
    import datetime

    dates = [datetime.date.fromisoformat(r["date"]) if r.get("date") else None for r in rows]
    return pa.table({
        "id": pa.array([r["id"] for r in rows], pa.string()),
        "date": pa.array(dates, pa.date32()),
        "text": pa.array([r["text"] for r in rows], pa.string()),
    })


@pytest.fixture(scope="session")
def corpus(shared, tmp_path_factory):
    """(rows, corpus.jsonl, corpus.parquet)."""
    rows = corpus_rows(shared)
    jsonl, parquet = write_corpus(rows, tmp_path_factory.mktemp("corpus"))
    return rows, jsonl, parquet


@pytest.fixture(scope="session")
def cli_tables(cli, corpus, tmp_path_factory) -> dict:
    """`sitrep extract --format parquet` on the corpus, read back with pyarrow."""
    _, jsonl, _ = corpus
    out = tmp_path_factory.mktemp("cli-parquet")
    done = run_cli(cli, "extract", str(jsonl), "--format", "parquet", "--out", str(out))
    assert done.returncode == 0, done.stderr.decode()
    return {name: pq.read_table(out / f"{name}.parquet") for name in KEYS}


def sorted_rows(table: pa.Table, name: str) -> list[dict]:
    return table.sort_by([(k, "ascending") for k in KEYS[name]]).to_pylist()


def assert_same_table(got: pa.Table, want: pa.Table, name: str) -> None:
    """Same columns with the same types, and the same rows after sorting by the row key."""
    assert got.schema.names == want.schema.names, name
    for g, w in zip(got.schema, want.schema):
        assert g.type == w.type, (name, g, w)
    assert got.num_rows == want.num_rows, (name, got.num_rows, want.num_rows)
    got_rows, want_rows = sorted_rows(got, name), sorted_rows(want, name)
    for i, (g, w) in enumerate(zip(got_rows, want_rows)):
        assert g == w, f"{name} row {i} differs:\n got  {g}\n want {w}"
