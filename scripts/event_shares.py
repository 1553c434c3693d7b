#!/usr/bin/env python3
"""Event counts per CAMEO root, the share of 010 "make statement", and, for the events coded
from quotation cues, the cue lemmas by frequency (issue 12: statements coded for what they say).

Reads `sitrep extract` JSON lines (a file, or stdin):

    target/release/sitrep extract ../shared/data/news_corpus.jsonl | scripts/event_shares.py
    scripts/event_shares.py predictions.jsonl [--top 25]

A quote-cue event is one whose rule names a cue (`... cue "say" ...`); its lemma is read from
the rule text.
"""
import argparse
import collections
import json
import re
import sys

CUE = re.compile(r'cue "([^"]*)"')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", help="sitrep extract output (default: stdin)")
    ap.add_argument("--top", type=int, default=25, help="cue lemmas listed (default 25)")
    args = ap.parse_args()
    src = open(args.file, encoding="utf-8") if args.file else sys.stdin
    roots = collections.Counter()
    codes = collections.Counter()
    cue_codes = collections.Counter()
    cue_010 = collections.Counter()
    docs = quotes = events = with_target = 0
    for line in src:
        if not line.strip():
            continue
        rec = json.loads(line)
        docs += 1
        quotes += len(rec.get("quotes") or [])
        for e in rec.get("events") or []:
            events += 1
            roots[e["root"]] += 1
            codes[e["code"]] += 1
            with_target += e.get("target") is not None
            m = CUE.search(e.get("rule") or "")
            if m:
                cue_codes[e["code"]] += 1
                if e["code"] == "010":
                    cue_010[m.group(1)] += 1
    pct = lambda n: f"{n / events:.1%}" if events else "-"
    print(f"articles {docs}, quotations {quotes}, events {events}, with a target {with_target}")
    print(f"code 010 {codes['010']} = {pct(codes['010'])} of all events; "
          f"root 01 {roots['01']} = {pct(roots['01'])}")
    print("events per CAMEO root: " + ", ".join(f"{r} {n}" for r, n in sorted(roots.items())))
    n_cue = sum(cue_codes.values())
    print(f"events from quotation cues {n_cue}: " + ", ".join(
        f"{c} {n}" for c, n in cue_codes.most_common()))
    print(f"010 from quotation cues {sum(cue_010.values())}, by cue lemma: " + ", ".join(
        f"{l} {n}" for l, n in cue_010.most_common(args.top)))


if __name__ == "__main__":
    main()
