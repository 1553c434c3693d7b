#!/usr/bin/env bash
# Throughput and memory of `sitrep extract` on the shared speed corpus (2,225 BBC articles).
# Builds the release binary, runs it with 1 thread and with all cores, output to /dev/null,
# under GNU time, and prints MB/s (text bytes, from sitrep's own summary), MB/s per core and
# peak RSS, and MB per CPU-second (user + system time: the per-core figure that a busy,
# shared machine does not distort). `--threads N` sets the document workers; output is
# written by one more thread while they work, so with 1 thread the wall-clock figure can
# exceed one core's worth, and MB per CPU-second is the honest per-core figure there.
# GNU time (/usr/bin/time) is installed with apt-get if it is missing.
#
# Usage: scripts/bench.sh [CORPUS.jsonl]   (default ../shared/data/news_corpus.jsonl)
#        SITREP_BIN=path/to/sitrep scripts/bench.sh   (measure a binary already built)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/news_corpus.jsonl}
[ -f "$corpus" ] || { echo "corpus $corpus not found" >&2; exit 1; }

. scripts/lib.sh
need_gnu_time
release_bin
cores=$(nproc)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "corpus: $corpus ($(wc -c <"$corpus") bytes of JSONL), $cores cores"
for threads in $(printf '%s\n' 1 "$cores" | sort -un); do
  status=0
  /usr/bin/time -v "$bin" extract --threads "$threads" "$corpus" >/dev/null 2>"$log" || status=$?
  summary=$(grep '^sitrep: .* MB/s' "$log" | tail -n 1)
  mbps=$(sed -E 's/.*= ([0-9.]+) MB\/s.*/\1/' <<<"$summary")
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  per_core=$(awk -v m="$mbps" -v t="$threads" 'BEGIN {printf "%.2f", m / t}')
  mb=$(sed -E 's/.*; ([0-9.]+) MB in .*/\1/' <<<"$summary")
  cpu_s=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
  per_cpu_s=$(awk -v m="$mb" -v c="$cpu_s" 'BEGIN {printf "%.2f", (c > 0 ? m / c : 0)}')
  echo "threads=$threads: $mbps MB/s total, $per_core MB/s per core (wall clock), $per_cpu_s MB per CPU-second, peak RSS $((rss_kb / 1024)) MB, wall $wall, exit $status"
  echo "  $summary"
done
