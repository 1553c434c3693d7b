#!/usr/bin/env bash
# Ingest speed and store size against extract, on a store that grows past 20k articles.
#
# The corpus (default: the 2,225 BBC articles of ../shared/data/news_corpus.jsonl) is copied
# COPIES times (default 10) under id prefixes `c1/`, `c2/` ... (same texts, distinct ids:
# every copy is new to the store). It prints:
#   - extract: MB/s (wall clock) and MB per CPU-second on one copy, output to /dev/null;
#   - ingest: the same figures for each copy, ingested one after another into one store
#     (first copy = empty store, last = a store of (COPIES-1) x the corpus), and the ratio of
#     ingest to extract speed, first and last (the target is >= 0.60, flat);
#   - the store's size (main file after a checkpoint, plus -wal) against the input bytes
#     (the target is <= 3x).
# Wall time comes from GNU time (/usr/bin/time), as does CPU time (user + system).
#
# Usage: scripts/ingest_bench.sh [CORPUS.jsonl] [COPIES]
#        SITREP_BIN=path/to/sitrep scripts/ingest_bench.sh   (measure a binary already built)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/news_corpus.jsonl}
copies=${2:-10}
[ -f "$corpus" ] || { echo "corpus $corpus not found" >&2; exit 1; }
. scripts/lib.sh
need_gnu_time
release_bin

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$copies"); do
  python3 - "$corpus" "$work/c$i.jsonl" "c$i/" <<'EOF'
import json, sys
src, dst, prefix = sys.argv[1:]
with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
    for line in f:
        if line.strip():
            rec = json.loads(line)
            rec["id"] = prefix + str(rec["id"])
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
EOF
done
input_bytes=$(wc -c <"$work/c1.jsonl")

# run LABEL CMD...: prints "LABEL wall_s cpu_s" after running CMD under GNU time.
run() {
  local label=$1 log="$work/time.log"
  shift
  /usr/bin/time -f '%e %U %S' -o "$log" "$@" >/dev/null 2>"$work/stderr.log" || {
    echo "$label failed:" >&2
    cat "$work/stderr.log" >&2
    exit 1
  }
  awk -v l="$label" '{printf "%s %s %.2f\n", l, $1, $2 + $3}' "$log"
}
mb=$(awk -v b="$input_bytes" 'BEGIN {printf "%.3f", b / 1e6}')
echo "corpus: $corpus x $copies copies, $mb MB of JSONL per copy, $(nproc) cores, $bin"

read -r _ ex_wall ex_cpu < <(run extract "$bin" extract "$work/c1.jsonl")
ex_mbps=$(awk -v m="$mb" -v w="$ex_wall" 'BEGIN {printf "%.2f", m / w}')
echo "extract c1: ${ex_wall}s wall, ${ex_cpu} CPU-s: $ex_mbps MB/s, $(awk -v m="$mb" -v c="$ex_cpu" 'BEGIN {printf "%.2f", m / c}') MB per CPU-second"

db="$work/store.sitrep"
total_wall=0
for i in $(seq 1 "$copies"); do
  read -r _ wall cpu < <(run "ingest" "$bin" ingest "$work/c$i.jsonl" --db "$db")
  mbps=$(awk -v m="$mb" -v w="$wall" 'BEGIN {printf "%.2f", m / w}')
  ratio=$(awk -v a="$mbps" -v b="$ex_mbps" 'BEGIN {printf "%.2f", a / b}')
  total_wall=$(awk -v a="$total_wall" -v b="$wall" 'BEGIN {print a + b}')
  echo "ingest c$i: ${wall}s wall, ${cpu} CPU-s: $mbps MB/s = $ratio x extract ($(awk -v m="$mb" -v c="$cpu" 'BEGIN {printf "%.2f", m / c}') MB per CPU-second)"
done
store_bytes=$(( $(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0) ))
all=$(awk -v b="$input_bytes" -v n="$copies" 'BEGIN {print b * n}')
echo "ingest total: $copies copies in ${total_wall}s: $(awk -v m="$mb" -v n="$copies" -v w="$total_wall" 'BEGIN {printf "%.2f", m * n / w}') MB/s"
echo "store: $store_bytes bytes for $all input bytes = $(awk -v s="$store_bytes" -v a="$all" 'BEGIN {printf "%.2f", s / a}') x input"
"$bin" query --db "$db" stats
