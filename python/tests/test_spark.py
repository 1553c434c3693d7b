"""The Spark recipe (python/jobs/sitrep_spark.py) in local mode against the CLI's Parquet."""

from __future__ import annotations

import os
import sys

import pyarrow.parquet as pq
import pytest

from conftest import assert_same_table


@pytest.fixture(scope="module")
def spark():
    # Workers run this interpreter (the one sitrep is installed in).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    import sitrep_spark

    session = sitrep_spark.session("local[2]", "sitrep-test")
    yield session
    session.stop()


def test_spark_tables_equal_the_cli_parquet(spark, corpus, cli_tables, tmp_path):
    import sitrep_spark

    _, _, parquet = corpus
    out = tmp_path / "spark"
    n = sitrep_spark.run(spark, str(parquet), str(out), ("events", "quotes", "entities", "articles"),
                         partitions=3)
    assert n == cli_tables["articles"].num_rows
    for name in ("events", "quotes", "entities", "articles"):
        got = pq.read_table(out / name)
        assert_same_table(got, cli_tables[name], name)
