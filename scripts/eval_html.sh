#!/usr/bin/env bash
# Article extraction on the HTML development set (../shared/eval/html: half of the public
# article-extraction benchmark, with its own scorer). Runs `sitrep extract` over every page,
# writes the scorer's input (output/sitrep.json: {"KEY": {"articleBody": TEXT}}) in a temp
# copy of the benchmark folder and calls the benchmark's evaluate.py as it is. Then reports
# title and date agreement with the pages' own metadata where the ground truth has none.
#
#   scripts/eval_html.sh              # uses target/release/sitrep (or $SITREP_BIN)
#   EVAL_DIR=path/to/html scripts/eval_html.sh
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL_DIR=${EVAL_DIR:-../shared/eval/html}
BIN=${SITREP_BIN:-target/release/sitrep}
[ -x "$BIN" ] || { echo "no sitrep binary at $BIN (cargo build --release -p sitrep-cli)" >&2; exit 1; }
[ -f "$EVAL_DIR/evaluate.py" ] || { echo "no benchmark at $EVAL_DIR" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$EVAL_DIR/evaluate.py" "$EVAL_DIR/ground-truth.json" "$work/"
mkdir -p "$work/output"

# One record per page; a page sitrep cannot read gets an empty body (and counts against it).
"$BIN" extract --threads "${THREADS:-2}" "$EVAL_DIR/html" > "$work/records.jsonl" 2> "$work/stderr.txt" || true
tail -n 1 "$work/stderr.txt" >&2

python3 - "$work" "$EVAL_DIR" <<'PY'
import gzip, json, os, re, sys
work, eval_dir = sys.argv[1], sys.argv[2]
truth = json.load(open(os.path.join(work, "ground-truth.json")))
by_key = {}
for line in open(os.path.join(work, "records.jsonl")):
    r = json.loads(line)
    key = os.path.basename(r["id"]).split(".")[0]
    by_key[key] = r
out = {k: {"articleBody": (by_key.get(k) or {}).get("text") or ""} for k in truth}
json.dump(out, open(os.path.join(work, "output", "sitrep.json"), "w"))
missing = [k for k in truth if not (by_key.get(k) or {}).get("text")]
print(f"pages: {len(truth)}, with extracted text: {len(truth) - len(missing)}")

# Title and date: the benchmark's ground truth has neither, so they are checked against the
# page's own declarations (og:title / <title>; article:published_time, JSON-LD datePublished,
# <time datetime>), read here independently of sitrep with plain regular expressions.
def norm(s):
    return re.sub(r"\W+", " ", s or "").strip().lower()
def page(key):
    raw = gzip.open(os.path.join(eval_dir, "html", key + ".html.gz")).read()
    return raw.decode("utf-8", "replace")
def attr_meta(html, names):
    for n in names:
        for m in re.finditer(r"<meta\b[^>]*>", html, re.I):
            tag = m.group(0)
            if re.search(r'(property|name|itemprop)\s*=\s*["\']?' + re.escape(n) + r'["\'\s>/]', tag, re.I):
                c = re.search(r'content\s*=\s*(["\'])(.*?)\1', tag, re.I | re.S)
                if c and c.group(2).strip():
                    return c.group(2).strip()
    return None
def gold_title(html):
    t = attr_meta(html, ["og:title", "twitter:title"])
    if t:
        return t
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    return m.group(1).strip() if m else None
def gold_date(html):
    d = attr_meta(html, ["article:published_time", "datePublished", "pubdate", "publishdate",
                         "date", "DC.date.issued", "sailthru.date", "parsely-pub-date"])
    if not d:
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', html)
        d = m.group(1) if m else None
    if not d:
        m = re.search(r'<time\b[^>]*datetime\s*=\s*["\']([^"\']+)', html, re.I)
        d = m.group(1) if m else None
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", d or "")
    return m.group(1) if m else None
import html as htmlmod
t_n = t_ok = d_n = d_ok = d_found = 0
for k in truth:
    h = page(k)
    r = by_key.get(k) or {}
    gt = gold_title(h)
    if gt:
        t_n += 1
        gt = norm(htmlmod.unescape(gt))
        st = norm(r.get("title"))
        # A page title often adds the site name ("Headline | Site"): agreement means one
        # contains the other and the shorter is at least half the longer.
        if st and (st in gt or gt in st) and min(len(st), len(gt)) * 2 >= max(len(st), len(gt)):
            t_ok += 1
    gd = gold_date(h)
    if gd:
        d_n += 1
        if r.get("date") == gd:
            d_ok += 1
    if r.get("date"):
        d_found += 1
print(f"title agrees with og:title/<title>: {t_ok}/{t_n}")
print(f"date equals the declared publication date: {d_ok}/{d_n} (pages with a date from sitrep: {d_found}/{len(truth)})")
PY
(cd "$work" && python3 evaluate.py --n-bootstrap 200)
