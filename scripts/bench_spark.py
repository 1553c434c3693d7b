#!/usr/bin/env python3
"""Figures of the Python package, and Spark's throughput per core against the CLI's, in one run.

Needs the `sitrep` wheel, pyarrow and pyspark installed in the running Python, a Java runtime,
and a release `sitrep` binary (SITREP_BIN, default target/release/sitrep). Prints:
  - import time of `sitrep` (fresh interpreter, best of 5),
  - single-article latency of `sitrep.extract` on the seed article (median of 20, warm),
  - batch throughput of `Pipeline.extract_batch` on the corpus (1 thread and all cores),
  - the CLI's `extract --format parquet` and the Spark job (python/jobs/sitrep_spark.py,
    local[N]) on the same corpus, each using all N cores: MB/s and MB/s per core (wall
    clock; text bytes), and Spark's share of the CLI's per-core figure.
The corpus (default ../shared/data/news_corpus.jsonl, the 2,225 BBC articles) is repeated
`--repeat` times with distinct ids so that Spark's fixed costs (starting Python workers,
loading the models in each) weigh as they would on a real corpus; Spark's figure counts
everything from reading the Parquet corpus to the written tables, not the JVM's start.

Usage: scripts/bench_spark.py [--corpus FILE] [--repeat 4] [--cores N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "python" / "jobs"))


def read_corpus(path: Path, repeat: int) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    for k in range(repeat):
        for a in articles:
            rows.append({"id": f"{a['id']}#{k}", "date": a.get("date"), "text": a["text"]})
    return rows


def arrow_table(rows: list[dict]):
    import datetime

    import pyarrow as pa

    dates = [datetime.date.fromisoformat(r["date"]) if r.get("date") else None for r in rows]
    return pa.table({
        "id": pa.array([r["id"] for r in rows], pa.string()),
        "date": pa.array(dates, pa.date32()),
        "text": pa.array([r["text"] for r in rows], pa.string()),
    })


def import_time() -> float:
    best = float("inf")
    for _ in range(5):
        code = "import time; t = time.perf_counter(); import sitrep; print(time.perf_counter() - t)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
        best = min(best, float(out.stdout))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description="sitrep Python and Spark figures")
    parser.add_argument("--corpus", default=str(REPO.parent / "shared/data/news_corpus.jsonl"))
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    cli = os.environ.get("SITREP_BIN", str(REPO / "target/release/sitrep"))
    if not os.access(cli, os.X_OK):
        sys.exit(f"no sitrep binary at {cli}: cargo build --release -p sitrep-cli, or SITREP_BIN")

    import pyarrow.parquet as pq
    import sitrep

    rows = read_corpus(Path(args.corpus), args.repeat)
    mb = sum(len(r["text"].encode()) for r in rows) / 1e6
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    jsonl = tmp / "corpus.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    parquet = tmp / "corpus.parquet"
    table = arrow_table(rows)
    pq.write_table(table, parquet)
    print(f"corpus: {len(rows)} articles, {mb:.2f} MB of text ({args.repeat} x {args.corpus}); "
          f"{args.cores} cores")

    print(f"import sitrep: {import_time() * 1000:.0f} ms (best of 5, fresh interpreter)")

    seed = REPO.parent / "shared/examples/geneva-2022-01-10.txt"
    text = seed.read_text(encoding="utf-8")
    t = time.perf_counter()
    sitrep.extract(text)
    print(f"first sitrep.extract (builds the standard pipeline): {time.perf_counter() - t:.2f} s")
    times = []
    for _ in range(20):
        t = time.perf_counter()
        sitrep.extract(text)
        times.append(time.perf_counter() - t)
    print(f"single-article latency (seed, {len(text.encode())} bytes): median "
          f"{statistics.median(times) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms")

    for threads in sorted({1, args.cores}):
        p = sitrep.Pipeline(threads=threads)
        t = time.perf_counter()
        p.extract_batch(table)
        dt = time.perf_counter() - t
        print(f"extract_batch, threads={threads}: {mb / dt:.2f} MB/s ({len(rows) / dt:.0f} articles/s)")

    # The CLI and Spark, each on all cores, one after the other.
    t = time.perf_counter()
    done = subprocess.run([cli, "extract", str(jsonl), "--format", "parquet", "--out",
                           str(tmp / "cli"), "--threads", str(args.cores)],
                          capture_output=True, check=False)
    cli_s = time.perf_counter() - t
    if done.returncode != 0:
        sys.exit(done.stderr.decode())
    cli_per_core = mb / cli_s / args.cores

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    import sitrep_spark

    spark = sitrep_spark.session(f"local[{args.cores}]", "sitrep-bench")
    t = time.perf_counter()
    sitrep_spark.run(spark, str(parquet), str(tmp / "spark"))
    spark_s = time.perf_counter() - t
    spark.stop()
    spark_per_core = mb / spark_s / args.cores

    print(f"CLI extract --format parquet --threads {args.cores}: {cli_s:.1f} s, "
          f"{mb / cli_s:.2f} MB/s, {cli_per_core:.2f} MB/s per core")
    print(f"Spark local[{args.cores}] (events, quotes, entities): {spark_s:.1f} s, "
          f"{mb / spark_s:.2f} MB/s, {spark_per_core:.2f} MB/s per core")
    print(f"Spark per core / CLI per core: {100 * spark_per_core / cli_per_core:.0f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
