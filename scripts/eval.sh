#!/usr/bin/env bash
# Every accuracy figure of the development sets in one run, with the shared scorers as they
# are: quotations (../shared/eval/quotes_dev.jsonl, whole and in two fixed halves: articles
# whose md5(id) is even / odd, so a change tuned on one half can be checked on the other),
# events (../shared/eval/events_dev.jsonl, PLOVER types and actors), the committed second and
# later events sets (crates/events/tests/data/dev2.jsonl ... dev6.jsonl; CAMEO root / full / type
# depth) and the committed wire articles (crates/events/tests/data/wire*.jsonl, scripts/wire_check.py;
# wire4.jsonl and wire5.jsonl also list their quotations and actors: scripts/wire_quotes_check.py).
# Gold files stay in ../shared; the halves are written to a temporary folder only.
#
# Usage: scripts/eval.sh [EXTRACT_ARGS...]
#   SITREP_BIN=path/to/sitrep scripts/eval.sh                  (default target/release/sitrep)
#   scripts/eval.sh --with-tokens                             (pipeline with the parser stage)
#   scripts/eval.sh --config my.toml
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SITREP_BIN:-target/release/sitrep}
shared=${SITREP_SHARED:-../shared}
[ -x "$bin" ] || { echo "no sitrep binary at $bin (cargo build --release -p sitrep-cli)" >&2; exit 1; }
for f in "$shared/eval/quotes_dev.jsonl" "$shared/eval/events_dev.jsonl" "$shared/tools/score_quotes.py"; do
  [ -f "$f" ] || { echo "$f is missing" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$shared/eval/quotes_dev.jsonl" "$tmp" <<'PY'
import hashlib, json, sys
src, out = sys.argv[1], sys.argv[2]
halves = {0: open(f"{out}/quotes_even.jsonl", "w"), 1: open(f"{out}/quotes_odd.jsonl", "w")}
for line in open(src, encoding="utf-8"):
    if line.strip():
        rid = str(json.loads(line)["id"])
        halves[hashlib.md5(rid.encode()).digest()[-1] % 2].write(line)
PY

score() { # NAME GOLD SCORER [ARGS]
  local name=$1 gold=$2 scorer=$3
  shift 3
  "$bin" extract "$@" "$gold" >"$tmp/pred.jsonl" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  echo "== $name ($gold)"
  python3 "$shared/tools/$scorer" "$gold" "$tmp/pred.jsonl" | grep -v '^records='
}
score "quotes, all dev" "$shared/eval/quotes_dev.jsonl" score_quotes.py "$@"
score "quotes, even half" "$tmp/quotes_even.jsonl" score_quotes.py "$@"
score "quotes, odd half" "$tmp/quotes_odd.jsonl" score_quotes.py "$@"
score "events, PLOVER dev" "$shared/eval/events_dev.jsonl" score_events.py "$@"
score "events, second dev set" crates/events/tests/data/dev2.jsonl score_events.py "$@"
score "events, third dev set" crates/events/tests/data/dev3.jsonl score_events.py "$@"
score "events, fourth dev set" crates/events/tests/data/dev4.jsonl score_events.py "$@"
score "events, fifth dev set" crates/events/tests/data/dev5.jsonl score_events.py "$@"
score "events, sixth dev set" crates/events/tests/data/dev6.jsonl score_events.py "$@"
wire() { # NAME GOLD QUOTES [ARGS]: whole articles by wire_check.py, and by
  # wire_quotes_check.py when QUOTES is not empty (the gold lists quotations and actors)
  local name=$1 gold=$2 quotes=$3
  shift 3
  "$bin" extract "$@" "$gold" >"$tmp/pred.jsonl" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  echo "== $name ($gold)"
  python3 scripts/wire_check.py "$gold" "$tmp/pred.jsonl"
  [ -z "$quotes" ] || python3 scripts/wire_quotes_check.py "$gold" "$tmp/pred.jsonl"
}
wire "events, wire articles" crates/events/tests/data/wire.jsonl "" "$@"
wire "events, second wire articles" crates/events/tests/data/wire2.jsonl "" "$@"
wire "events, third wire articles" crates/events/tests/data/wire3.jsonl "" "$@"
wire "events, quotations and actors, fourth wire articles" crates/events/tests/data/wire4.jsonl quotes "$@"
wire "events, quotations and actors, fifth wire articles" crates/events/tests/data/wire5.jsonl quotes "$@"
