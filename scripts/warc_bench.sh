#!/usr/bin/env bash
# WARC input speed: builds a crawl from the HTML development pages (../shared/eval/html,
# repeated under new URLs so there are more records; gzip per record, warcio) in a temp dir,
# then times `sitrep extract` on it twice: with the standard pipeline, and with the reading
# stages only (a pipeline of no stages: WARC parsing, decoding, article extraction).
# Prints WARC MB/s in (compressed bytes) and articles/s out.
#
#   scripts/warc_bench.sh [COPIES]      # default 5 copies of the 89 pages
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SITREP_BIN:-target/release/sitrep}
PAGES=${EVAL_DIR:-../shared/eval/html}/html
copies=${1:-5}
[ -x "$BIN" ] || { echo "no sitrep binary at $BIN" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Copies are the same bytes under other file names: the content dedup would drop them, so
# each copy gets a distinct trailing comment.
for c in $(seq 1 "$copies"); do
  mkdir -p "$work/p$c"
  for f in "$PAGES"/*.html.gz; do
    b=$(basename "$f" .html.gz)
    { gzip -dc "$f"; echo "<!-- copy $c -->"; } > "$work/p$c/$b-$c.html"
  done
done
python3 scripts/make_warc_corpus.py "$work/crawl.warc.gz" "$work"/p*/*.html
size=$(stat -c %s "$work/crawl.warc.gz")
good=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['good']))" "$work/crawl.warc.gz.json")
printf 'stages = []\n' > "$work/none.toml"
for label in reading:none standard:; do
  name=${label%%:*}; cfg=${label#*:}
  args=(extract --threads "${THREADS:-1}")
  [ -n "$cfg" ] && args+=(--config "$work/$cfg.toml")
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$BIN" "${args[@]}" "$work/crawl.warc.gz" > "$work/out.jsonl" 2> "$work/err" || true
  end=$(date +%s.%N)
  read -r user sys rss < <(tail -n 1 "$work/time")
  n=$(grep -c '"errors":\[\]' "$work/out.jsonl" || true)
  python3 - "$name" "$size" "$good" "$n" "$start" "$end" "$user" "$sys" "$rss" <<'PY'
import sys
name, size, good, n, start, end, user, sys_, rss = sys.argv[1:]
wall = float(end) - float(start); cpu = float(user) + float(sys_)
print(f"{name:9} {int(size)/1e6:.1f} MB WARC, {n}/{good} articles: "
      f"{int(size)/1e6/wall:.2f} MB/s in, {int(n)/wall:.1f} articles/s out "
      f"({int(size)/1e6/cpu:.2f} MB per CPU-second), peak RSS {int(rss)/1024:.0f} MB")
PY
done
