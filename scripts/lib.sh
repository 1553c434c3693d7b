# Shared by the benchmark and evaluation scripts (source it after `cd` to the repository root).

# GNU time (/usr/bin/time), installed with apt-get when missing: the scripts read its -v or -f
# output for wall clock, CPU seconds and peak RSS.
need_gnu_time() {
  if [ ! -x /usr/bin/time ]; then
    echo "/usr/bin/time is missing: installing GNU time with apt-get" >&2
    apt-get update -qq && apt-get install -y -qq time >/dev/null
  fi
}

# Sets `bin` to the sitrep binary to measure: $SITREP_BIN when given, else a fresh release
# build of the CLI.
release_bin() {
  if [ -n "${SITREP_BIN:-}" ]; then
    bin=$SITREP_BIN
  else
    cargo build --release -p sitrep-cli
    bin="${CARGO_TARGET_DIR:-target}/release/sitrep"
  fi
}
