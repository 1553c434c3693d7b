#!/usr/bin/env bash
# Runs the cargo-fuzz targets one at a time (the CPUs are shared): each for SECONDS with one
# job, a 1 s limit per input (a slower input is a failure) and a memory cap. Seeds come from
# fuzz/seeds/TARGET (committed; the html target also starts from the web crate's test pages,
# crates/web/tests/pages, rather than a copy of them); what the fuzzer finds goes to a temp corpus, failing inputs
# to fuzz/artifacts/TARGET (each one becomes a regression test).
#
#   scripts/fuzz.sh 60                 # every target, 60 s each
#   scripts/fuzz.sh 600 html warc      # some targets
#   RUNS=1000000 scripts/fuzz.sh 7200 pipeline   # stop at a million inputs (or the time)
#   MAX_LEN=8192 RUNS=1000000 scripts/fuzz.sh 9000 html   # smaller inputs, more of them
#   TIMEOUT=5 scripts/fuzz.sh ...   # on a shared, loaded machine: the limit is wall-clock time,
#                                   # so check stat::slowest_unit_time_sec instead
#   LOG_DIR=/some/dir scripts/fuzz.sh ...   # keep each target's full log (TARGET.log) after the run;
#                                   # by default logs live in the temp folder and go with it
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text_jsonl html warc pipeline)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log_dir=${LOG_DIR:-$work}
mkdir -p "$log_dir"
status=0
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  seeds=("fuzz/seeds/$t")
  [ "$t" = html ] && seeds+=(crates/web/tests/pages)
  echo "== fuzz $t for ${secs}s"
  # No sanitizer: the code under test is safe Rust; panics, slow inputs and memory are checked.
  # The target's own stderr is closed (-close_fd_mask=2: rs-trafilatura traces every page when
  # debug assertions are on); libFuzzer still reports, and a failing input replays with
  # `fuzz/target/*/release/TARGET ARTIFACT`, panic message included.
  if ! cargo +nightly fuzz run --fuzz-dir fuzz --sanitizer none "$t" "$work/$t" "${seeds[@]}" -- \
    -max_total_time="$secs" -timeout="${TIMEOUT:-1}" -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len="${MAX_LEN:-65536}" -close_fd_mask=2 \
    ${RUNS:+-runs="$RUNS"} -print_final_stats=1 >"$log_dir/$t.log" 2>&1; then
    status=1
    grep -v '^DEBUG' "$log_dir/$t.log" | tail -n 40 >&2
  fi
  grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb|stat::slowest_unit_time_sec" "$log_dir/$t.log" || true
done
exit $status
