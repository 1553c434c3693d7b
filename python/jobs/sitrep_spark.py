"""sitrep on Spark: a Parquet corpus of articles (id, date, text) to Parquet tables.

One pass of sitrep per Arrow batch (``mapInArrow``; each task runs the pipeline with one
thread, Spark owns the cores). What sitrep gives for a batch travels through Spark as one
row of Arrow IPC streams, a binary value per table: Spark caches and moves those bytes as
they are instead of converting every table row into its own row format twice (nested lists
of structs cost more JVM time than sitrep itself). Each table is then decoded back into flat
rows by a second ``mapInArrow`` and written as Parquet.

GLOBALEVENTIDs group event mentions across the whole corpus (as one ``sitrep extract
--format parquet`` run does): mentions of one happening share a CAMEO root and an unordered
actor pair, so the events are hash-partitioned by that key and ``sitrep.event_ids`` keys
each partition at once (one Python call per partition, not per group).

Local:   python python/jobs/sitrep_spark.py CORPUS.parquet OUT_DIR --master local[2]
Cluster: spark-submit with a packed venv holding the wheel (README, "Spark on a cluster").
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Callable, Iterator

import pyarrow as pa

from sitrep_keys import EVENT_KEYS, with_event_keys

# The tables a run can write. Mentions are left out: their rows would need the entities'
# ids across batches, which the articles table does not count.
TABLES = ("articles", "entities", "quotes", "events")

_PIPELINE = None


def _pipeline(threads: int = 1):
    """One pipeline per Python worker process (Spark reuses workers), built on first use."""
    global _PIPELINE
    if _PIPELINE is None:
        import sitrep

        _PIPELINE = sitrep.Pipeline(threads=threads)
    return _PIPELINE


def table_schema(name: str) -> pa.Schema:
    """The Arrow schema of one written table (``events_keyed``: the events with their keys)."""
    import sitrep

    schemas = sitrep.table_schemas()
    if name == "events_keyed":
        return pa.schema(list(schemas["events"]) + list(EVENT_KEYS))
    return schemas[name]


def blob_schema() -> pa.Schema:
    """One row per extracted batch: its number of articles, and each table's rows for it as
    an Arrow IPC stream."""
    names = [("events_keyed" if name == "events" else name) for name in TABLES]
    return pa.schema([pa.field("n_articles", pa.int64(), nullable=False)]
                     + [pa.field(name, pa.binary(), nullable=False) for name in names])


def _ipc(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def blobs(tables: dict, n_articles: int) -> pa.RecordBatch:
    """extract_batch's tables as one row of IPC streams (see ``blob_schema``)."""
    keyed = with_event_keys(tables)
    values = [_ipc(keyed if name == "events" else tables[name]) for name in TABLES]
    columns = [pa.array([n_articles], pa.int64())] + [pa.array([v], pa.binary()) for v in values]
    return pa.RecordBatch.from_arrays(columns, schema=blob_schema())


def extract_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The first mapInArrow function: each Arrow batch of articles to one row of results."""
    pipeline = _pipeline()
    for batch in batches:
        if batch.num_rows:
            yield blobs(pipeline.extract_batch(batch), batch.num_rows)


def decoder(name: str) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """A mapInArrow function: one column of IPC streams back to the table's flat rows."""

    def decode(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for value in batch.column(0):
                yield from pa.ipc.open_stream(value.as_buffer())

    return decode


def assign_event_ids(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The id step's mapInArrow function: a partition's keyed events (every mention of a
    happening is in the same partition) with corpus-level GLOBALEVENTIDs."""
    import sitrep

    batches = list(batches)
    if not batches:
        return
    table = pa.Table.from_batches(batches)
    if table.num_rows == 0:
        return
    names = sitrep.table_schemas()["events"].names
    events = table.select(names)
    at = names.index("global_event_id")
    events = events.set_column(at, events.schema.field(at), sitrep.event_ids(table))
    yield from events.to_batches()


def run(spark, corpus: str, out: str, tables=("events", "quotes", "entities"), partitions=None,
        verbose=False, clock: Callable[[], float] = time.perf_counter):
    """Reads the corpus, runs sitrep once per article, writes each table to OUT/NAME.
    Returns the number of articles. ``clock`` times the steps printed with ``verbose``."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    # Executors import this module to run its functions (spark-submit --py-files does the
    # same on a cluster).
    here = os.path.dirname(os.path.abspath(__file__))
    for module in ("sitrep_keys.py", "sitrep_spark.py"):
        spark.sparkContext.addPyFile(os.path.join(here, module))
    started = clock()
    df = spark.read.parquet(corpus)
    keep = [c for c in ("id", "date", "text", "title", "url", "source") if c in df.columns]
    df = df.select(*keep)
    # Spread the articles over the cores when the files do not (a one-file corpus is one
    # partition); a shuffle of the texts costs less than idle cores.
    parallelism = spark.sparkContext.defaultParallelism
    if partitions or df.rdd.getNumPartitions() < parallelism:
        df = df.repartition(partitions or parallelism)
    extracted = df.mapInArrow(extract_partition, from_arrow_schema(blob_schema()))
    extracted = extracted.persist(StorageLevel.MEMORY_AND_DISK)
    # Materializes the cache: the one pass of sitrep.
    counts = extracted.agg(F.count("*"), F.sum("n_articles")).first()
    n_batches, n = counts[0], counts[1] or 0
    timings = {"extract": clock() - started}

    def rows(name: str):
        return extracted.select(name).mapInArrow(decoder(name),
                                                 from_arrow_schema(table_schema(name)))

    for name in tables:
        started = clock()
        if name == "events":
            keyed = rows("events_keyed").repartition(
                max(n_batches, parallelism), "root",
                F.least("source_code", "target_code"), F.greatest("source_code", "target_code"))
            table = keyed.mapInArrow(assign_event_ids, from_arrow_schema(table_schema("events")))
        else:
            table = rows(name)
        table.write.mode("overwrite").parquet(os.path.join(out, name))
        timings[name] = clock() - started
    extracted.unpersist()
    if verbose:
        print("sitrep_spark: seconds per step: "
              + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()), file=sys.stderr)
    return n


def session(master: str = "local[2]", app: str = "sitrep"):
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="Parquet file or folder with columns id, date, text")
    parser.add_argument("out", help="output folder: OUT/events, OUT/quotes, OUT/entities")
    parser.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    parser.add_argument("--tables", default="events,quotes,entities")
    args = parser.parse_args(argv)
    if args.master:
        spark = session(args.master)
    else:
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.appName("sitrep").getOrCreate()
    n = run(spark, args.corpus, args.out, tuple(args.tables.split(",")))
    print(f"sitrep: {n} articles -> {args.out}", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
