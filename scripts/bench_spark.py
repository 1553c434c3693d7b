#!/usr/bin/env python3
"""Figures of the Python package, and Spark's throughput per core against the CLI's, in one run.

Needs the `sitrep` wheel, pyarrow and pyspark installed in the running Python, a Java runtime,
and a release `sitrep` binary (SITREP_BIN, default target/release/sitrep). Build the wheel
with the release profile for these figures (`maturin build --release`: fat LTO, as the CLI);
the `wheel` profile CI uses is faster to build and slower to run. Prints:
  - import time of `sitrep` (fresh interpreter, best of 5),
  - single-article latency of `sitrep.extract` on the seed article (median of 20, warm),
  - batch throughput of `Pipeline.extract_batch` on the corpus (1 thread and all cores),
  - the CLI's `extract --format parquet` and the Spark job (python/jobs/sitrep_spark.py,
    local[N]) on the same corpus, each on all N cores, both as MB/s per core (wall clock)
    and MB per CPU-second (user + system time of every process of the job: the CLI; Spark's
    JVM, its Python workers and the driver), and Spark's share of the CLI's figures.
The corpus (default ../shared/data/news_corpus.jsonl, the 2,225 BBC articles) is repeated
`--repeat` times with distinct ids and written as 2 x N Parquet files (a real corpus comes in
many files). Spark's figure counts everything from reading the corpus to the written tables,
not the JVM's start. Spark also has a fixed cost per job (starting Python workers, query
planning), so the run is repeated on `--small` articles and the marginal figure (the
difference of the two runs) is printed too: the throughput a long job converges to.
CPU seconds are the honest figure on a busy machine; wall-clock figures need a quiet one.

Usage: scripts/bench_spark.py [--corpus FILE] [--repeat 4] [--small 200] [--cores N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "python" / "jobs"))
TICKS = os.sysconf("SC_CLK_TCK")


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


def tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of a process and all its living descendants, with what
    they collected from children that ended (Linux /proc)."""
    parent, spent = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        pid = int(entry)
        parent[pid] = int(fields[1])
        spent[pid] = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += spent.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total / TICKS


def write_corpus(rows: list[dict], folder: Path, files: int) -> None:
    import pyarrow.parquet as pq

    folder.mkdir(parents=True)
    step = -(-len(rows) // files)
    for k in range(0, len(rows), step):
        pq.write_table(arrow_table(rows[k:k + step]), folder / f"part-{k // step:04d}.parquet")


def run_cli(cli: str, jsonl: Path, out: Path, cores: int) -> tuple[float, float]:
    """Wall and CPU seconds of the CLI's Parquet export."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run([cli, "extract", str(jsonl), "--format", "parquet", "--out", str(out),
                           "--threads", str(cores)], capture_output=True, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(done.stderr.decode())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def run_spark(spark, corpus: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of the Spark job (driver, JVM and Python workers)."""
    import sitrep_spark

    cpu = tree_cpu_seconds(os.getpid())
    t = time.perf_counter()
    sitrep_spark.run(spark, str(corpus), str(out), ("events", "quotes", "entities", "articles"))
    return time.perf_counter() - t, tree_cpu_seconds(os.getpid()) - cpu


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
    parser.add_argument("--small", type=int, default=200,
                        help="articles of the second, small run (for the marginal figure)")
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    cli = os.environ.get("SITREP_BIN", str(REPO / "target/release/sitrep"))
    if not os.access(cli, os.X_OK):
        sys.exit(f"no sitrep binary at {cli}: cargo build --release -p sitrep-cli, or SITREP_BIN")

    import sitrep

    rows = read_corpus(Path(args.corpus), args.repeat)
    small = rows[:args.small]
    mb = sum(len(r["text"].encode()) for r in rows) / 1e6
    mb_small = sum(len(r["text"].encode()) for r in small) / 1e6
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    for name, part in (("corpus", rows), ("small", small)):
        with open(tmp / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(r) + "\n")
        write_corpus(part, tmp / f"{name}.parquet", 2 * args.cores)
    table = arrow_table(rows)
    print(f"corpus: {len(rows)} articles, {mb:.2f} MB of text ({args.repeat} x {args.corpus}); "
          f"small run: {len(small)} articles, {mb_small:.2f} MB; {args.cores} cores")

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

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    import sitrep_spark

    spark = sitrep_spark.session(f"local[{args.cores}]", "sitrep-bench")
    spark.range(1).count()  # the JVM's start is not the job's
    # CLI, Spark, CLI, Spark (big, then small): neighbours in time share the machine's state.
    results = {}
    for run in range(2):
        for what in ("cli", "spark"):
            for size in ("corpus", "small"):
                out = tmp / f"{what}-{size}-{run}"
                if what == "cli":
                    got = run_cli(cli, tmp / f"{size}.jsonl", out, args.cores)
                else:
                    got = run_spark(spark, tmp / f"{size}.parquet", out)
                results.setdefault((what, size), []).append(got)
    spark.stop()

    def best(what, size):
        runs = results[(what, size)]
        return min(w for w, _ in runs), min(c for _, c in runs)

    cli_wall, cli_cpu = best("cli", "corpus")
    spark_wall, spark_cpu = best("spark", "corpus")
    cli_small = best("cli", "small")
    spark_small = best("spark", "small")
    per_core = lambda wall: mb / wall / args.cores  # noqa: E731
    print(f"CLI extract --format parquet --threads {args.cores}: {cli_wall:.1f} s, "
          f"{per_core(cli_wall):.2f} MB/s per core; {cli_cpu:.1f} CPU-s, "
          f"{mb / cli_cpu:.2f} MB per CPU-second")
    print(f"Spark local[{args.cores}] (events, quotes, entities, articles): {spark_wall:.1f} s, "
          f"{per_core(spark_wall):.2f} MB/s per core; {spark_cpu:.1f} CPU-s, "
          f"{mb / spark_cpu:.2f} MB per CPU-second")
    print(f"Spark / CLI, whole runs (best of 2): per core (wall) "
          f"{100 * cli_wall / spark_wall:.0f}%, per CPU-second {100 * cli_cpu / spark_cpu:.0f}%")
    d_mb = mb - mb_small
    cli_marginal = (cli_cpu - cli_small[1]) / d_mb
    spark_marginal = (spark_cpu - spark_small[1]) / d_mb
    print(f"marginal CPU-s per MB (corpus run minus small run): CLI {cli_marginal:.3f}, "
          f"Spark {spark_marginal:.3f}; Spark / CLI throughput {100 * cli_marginal / spark_marginal:.0f}%")
    print(f"fixed cost of one run (small run minus its marginal share): CLI "
          f"{cli_small[1] - cli_marginal * mb_small:.1f} CPU-s, Spark "
          f"{spark_small[1] - spark_marginal * mb_small:.1f} CPU-s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
