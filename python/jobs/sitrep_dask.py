"""sitrep on Dask: a Parquet corpus of articles (id, date, text) to Parquet tables.

Dask rather than Ray: it installs from PyPI as a few pure-Python wheels (Ray is a large
binary with its own object store and dashboard), reads Parquet partitions as Arrow, and its
threaded scheduler suits sitrep, which releases the GIL while it works: one process, no
pickling of articles or tables between workers, the pipeline's models loaded once. The same
code runs on a cluster with a ``distributed.Client`` (one worker thread per core).

Each partition runs through ``Pipeline.extract_batch`` once (``map_partitions`` over the
Arrow partitions, via ``to_delayed``: Dask's DataFrame cannot hold five tables in one frame);
the events are then re-keyed with corpus-level GLOBALEVENTIDs, as one CLI run gives.

    python python/jobs/sitrep_dask.py CORPUS.parquet OUT_DIR [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep_keys import with_event_keys

_LOCAL = threading.local()


def _pipeline():
    """One single-threaded pipeline per worker thread (the scheduler owns the cores)."""
    if getattr(_LOCAL, "pipeline", None) is None:
        import sitrep

        _LOCAL.pipeline = sitrep.Pipeline(threads=1)
    return _LOCAL.pipeline


def extract_partition(frame) -> dict:
    """One partition (a pandas frame of id, date, text) to its five tables."""
    batch = pa.Table.from_pandas(frame, preserve_index=False)
    if "date" in batch.column_names:
        # pandas may hand dates back as timestamps or objects: sitrep reads date32.
        kind = batch.schema.field("date").type
        if pa.types.is_timestamp(kind):
            fixed = batch["date"].cast(pa.date32())
        elif pa.types.is_null(kind):
            fixed = batch["date"].cast(pa.string())
        else:
            fixed = None
        if fixed is not None:
            batch = batch.set_column(batch.column_names.index("date"), "date", fixed)
    return _pipeline().extract_batch(batch)


def with_corpus_event_ids(parts: list) -> pa.Table:
    """All partitions' events with the GLOBALEVENTIDs of one run over all of them."""
    import sitrep

    events = pa.concat_tables([p["events"] for p in parts])
    joined = with_event_keys({
        "events": events,
        "articles": pa.concat_tables([p["articles"] for p in parts]),
        "entities": pa.concat_tables([p["entities"] for p in parts]),
    })
    at = events.schema.get_field_index("global_event_id")
    return events.set_column(at, events.schema.field(at), sitrep.event_ids(joined))


def run(corpus: str, out: str, tables=("events", "quotes", "entities"), workers: int = 2,
        blocksize: int = 4 << 20) -> int:
    """Reads the corpus, runs sitrep once per article, writes OUT/NAME/part.parquet.
    Returns the number of articles."""
    import dask
    import dask.dataframe as dd

    columns = [c for c in ("id", "date", "text", "title", "url", "source")
               if c in pq.read_schema(corpus).names]
    frame = dd.read_parquet(corpus, columns=columns, split_row_groups=True)
    parts = [dask.delayed(extract_partition)(p) for p in frame.to_delayed()]
    with dask.config.set(scheduler="threads", num_workers=workers):
        results = list(dask.compute(*parts))
    n = sum(r["articles"].num_rows for r in results)
    for name in tables:
        table = (with_corpus_event_ids(results) if name == "events"
                 else pa.concat_tables([r[name] for r in results]))
        os.makedirs(os.path.join(out, name), exist_ok=True)
        pq.write_table(table, os.path.join(out, name, "part.parquet"))
    return n


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--tables", default="events,quotes,entities")
    args = parser.parse_args(argv)
    n = run(args.corpus, args.out, tuple(args.tables.split(",")), args.workers)
    print(f"sitrep: {n} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
