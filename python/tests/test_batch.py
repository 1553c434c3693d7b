"""Pipeline.extract_batch against the CLI's `--format parquet`, and its error rows."""

from __future__ import annotations

import json
import threading
import time

import pyarrow as pa
import pytest
import sitrep

from conftest import KEYS, arrow_batch, assert_same_table, run_cli
from sitrep_keys import with_event_keys


@pytest.fixture(scope="module")
def pipeline():
    return sitrep.Pipeline()


def test_batch_tables_equal_the_cli_parquet(pipeline, corpus, cli_tables):
    rows, _, parquet = corpus
    import pyarrow.parquet as pq

    got = pipeline.extract_batch(pq.read_table(parquet))
    assert list(got) == sitrep.TABLES
    for name in KEYS:
        assert_same_table(got[name], cli_tables[name], name)
    assert got["events"].num_rows > 0 and got["quotes"].num_rows > 0


def test_record_batches_and_several_chunks_give_the_same_tables(pipeline, corpus):
    rows, _, _ = corpus
    table = arrow_batch(rows[:6])
    whole = pipeline.extract_batch(table)
    chunked = pa.Table.from_batches(table.to_batches(max_chunksize=2))
    assert chunked.num_rows == 6 and len(chunked.to_batches()) == 3
    for got in (pipeline.extract_batch(chunked), pipeline.extract_batch(table.to_batches()[0])):
        for name in KEYS:
            assert got[name].equals(whole[name]), name


def test_a_bad_row_is_an_error_row_and_the_batch_goes_on(pipeline, corpus, cli, tmp_path):
    rows, _, _ = corpus
    good = rows[1]
    batch = pa.table({
        "id": pa.array(["ok1", "empty", "baddate", None, "notext", "ok2"]),
        "date": pa.array([None, None, "10/01/2022", None, None, "2005-02-03"]),
        "text": pa.array([good["text"], "  ", "Talks.", "No id.", None, good["text"]]),
    })
    got = pipeline.extract_batch(batch)
    arts = got["articles"]
    assert arts["article_id"].to_pylist() == ["ok1", "empty", "baddate", "batch:4", "notext", "ok2"]
    errors = arts["errors"].to_pylist()
    assert errors[0] == [] and errors[5] == []
    # The messages are the CLI's for the same records as JSONL lines, with `batch` for the file.
    lines = [json.dumps({k: v for k, v in r.items() if v is not None}) for r in batch.to_pylist()]
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text("\n".join(lines) + "\n")
    done = run_cli(cli, "extract", str(jsonl))
    assert done.returncode == 1
    want = [json.loads(line)["errors"] for line in done.stdout.decode().splitlines()]
    for i in (1, 2, 3, 4):
        assert errors[i] == [e.replace(str(jsonl), "batch") for e in want[i]], i
        assert arts["n_events"][i].as_py() == 0 and arts["n_bytes"][i].as_py() == 0
    assert "article is empty" in errors[1][0]
    assert 'cannot read date "10/01/2022"' in errors[2][0]
    assert "missing field `id`" in errors[3][0] and "missing field `text`" in errors[4][0]
    # The good rows have all their rows: the same as a batch of them alone.
    alone = pipeline.extract_batch(batch.take([0, 5]))
    for name in ("entities", "mentions", "quotes", "events"):
        assert got[name].equals(alone[name]), name
    ids = set(got["entities"]["article_id"].to_pylist())
    assert ids == {"ok1", "ok2"}


def test_integer_ids_and_string_dates(pipeline):
    batch = pa.table({
        "id": pa.array([5, 6], pa.int64()),
        "date": pa.array(["2022-01-10", None]),
        "text": pa.array(["Russia and the United States met in Geneva.", "Talks ended."]),
    })
    arts = pipeline.extract_batch(batch)["articles"]
    assert arts["article_id"].to_pylist() == ["5", "6"]
    assert [str(d) if d else None for d in arts["date"].to_pylist()] == ["2022-01-10", None]


def test_a_batch_without_text_is_refused(pipeline):
    with pytest.raises(sitrep.SitrepError, match="no `text` column"):
        pipeline.extract_batch(pa.table({"id": ["a"]}))
    with pytest.raises(TypeError):
        pipeline.extract_batch([{"id": "a", "text": "x"}])


def test_event_ids_reproduce_one_run_over_split_batches(pipeline, corpus, cli_tables):
    rows, _, _ = corpus
    halves = [pipeline.extract_batch(arrow_batch(rows[:20])),
              pipeline.extract_batch(arrow_batch(rows[20:]))]
    events = pa.concat_tables([h["events"] for h in halves])
    joined = with_event_keys({name: pa.concat_tables([h[name] for h in halves])
                              for name in ("events", "articles", "entities")})
    ids = sitrep.event_ids(joined)
    at = events.schema.get_field_index("global_event_id")
    fixed = events.set_column(at, events.schema.field(at), ids)
    assert_same_table(fixed, cli_tables["events"], "events")


def test_the_gil_is_released_while_a_batch_runs(pipeline, corpus):
    rows, _, _ = corpus
    many = [dict(r, id=f"{r['id']}#{k}") for k in range(5) for r in rows]
    table = arrow_batch(many)
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.005)

    t = threading.Thread(target=tick)
    t.start()
    started = time.perf_counter()
    pipeline.extract_batch(table)
    elapsed = time.perf_counter() - started
    done.set()
    t.join()
    during = [x for x in ticks if started <= x <= started + elapsed]
    # Holding the GIL for the whole batch would leave the other thread at most a tick or two;
    # released, it ticks every 5 ms (at least a fifth of those on a busy machine).
    assert len(during) >= max(3, elapsed / 0.005 / 5), (len(during), elapsed)
