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


def nested_schema() -> pa.Schema:
    """One row per article: each table's rows for it as a list of structs."""
    import sitrep

    schemas = sitrep.table_schemas()
    return pa.schema(
        [pa.field(name, pa.list_(pa.struct(list(schemas[name]))), nullable=False)
         for name in TABLES]
    )


def nest(tables: dict, n_rows: int) -> pa.RecordBatch:
    """extract_batch's tables as one nested row per input row (every input row has exactly
    one articles row; its n_* counts say how many rows of the others are its own)."""
    import pyarrow.compute as pc

    articles = tables["articles"].combine_chunks()
    assert articles.num_rows == n_rows, (articles.num_rows, n_rows)
    counts = {
        "articles": pa.array([1] * n_rows, pa.int32()),
        "entities": articles["n_entities"],
        "quotes": articles["n_quotes"],
        "events": articles["n_events"],
    }
    columns = []
    for name in TABLES:
        table = tables[name].combine_chunks()
        structs = pa.StructArray.from_arrays(
            [table.column(i).combine_chunks() for i in range(table.num_columns)],
            fields=list(table.schema),
        )
        offsets = pa.concat_arrays(
            [pa.array([0], pa.int32()),
             pc.cumulative_sum(pa.chunked_array([counts[name]]).combine_chunks()).cast(pa.int32())]
        )
        columns.append(pa.ListArray.from_arrays(offsets, structs))
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


def run(spark, corpus: str, out: str, tables=("events", "quotes", "entities"), partitions=None):
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
    n = nested.count()

    def rows(name):
        return nested.select(F.explode(name).alias("r")).select("r.*")

    for name in tables:
        if name != "events":
            rows(name).write.mode("overwrite").parquet(os.path.join(out, name))
            continue
        events = rows("events")
        dates = rows("articles").select("article_id", F.col("date").alias("article_date"))
        places = rows("entities").select(
            "article_id",
            F.col("entity_id").alias("place_entity"),
            F.col("geonames_id").alias("place_geonames_id"),
            F.col("key").alias("place_key"),
        )
        joined = events.join(dates, "article_id", "left").join(
            places, ["article_id", "place_entity"], "left")
        keyed = joined.groupBy(
            "root", F.least("source_code", "target_code"), F.greatest("source_code", "target_code")
        ).applyInArrow(assign_event_ids, from_arrow_schema(schemas["events"]))
        keyed.write.mode("overwrite").parquet(os.path.join(out, "events"))
    nested.unpersist()
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
