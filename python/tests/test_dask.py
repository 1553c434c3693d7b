"""The Dask recipe (python/jobs/sitrep_dask.py) against the CLI's Parquet."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import assert_same_table


def test_dask_tables_equal_the_cli_parquet(corpus, cli_tables, tmp_path):
    import sitrep_dask

    _, _, parquet = corpus
    # Several row groups, so the job runs several partitions (and ids must be re-keyed).
    split = tmp_path / "corpus-split.parquet"
    pq.write_table(pq.read_table(parquet), split, row_group_size=8)
    assert pq.ParquetFile(split).num_row_groups > 1
    out = tmp_path / "dask"
    n = sitrep_dask.run(str(split), str(out), ("events", "quotes", "entities"), workers=2)
    assert n == cli_tables["articles"].num_rows
    for name in ("events", "quotes", "entities"):
        got = pq.read_table(out / name)
        assert_same_table(got, cli_tables[name], name)
    assert isinstance(got, pa.Table)
