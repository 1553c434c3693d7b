#!/usr/bin/env python3
"""Compile the PETRARCH/Phoenix dictionaries into sitrep-lexicon's derived tables.

Run from the repository root with the reference data beside it:

    python3 crates/lexicon/data/build.py [../shared/data/petrarch] [--out=DIR]

Reads the raw dictionaries (MIT, Open Event Data Alliance; see data/README.md) and writes
compact, deterministic text tables next to this script:

    actors.tsv   kind, ref, codes (dated), phrases     countries, IGOs/NGOs, armed groups
    agents.tsv   role, ref, phrases                    role nouns: "police" -> COP
    verbs.tsv    code, pattern, ref                    CAMEO verb patterns in sitrep's language
    issues.tsv   code, category, ref, phrases          issue phrases ("~" = exclusion)
    discards.tsv scope, ref, phrase                    sports/entertainment phrases
                                                       (DISCARDS_LEFT_OUT: not applied)

Phrases are normalised the way the crate normalises tokens (`norm_words` here and
`normalize_word` in src/norm.rs must agree): lower case, `-` and `/` split words, other
punctuation dropped, words joined by one space.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARGS = [a for a in sys.argv[1:] if not a.startswith("--out=")]
OUT = next((a[6:] for a in sys.argv[1:] if a.startswith("--out=")), HERE)
SRC = ARGS[0] if ARGS else os.path.join(os.getcwd(), "..", "shared", "data", "petrarch")

MIT = """# Derived from the PETRARCH/Phoenix coding dictionaries (Open Event Data Alliance,
# openeventdata/UniversalPetrarch, data/dictionaries, commit 067552d), by
# crates/lexicon/data/build.py. Do not edit by hand: change build.py and rerun it.
#
# The MIT License (MIT)
# Copyright (c) 2015 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of this
# software and associated documentation files (the "Software"), to deal in the Software
# without restriction, including without limitation the rights to use, copy, modify, merge,
# publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
# to whom the Software is furnished to do so, subject to the following conditions:
# The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
# INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
# PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
# FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
"""


def read_lines(name):
    """Lines of a raw file, each decoded as UTF-8 with a Latin-1 fallback (the Phoenix
    country file mixes both)."""
    with open(os.path.join(SRC, name), "rb") as f:
        raw = f.read()
    out = []
    for b in raw.split(b"\n"):
        b = b.rstrip(b"\r")
        try:
            out.append(b.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(b.decode("latin-1"))
    return out


def norm_words(phrase):
    """Dictionary phrase (words joined by `_` or spaces) -> normalised word list."""
    words = []
    for w in re.split(r"[_\s]+", phrase):
        w = w.lower().replace("-", " ").replace("/", " ")
        for part in w.split():
            part = "".join(ch for ch in part if ch.isalnum())
            if part:
                words.append(part)
    return words


def norm(phrase):
    return " ".join(norm_words(phrase))


def strip_comment(line):
    i = line.find("#")
    return line if i < 0 else line[:i]


# ---------------------------------------------------------------- actors

DATE = re.compile(r"^\[\s*([A-Z0-9~!]*)\s*(.*?)\s*\]$")


def full_date(s):
    """YYMMDD (00-30 -> 20YY, else 19YY, as the dictionaries' dates run 1930-2030) or
    YYYYMMDD -> YYYYMMDD."""
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 8:
        return s
    if len(s) == 6:
        yy = int(s[:2])
        return ("20" if yy <= 30 else "19") + s
    if len(s) == 7:  # one typo'd date in the IGO file (2004017): read as YYYYMDD
        return s[:4] + "0" + s[4:]
    return None


# Country prefixes the Phoenix files spell otherwise than CAMEO's (ISO 3166 alpha-3) codes
# everywhere else in them: UNITA is "ANGREB" there, Angola "AGO".
PREFIX_FIXES = {"ANG": "AGO"}


def parse_code(tok):
    """`[CODE]`, `[CODE >YYMMDD]`, `[CODE <YYMMDD]`, `[CODE a-b]` -> `CODE` or
    `CODE@from-to` (either end may be empty)."""
    m = DATE.match(tok.strip())
    if not m or not m.group(1):
        return None
    code, rng = m.group(1), m.group(2).strip()
    if code[:3] in PREFIX_FIXES:
        code = PREFIX_FIXES[code[:3]] + code[3:]
    if not rng:
        return code
    if rng.startswith(">"):
        d = full_date(rng[1:])
        return f"{code}@{d}-" if d else None
    if rng.startswith("<"):
        d = full_date(rng[1:])
        return f"{code}@-{d}" if d else None
    if "-" in rng:
        a, b = rng.split("-", 1)
        a, b = full_date(a), full_date(b)
        return f"{code}@{a}-{b}" if a and b else None
    return None


def compile_actors(name, kind):
    groups = []  # (ref line, codes, phrases)
    cur = None
    for i, line in enumerate(read_lines(name), 1):
        body = strip_comment(line)
        if not body.strip():
            continue
        codes = [parse_code(c) for c in re.findall(r"\[[^\]]*\]", body)]
        codes = [c for c in codes if c]
        text = re.sub(r"\[[^\]]*\]", " ", body).strip()
        if text and text[0] not in "+\t" and not line.startswith((" ", "\t")):
            # A new entry; one with no code yet joins the next (its code lines follow).
            if cur is None or cur[1]:
                cur = [i, [], []]
                groups.append(cur)
        if cur is None:
            continue
        if text:
            for alt in text.split("+"):
                p = norm(alt.strip().rstrip("_"))
                if p:
                    cur[2].append(p)
        cur[1].extend(codes)
    rows = []
    for ref, codes, phrases in groups:
        if not codes or not phrases:
            continue
        seen = []
        for p in phrases:
            if p not in seen:
                seen.append(p)
        rows.append(f"{kind}\t{name}:{ref}\t{' '.join(codes)}\t{'|'.join(seen)}")
    return rows


# ---------------------------------------------------------------- agents

def plural(w):
    # Already plural ("armed forces", "troops", "MPs"): no second plural ("forceses").
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "gas")):
        return w
    if w.endswith("men"):
        return w
    if w.endswith(("s", "x", "ch", "sh")):
        return w + "es"
    if len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith("man"):
        return w[:-3] + "men"
    return w + "s"


# Words after which a multi-word agent's head noun is complete: "court of auditors",
# "chief of staff", "minister for foreign affairs" pluralize their first noun.
HEAD_ENDS = {"of", "for", "in", "on", "to", "at", "from", "with", "against", "under", "without"}


def plural_phrase(p):
    """The plural of an agent phrase: of its head noun, the last word before a preposition
    ("courts of auditors", "chiefs of staff"), else of its last word ("riot policemen")."""
    ws = p.split(" ")
    head = next((i - 1 for i, w in enumerate(ws) if i > 0 and w in HEAD_ENDS), len(ws) - 1)
    return " ".join(ws[:head] + [plural(ws[head])] + ws[head + 1:])


# Role nouns news uses every day that the agents file lacks (it has "government official",
# "security official" but not "official"). sitrep's own additions, marked as such.
AGENT_EXTRAS = [
    ("GOV", "official|officials"),
    ("GOV", "leader|leaders"),
    ("OPP", "opposition"),
    ("MIL", "forces|armed forces"),
]


def compile_agents():
    macros = {}
    rows = [f"{role}\tsitrep:agent-extras\t{phrases}" for role, phrases in AGENT_EXTRAS]
    for i, line in enumerate(read_lines("Phoenix.agents.txt"), 1):
        body = strip_comment(line).strip()
        if not body:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", body)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = re.search(r"\[~?([A-Z]+)\]", body)
        if not cm:
            continue
        role = cm.group(1)
        text = body[: cm.start()]
        plurals = None
        bm = re.search(r"\{([^}]*)\}", text)
        if bm:
            plurals = [p for p in re.split(r"\s+", bm.group(1).strip()) if p]
            text = text[: bm.start()]
        text = text.strip()
        # expand macros: each macro word is substituted; "!MINIST! OF_X" -> "MINISTER OF_X"
        bases = [text]
        for mac, words in macros.items():
            nxt = []
            for b in bases:
                if mac in b:
                    nxt.extend(b.replace(mac, w + ("" if b.endswith(mac) else " " if b.startswith(mac) else "")) for w in words)
                else:
                    nxt.append(b)
            bases = nxt
        phrases = []
        for b in bases:
            if "!" in b:
                continue
            p = norm(b.rstrip("_"))
            if not p:
                continue
            phrases.append(p)
            if plurals is None and not b.endswith("_") and not macros_in(text, macros):
                phrases.append(plural_phrase(p))
        for p in plurals or []:
            q = norm(p.lstrip("+").rstrip("_"))
            if q:
                phrases.append(q)
        uniq = []
        for p in phrases:
            if p not in uniq:
                uniq.append(p)
        if uniq:
            rows.append(f"{role}\tPhoenix.agents.txt:{i}\t{'|'.join(uniq)}")
    return rows


def macros_in(text, macros):
    return any(m in text for m in macros)


# ---------------------------------------------------------------- verbs

PREPS = {"to", "with", "against", "on", "in", "at", "for", "from", "into", "over", "by",
         "toward", "towards", "about", "of", "upon", "onto", "across", "inside", "through",
         "near", "under", "behind", "before", "after", "among", "between", "within", "along"}


def singular(w):
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return None


def word_alts(word, synsets):
    """One dictionary word, `{A B}` phrase or `&SET` -> sitrep slot alternatives."""
    if word.startswith("&"):
        members = synsets.get(word.rstrip("_"), [])
        out = []
        for m in members:
            for a in word_alts(m, synsets):
                if a not in out:
                    out.append(a)
        return out
    exact = word.endswith("_")
    ws = norm_words(word.rstrip("_"))
    if not ws:
        return []
    alts = ["_".join(ws)]
    if not exact:
        s = singular(ws[-1])
        if s:
            alts.append("_".join(ws[:-1] + [s]))
    return alts


def tokenize_pattern(s):
    """`- * OFF (FROM ^) {A B} &SET +` -> items: ("*",), ("w", text), ("(",), (")",), ("+",)..."""
    items = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isspace():
            i += 1
        elif ch in "()*$+^%":
            items.append((ch,))
            i += 1
        elif ch == "{":
            j = s.index("}", i)
            inner = s[i + 1 : j].split()
            items.append(("w", "_".join(inner)))
            i = j + 1
        else:
            j = i
            while j < len(s) and not s[j].isspace() and s[j] not in "(){}*$^%":
                if s[j] == "+" and j == i:
                    break
                j += 1
            items.append(("w", s[i:j]))
            i = j
    return items


def compile_pattern(body, synsets):
    """A `- ...` pattern body -> (sitrep pattern words and target, why skipped)."""
    items = tokenize_pattern(body)
    if ("*",) not in items:
        return None, "no verb marker"
    star = items.index(("*",))
    if any(it[0] == "w" for it in items[:star]):
        return None, "words before the verb"
    before_target = any(it == ("+",) for it in items[:star])
    slots = []
    target_preps = []
    target_obj = before_target and False
    depth = 0
    pp_prep = None
    prev_word = None
    bare_pp = []
    pp_words = 0
    for it in items[star + 1 :]:
        if it == ("(",):
            depth += 1
            pp_prep = None
            pp_words = 0
            continue
        if it == (")",):
            if depth and pp_prep and pp_words == 1:
                bare_pp.append(pp_prep)
            depth = max(0, depth - 1)
            pp_prep = None
            continue
        if it == ("+",):
            if depth and pp_prep:
                target_preps.append(pp_prep)
            elif prev_word and prev_word in PREPS:
                target_preps.append(prev_word)
            elif prev_word is None:
                target_obj = True
            else:
                target_obj = True
            continue
        if it[0] != "w":
            continue
        w = it[1]
        alts = word_alts(w, synsets)
        if not alts:
            return None, "empty synset " + w
        lw = w.lower().rstrip("_")
        near = bool(depth and pp_prep is not None)
        if depth and pp_prep is None:
            pp_prep = lw
        pp_words += 1 if depth else 0
        prev_word = lw
        # ">" = inside the phrase of the word before (at most 3 tokens on): the words of a
        # "(PREP NOUN)" group belong to one prepositional phrase.
        slots.append((">" if near else "") + "|".join(alts))
    # a bare "(TO)" at the end names the target preposition and is not a word to match
    for p in bare_pp:
        if p in PREPS and p not in target_preps:
            target_preps.append(p)
            # drop its slot: the prep is where the target stands, not a required word... it is
            # still required by the dictionary, so it stays a slot only when more words follow
    # remove the bare preposition slots (they become the target rule)
    if bare_pp:
        kept = []
        removed = list(bare_pp)
        for s in slots:
            if s in removed:
                removed.remove(s)
                continue
            kept.append(s)
        slots = kept
    target = []
    if target_obj:
        target.append("obj")
    target.extend(dict.fromkeys(target_preps))
    if not slots and not target:
        target = ["obj"]
    if slots and not target:
        target = ["~"]
    return (" ".join(slots), target), None


def compile_verbs(valid):
    lines = read_lines("CAMEO.2.0.txt")
    synsets = {}
    cur = None
    start = None
    for i, line in enumerate(lines):
        if line.startswith("####### VERB PATTERNS"):
            start = i + 1
            break
        body = strip_comment(line).rstrip()
        if body.startswith("&"):
            cur = body.strip().rstrip("_")
            synsets[cur] = []
        elif body.startswith("+") and cur:
            synsets[cur].append(body[1:].strip())
        elif not body.strip():
            pass
    rows = []
    stats = {"patterns": 0, "skipped": {}, "verbs": 0}
    block_verbs = []
    block_has_patterns = False
    end = next(i for i, l in enumerate(lines) if l.startswith("######## TRANSFORMATIONS"))
    for i in range(start, end):
        line = lines[i]
        ref = f"CAMEO.2.0.txt:{i + 1}"
        body = strip_comment(line).rstrip()
        if not body.strip():
            continue
        if body.startswith("---"):
            block_verbs = []
            continue
        if body.startswith("-"):
            m = re.search(r"\[([0-9:\-]*)\]\s*$", body)
            if not m:
                continue
            code = [c for c in m.group(1).split(":") if c]
            code = code[0] if code else "---"
            if code != "---" and code not in valid:
                stats["skipped"]["unknown code"] = stats["skipped"].get("unknown code", 0) + 1
                continue
            pat, why = compile_pattern(body[1 : m.start()], synsets)
            # The verb the pattern was written for (its comment), when it is in the block.
            comment = line.split("#", 1)[1].split() if "#" in line else []
            origin = comment[0].lower() if comment else ""
            if pat is None:
                stats["skipped"][why.split(" ")[0]] = stats["skipped"].get(why.split(" ")[0], 0) + 1
                continue
            words, target = pat
            single = [v for v in block_verbs if "_" not in v]
            own = [v for v in single if v == origin]
            verbs = "|".join(own or single) or None
            if not verbs:
                continue
            rows.append(f"{code}\t{verbs} {words} [{'|'.join(target)}]".replace("  ", " ") + f"\t{ref}")
            stats["patterns"] += 1
            continue
        # a verb line: VERB [code] {forms} or +MULTI_WORD {forms} [code]
        text = re.sub(r"\{[^}]*\}", " ", body)
        cm = re.search(r"\[([0-9:\-]*)\]", text)
        text = re.sub(r"\[[^\]]*\]", " ", text).strip()
        if not text:
            continue
        multi = text.startswith("+")
        v = "_".join(norm_words(text.lstrip("+")))
        if not v:
            continue
        first = v.split("_")[0]
        if multi and first.endswith(("ed", "ing")) and not first.endswith("eed"):
            # "+KIDNAPPED_AND_KILLED": an inflected head cannot match a lemma, and would list
            # "kidnapped" as a verb of its own.
            stats["skipped"]["inflected"] = stats["skipped"].get("inflected", 0) + 1
            continue
        block_verbs.append(v)
        stats["verbs"] += 1
        if cm:
            code = [c for c in cm.group(1).split(":") if c]
            code = code[0] if code else "---"
            if code == "---" or code in valid:
                rows.append(f"{code}\t{v} [obj]\t{ref}")
        del multi
    return rows, stats


# ---------------------------------------------------------------- issues

def compile_issues():
    rows = []
    cat = None
    for i, line in enumerate(read_lines("Phoenix.IssueCoding.txt"), 1):
        body = strip_comment(line).strip()
        if not body:
            continue
        m = re.match(r'<ISSUE CATEGORY="([^"]+)"', body)
        if m:
            cat = m.group(1)
            continue
        if body.startswith("<") or cat is None:
            continue
        excl = body.startswith("~")
        cm = re.search(r"\[([A-Z0-9_]+)\]", body)
        if not excl and not cm:
            continue
        text = body[1:] if excl else body[: cm.start()]
        code = "~" if excl else cm.group(1)
        variants = [[]]
        for w in text.split():
            forms = []
            kind = None
            if w.startswith(("n:", "v:")):
                kind, w = w[0], w[2:]
            parts = w.split("+")
            bases = [" ".join(parts), "".join(parts)] if len(parts) > 1 else [w]
            for b in bases:
                forms.append(b)
                if kind == "n":
                    forms.append(plural(b))
                elif kind == "v":
                    forms += [b + "s", b + "ed", b + "d", b + "ing", b[:-1] + "ing" if b.endswith("e") else b + "ing"]
            forms = list(dict.fromkeys(norm(f) for f in forms if norm(f)))
            variants = [v + [f] for v in variants for f in forms]
        phrases = list(dict.fromkeys(" ".join(v) for v in variants if v))
        if phrases:
            rows.append(f"{code}\t{cat}\tPhoenix.IssueCoding.txt:{i}\t{'|'.join(phrases)}")
    return rows


# Sentence-level discards sitrep does not apply. The dictionary discards these to keep
# non-political stories out of its event data; in political news each of them also stands in
# sentences that report real events, which the discard would lose ("G7 ministers agreed to
# defer the debts of countries hit by the tsunami", "a champion of reform accused the
# government", "two years ago Russia annexed Crimea"). sitrep applies the sport, entertainment
# and culture entries only; the story-level ("+") entries, all sport and celebrity, stay.
DISCARDS_LEFT_OUT = {
    # time and history: sitrep dates events instead of dropping them
    "months later", "years later", "weeks later", "weeks ago", "months ago", "years ago",
    "fifty years ago", "april 1942", "millennium", "post world war ii", "second world war",
    "world war one", "world war i", "world war 1", "world war two", "world war ii",
    "world war 2", "napoleonic wars", "british empire", "attack on pearl harbor",
    "abdul karim qasim", "angels of bataan", "decorated vietnam veteran", "oliver north",
    "anita hill", "israel miller", "rick lazio", "world trade center",
    # elections and polls are political news
    "presidential debate", "presidential vote recount", "poll published", "landslide",
    # epidemics, disasters and accidents: governments act on them (aid, closures, blame)
    "avian flu", "avian influenza", "bird flu", "h5n1", "ebola", "polio", "dengue fever",
    "contracted cholera", "bacteria epidemic", "chickungunga", "equine influenza",
    "rift valley fever", "west nile fever", "west nile virus", "rabid animals", "tsunami",
    "typhoon", "tropical storm", "tropical depression", "mudslide", "blizzard",
    "widespread flood", "storm warning center", "yellow dust", "pollution", "boat capsized",
    "bus fell into ravine", "bus plunged", "road accident", "traffic accident",
    "mine accident", "accident killed", "diving accident", "medical tests",
    "routine medical check up", "mentally deranged man",
    "made a joke about having a bomb",
    # words and names common in political and economic reports
    "champion", "champions", "group a", "group b", "group c", "group d", "group e",
    "group f", "group g", "group h", "here is a list of", "initial public offering",
    "international brand", "osaka district court", "salman rushdie", "kimjongilism",
    "online gambling companies", "commercial consumption expenditures", "jetro",
    "watson wyatt", "philexim", "pioneer metals group of companies",
    # sport words with a political sense ("the third round of talks", "marathon
    # negotiations", "a political heavyweight", "the runner-up rejected the result")
    "third round", "marathon", "heavyweight", "lightweight", "runner up", "runners up",
    "nobel prize", "gymnasium",
}


def compile_discards():
    rows = []
    for i, line in enumerate(read_lines("Phoenix.discards.txt"), 1):
        body = strip_comment(line).strip()
        if not body:
            continue
        story = body.startswith("+")
        p = norm(body.lstrip("+").strip().rstrip("_"))
        if not p or p.isdigit() or (not story and p in DISCARDS_LEFT_OUT):
            continue
        rows.append(f"{'story' if story else 'sentence'}\tPhoenix.discards.txt:{i}\t{p}")
    return rows


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(MIT)
        f.write(header)
        for r in rows:
            f.write(r + "\n")


def main():
    codes_path = os.path.join(SRC, "..", "cameo_codes.tsv")
    valid = set()
    with open(codes_path, encoding="utf-8") as f:
        next(f)
        for line in f:
            valid.add(line.split("\t")[0])
    actors = (compile_actors("Phoenix.Countries.actors.txt", "country")
              + compile_actors("Phoenix.International.actors.txt", "international")
              + compile_actors("Phoenix.MilNonState.actors.txt", "nonstate"))
    write("actors.tsv", "# kind\tref\tcodes (CODE or CODE@YYYYMMDD-YYYYMMDD, either end open)\tphrases\n", actors)
    agents = compile_agents()
    write("agents.tsv", "# role\tref\tphrases\n", agents)
    verbs, stats = compile_verbs(valid)
    write("verbs.tsv", "# code\tpattern (sitrep pattern language; [~] = first named phrase after any preposition; code --- = null pattern)\tref\n", verbs)
    issues = compile_issues()
    write("issues.tsv", "# code (~ = exclusion)\tcategory\tref\tphrases\n", issues)
    discards = compile_discards()
    write("discards.tsv", "# scope\tref\tphrase\n", discards)
    print(f"actors {len(actors)} entries, agents {len(agents)}, verb rows {len(verbs)} "
          f"({stats}), issues {len(issues)}, discards {len(discards)}")


if __name__ == "__main__":
    main()
