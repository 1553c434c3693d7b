#!/usr/bin/env bash
# Evaluates sitrep's dependency parser on UD English EWT test with the official CoNLL 2018
# scorer (../shared/tools/conll18_ud_eval.py), and measures the parser's speed alone.
#  1. gold tokenization: `sitrep parse-conllu` tags (sitrep's tagger) and parses the test
#     file's own words;
#  2. raw text: the test sentences' `# text` lines, one per line, through the whole standard
#     pipeline (`sitrep extract --format conllu --sentence-per-line`), scored against gold;
#  3. speed: `sitrep parse-conllu --bench 20` parses the tagged test sentences 20 times in
#     one thread and prints tokens per CPU-second of the parser alone.
#
# Usage: scripts/eval_parser.sh            (builds the release binary)
#        SITREP_BIN=path/to/sitrep UD_DIR=../shared/data/ud scripts/eval_parser.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ud=${UD_DIR:-../shared/data/ud}
gold=$ud/en_ewt-ud-test.conllu
scorer=../shared/tools/conll18_ud_eval.py
[ -f "$gold" ] || { echo "$gold not found" >&2; exit 1; }
. scripts/lib.sh
release_bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
show() { grep -E '^(Metric|-----|Tokens|Sentences|Words|UPOS|UAS|LAS)'; }

echo "== EWT test, gold tokenization (predicted UPOS)"
"$bin" parse-conllu "$gold" --out "$tmp/gold-tok.conllu"
python3 "$scorer" -v "$gold" "$tmp/gold-tok.conllu" | show

echo "== EWT test, raw text (one sentence per line, whole pipeline)"
sed -n 's/^# text = //p' "$gold" >"$tmp/test.txt"
"$bin" extract --format conllu --sentence-per-line "$tmp/test.txt" >"$tmp/raw.conllu" 2>/dev/null
python3 "$scorer" -v "$gold" "$tmp/raw.conllu" | show

echo "== parser speed alone (one thread)"
"$bin" parse-conllu "$gold" --bench 20
