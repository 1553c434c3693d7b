"""sitrep on Spark: a Parquet corpus of articles (id, date, text) to Parquet tables.

One pass of sitrep per partition (``mapInArrow``; each task runs the pipeline with one
thread, Spark owns the cores), kept as one nested row per article; the tables are exploded
from it. GLOBALEVENTIDs group event mentions across the whole corpus (as one
``sitrep extract --format parquet`` run does): the events are re-keyed by
``sitrep.event_ids`` in groups of (root code, unordered actor pair), which no happening spans.

Local:   python python/jobs/sitrep_spark.py CORPUS.parquet OUT_DIR --master local[2]
Cluster: spark-submit with a packed venv holding the wheel (README, "Spark on a cluster").
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Iterator

import pyarrow as pa

# The tables kept per article (the job writes any of them; articles and entities also feed
# the event ids' join). Mentions are left out: the articles table has no count for them.
TABLES = ("articles", "entities", "quotes", "events")

_PIPELINE = None


def _pipeline(threads: int = 1):
    """One pipeline per Python worker process (Spark reuses workers), built on first use."""
    global _PIPELINE
    if _PIPELINE is None:
        import sitrep

        _PIPELINE = sitrep.Pipeline(threads=threads)
    return _PIPELINE


# Per event, what its corpus-level id needs from the article and the place entity: kept
# beside the events so the id step needs no join.
EVENT_KEYS = pa.struct([
    pa.field("article_date", pa.date32()),
    pa.field("place_geonames_id", pa.int64()),
    pa.field("place_key", pa.string()),
])


def nested_schema() -> pa.Schema:
    """One row per article: each table's rows for it as a list of structs, and the events'
    keys for their ids."""
    import sitrep

    schemas = sitrep.table_schemas()
    fields = [pa.field(name, pa.list_(pa.struct(list(schemas[name]))), nullable=False)
              for name in TABLES]
    return pa.schema(fields + [pa.field("event_keys", pa.list_(EVENT_KEYS), nullable=False)])


def event_keys(tables: dict) -> pa.Table:
    """For each event row, in order: its article's date and its place entity's geonames id
    and key (null without a place)."""
    events = tables["events"].select(["article_id", "place_entity"])
    events = events.append_column("_row", pa.array(range(events.num_rows), pa.int64()))
    dates = tables["articles"].select(["article_id", "date"]).rename_columns(
        ["article_id", "article_date"])
    places = tables["entities"].select(["article_id", "entity_id", "geonames_id", "key"])
    places = places.rename_columns(
        ["article_id", "place_entity", "place_geonames_id", "place_key"])
    joined = (events.join(dates, "article_id", join_type="left outer")
              .join(places, ["article_id", "place_entity"], join_type="left outer")
              .sort_by("_row"))
    return joined.select(["article_date", "place_geonames_id", "place_key"])


def _lists(table: pa.Table, counts) -> pa.ListArray:
    import pyarrow.compute as pc

    table = table.combine_chunks()
    structs = pa.StructArray.from_arrays(
        [table.column(i).combine_chunks() for i in range(table.num_columns)],
        fields=list(table.schema),
    )
    counts = pa.chunked_array([counts]).combine_chunks()
    offsets = pa.concat_arrays(
        [pa.array([0], pa.int32()), pc.cumulative_sum(counts).cast(pa.int32())])
    return pa.ListArray.from_arrays(offsets, structs)


def nest(tables: dict, n_rows: int) -> pa.RecordBatch:
    """extract_batch's tables as one nested row per input row (every input row has exactly
    one articles row; its n_* counts say how many rows of the others are its own)."""
    articles = tables["articles"].combine_chunks()
    assert articles.num_rows == n_rows, (articles.num_rows, n_rows)
    counts = {
        "articles": pa.array([1] * n_rows, pa.int32()),
        "entities": articles["n_entities"],
        "quotes": articles["n_quotes"],
        "events": articles["n_events"],
    }
    columns = [_lists(tables[name], counts[name]) for name in TABLES]
    columns.append(_lists(event_keys(tables), counts["events"]))
    return pa.RecordBatch.from_arrays(columns, schema=nested_schema())


def extract_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The mapInArrow function: each Arrow batch of articles to its nested results."""
    pipeline = _pipeline()
    for batch in batches:
        yield nest(pipeline.extract_batch(batch), batch.num_rows)


def assign_event_ids(table: pa.Table) -> pa.Table:
    """The applyInArrow function: one group's events with corpus-level GLOBALEVENTIDs."""
    import sitrep

    ids = sitrep.event_ids(table)
    names = sitrep.table_schemas()["events"].names
    events = table.select(names)
    at = names.index("global_event_id")
    return events.set_column(at, events.schema.field(at), ids)


def run(spark, corpus: str, out: str, tables=("events", "quotes", "entities"), partitions=None,
        verbose=False):
    """Reads the corpus, runs sitrep once per article, writes each table to OUT/NAME.
    Returns the number of articles."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    import sitrep

    schemas = sitrep.table_schemas()
    # Executors import this module to run its functions (spark-submit --py-files does the
    # same on a cluster).
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    df = spark.read.parquet(corpus)
    keep = [c for c in ("id", "date", "text", "title", "url", "source") if c in df.columns]
    parts = partitions or 2 * spark.sparkContext.defaultParallelism
    df = df.select(*keep).repartition(parts)
    nested = df.mapInArrow(extract_partition, from_arrow_schema(nested_schema()))
    nested = nested.persist(StorageLevel.MEMORY_AND_DISK)
    started = time.perf_counter()
    n = nested.count()
    timings = {"extract": time.perf_counter() - started}

    def rows(name):
        return nested.select(F.explode(name).alias("r")).select("r.*")

    for name in tables:
        started = time.perf_counter()
        if name != "events":
            rows(name).write.mode("overwrite").parquet(os.path.join(out, name))
            timings[name] = time.perf_counter() - started
            continue
        joined = nested.select(F.explode(F.arrays_zip("events", "event_keys")).alias("z")).select(
            "z.events.*", "z.event_keys.*")
        keyed = joined.groupBy(
            "root", F.least("source_code", "target_code"), F.greatest("source_code", "target_code")
        ).applyInArrow(assign_event_ids, from_arrow_schema(schemas["events"]))
        keyed.write.mode("overwrite").parquet(os.path.join(out, "events"))
        timings[name] = time.perf_counter() - started
    nested.unpersist()
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
