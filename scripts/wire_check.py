#!/usr/bin/env python3
"""Whole wire articles, judged as the issue's hand judges judge them (issue 12): of the main
events a careful coder lists per article, how many sitrep finds with the right CAMEO root and
the right source and target; of the events sitrep codes other than 010, how many are right;
and the share of 010 among all events.

Usage: wire_check.py GOLD.jsonl PRED.jsonl [--verbose]

GOLD (crates/events/tests/data/wire.jsonl): one article per line, {"id", "date", "text",
"main": [EVENT], "also": [EVENT]}; EVENT = {"source", "target", "roots": ["17", ...],
"mutual"?}. "main" are the article's main events, "also" further events a coder would accept.
An actor field lists the acceptable CAMEO codes separated by "|" ("" = no actor); "mutual"
accepts either direction.
PRED: `sitrep extract` JSON lines.

Two depths, as score_events.py has them: "root" compares the first three letters of each actor
code (the country, or the IGO/NGO prefix), "full" the whole codes.
"""
import json
import sys


def code(a):
    if isinstance(a, dict):
        a = a.get("actor_code") or ""
    return (a or "").strip().upper()


def actor_ok(gold_field, pred, depth):
    for alt in gold_field.split("|"):
        alt = alt.strip().upper()
        if depth == "root" and alt[:3] == pred[:3]:
            return True
        if depth == "full" and alt == pred:
            return True
    return False


def matches(g, p, depth):
    root = p["code"][:2]
    if root not in g["roots"]:
        return False
    s, t = code(p.get("source")), code(p.get("target"))
    pairs = [(g["source"], g["target"])]
    if g.get("mutual"):
        pairs.append((g["target"], g["source"]))
    return any(actor_ok(gs, s, depth) and actor_ok(gt, t, depth) for gs, gt in pairs)


def read_args(argv, usage):
    """(gold articles, predictions by id, verbose) from `GOLD PRED [--verbose]`."""
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(usage)
    gold = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    pred = {}
    for line in open(args[1], encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            pred[str(r.get("id"))] = r
    return gold, pred, "--verbose" in argv


def main(argv):
    gold, pred, verbose = read_args(argv, __doc__)
    totals = {d: {"main": 0, "found": 0, "other": 0, "right": 0} for d in ("root", "full")}
    n_events = n_010 = 0
    for g in gold:
        events = (pred.get(str(g["id"])) or {}).get("events") or []
        n_events += len(events)
        n_010 += sum(1 for e in events if e["code"] == "010")
        for depth, t in totals.items():
            used = set()
            for ge in g["main"]:
                t["main"] += 1
                hit = next((i for i, e in enumerate(events)
                            if i not in used and matches(ge, e, depth)), None)
                if hit is not None:
                    used.add(hit)
                    t["found"] += 1
                elif verbose and depth == "root":
                    print(f"{g['id']} missed main {ge['roots']} {ge['source']} -> {ge['target']}")
            for e in events:
                if e["code"] == "010":
                    continue
                t["other"] += 1
                ok = any(matches(ge, e, depth) for ge in g["main"] + g["also"])
                t["right"] += ok
                if verbose and depth == "root" and not ok:
                    trig = (e.get("trigger") or {}).get("text")
                    print(f"{g['id']} wrong {e['code']} {code(e.get('source'))} -> "
                          f"{code(e.get('target'))} at {trig!r}")
    print(f"articles {len(gold)}, events {n_events}, 010 {n_010} "
          f"({n_010 / n_events:.0%} of all)" if n_events else f"articles {len(gold)}, no events")
    for depth, t in totals.items():
        found = t["found"] / t["main"] if t["main"] else 0.0
        right = t["right"] / t["other"] if t["other"] else 0.0
        print(f"{depth:4s}: main events found {t['found']}/{t['main']} = {found:.2f}; "
              f"events other than 010 right {t['right']}/{t['other']} = {right:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
