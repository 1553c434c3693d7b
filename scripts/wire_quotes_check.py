#!/usr/bin/env python3
"""Whole wire articles, judged for quotations and actors as issue 13's hand judges judge them:
of the quotations sitrep predicts, how many are real attributed statements (precision; a second
prediction of the same statement is a duplicate and counts as wrong), how many of the real ones
it finds (recall), and for how many of the real ones it names the right speaker; and of the
persons and organizations that act or speak, how many sitrep finds and codes right.

Usage: wire_quotes_check.py GOLD.jsonl PRED.jsonl [--verbose]

GOLD: one article per line, as scripts/wire_check.py reads it, with two more lists:
  "quotes": [{"speaker": "Ruto", "content": "we will not allow", "kind": "direct"}] -- every
      attributed statement; "content" is the opening words of its content exactly as written
      (its first occurrence in the text is taken), "speaker" a surname or organization name;
  "actors": [{"name": "William Ruto", "code": "KENGOV|KEN"}] -- every person or organization
      that acts or speaks, with its acceptable CAMEO codes separated by "|".
Articles without these lists are skipped.
PRED: `sitrep extract` JSON lines. All offsets are UTF-8 byte offsets, as sitrep writes them.

A predicted quotation is real when its content span overlaps the opening words of a gold
statement not yet claimed by another prediction. Its speaker is right when the gold speaker's
last word is among the words of the predicted speaker's entity name or of the speaker mention
itself, or the other way round. An actor is found when an entity's name or one of its
mentions (or an event's actor that is no entity) holds all words of the gold name but "the"
(for a person, the surname suffices); a person or organization is preferred to a place
("Ankara" the government, not the city).
"""
import re
import sys

from wire_check import read_args

WORD = re.compile(r"[\w']+")
STOP = {"the", "a", "an", "of", "'s"}


def words(s):
    return [w.lower() for w in WORD.findall(s or "") if w.lower() not in STOP]


def speaker_right(gold_speaker, spk):
    if not spk:
        return False
    gold = words(gold_speaker)
    if not gold:
        return False
    # The entity's name, or the words of the speaker mention itself ("Ankara" for the
    # entity "Government of Turkey").
    for pred in (words(spk.get("name") or ""), words(spk.get("text") or "")):
        if pred and (gold[-1] in pred or pred[-1] in gold):
            return True
    return False


def entity_words(ent):
    forms = [ent.get("name") or ""] + [m.get("text") or "" for m in ent.get("mentions") or []]
    return [set(words(f)) for f in forms]


def find_actor(gold_name, entities):
    gold = words(gold_name)
    if not gold:
        return None
    found = [e for e in entities if any(all(w in f for w in gold) for f in entity_words(e))]
    if found:
        # A capital is both a place and, where it acts, its government: the acting one.
        return next((e for e in found if e.get("kind") != "location"), found[0])
    # A person's surname alone ("Ruto" for "William Ruto").
    for ent in entities:
        if ent.get("kind") == "person" and any(gold[-1] in form for form in entity_words(ent)):
            return ent
    return None


def check_quotes(g, r, totals, verbose):
    text = g["text"].encode("utf-8")
    gold = []
    for q in g["quotes"]:
        pos = text.find(q["content"].encode("utf-8"))
        if pos < 0:
            print(f"{g['id']}: gold content not in text: {q['content']!r}", file=sys.stderr)
            continue
        gold.append((pos, pos + len(q["content"].encode("utf-8")), q))
    claimed = set()
    for p in r.get("quotes") or []:
        totals["pred"] += 1
        hit = next((i for i, (s, e, _) in enumerate(gold)
                    if i not in claimed and p["start"] < e and s < p["end"]), None)
        dup = hit is None and any(p["start"] < e and s < p["end"] for s, e, _ in gold)
        if hit is None:
            totals["dup" if dup else "false"] += 1
            if verbose:
                what = "duplicate" if dup else "not a quote"
                print(f"{g['id']} {what}: {p['text'][:70]!r}")
            continue
        claimed.add(hit)
        totals["real"] += 1
        q = gold[hit][2]
        if speaker_right(q["speaker"], p.get("speaker")):
            totals["speaker"] += 1
        elif verbose:
            spk = p.get("speaker") or {}
            print(f"{g['id']} speaker {spk.get('name') or spk.get('text')!r} "
                  f"for {q['speaker']!r}: {p['text'][:50]!r}")
    totals["gold"] += len(gold)
    if verbose:
        for i, (_, _, q) in enumerate(gold):
            if i not in claimed:
                print(f"{g['id']} missed {q['kind']} quote of {q['speaker']}: {q['content']!r}")


def event_actors(r):
    """The actors of events that are no entity ("the interior ministry"), as pseudo-entities."""
    out = []
    for e in r.get("events") or []:
        for side in ("source", "target"):
            a = e.get(side)
            if a and a.get("entity") is None and a.get("text"):
                out.append({"name": a["text"], "actor_code": a.get("actor_code"), "kind": ""})
    return out


def check_actors(g, r, totals, verbose):
    entities = (r.get("entities") or []) + event_actors(r)
    for a in g["actors"]:
        totals["actors"] += 1
        ent = find_actor(a["name"], entities)
        if ent is None:
            if verbose:
                print(f"{g['id']} actor not found: {a['name']!r}")
            continue
        totals["found"] += 1
        got = (ent.get("actor_code") or "").upper()
        if got in {c.strip().upper() for c in a["code"].split("|")}:
            totals["coded"] += 1
        elif verbose:
            print(f"{g['id']} actor {a['name']!r}: {got or '(none)'} for {a['code']}")


def ratio(a, b):
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/0"


def main(argv):
    gold, pred, verbose = read_args(argv, __doc__)
    q = dict.fromkeys(("pred", "real", "dup", "false", "speaker", "gold"), 0)
    a = dict.fromkeys(("actors", "found", "coded"), 0)
    for g in gold:
        r = pred.get(str(g["id"])) or {}
        if "quotes" in g:
            check_quotes(g, r, q, verbose)
        if "actors" in g:
            check_actors(g, r, a, verbose)
    print(f"quotes: precision {ratio(q['real'], q['pred'])} ({q['false']} not quotes, "
          f"{q['dup']} duplicates); recall {ratio(q['real'], q['gold'])}; "
          f"speaker right {ratio(q['speaker'], q['real'])}")
    print(f"actors: found {ratio(a['found'], a['actors'])}; code right "
          f"{ratio(a['coded'], a['found'])} of found, {ratio(a['coded'], a['actors'])} of all")


if __name__ == "__main__":
    main(sys.argv[1:])
