#!/usr/bin/env python3
"""Builds gazetteer.tsv, the name lists behind the NER gazetteer features.

Sources (install with pip: names):
  LOC    countries, US states and cities with population >= 15,000 from sitrep's one GeoNames
         extract, the names crate's gazetteer (crates/names/data/gazetteer, made by its
         build_gazetteers.py; GeoNames data CC BY 4.0), plus the seven continents
  FIRST  US Census 1990 first names (male all, female top 1,500) from the `names` package (public domain data)
  LAST   US Census 1990 surnames, top 3,000 (public domain data)
  ORG    organisations of the Phoenix actor dictionaries (MIT), from sitrep's compiled table
         crates/lexicon/data/actors.tsv: IGOs, NGOs, companies and media, armed groups,
         parties, and a country's institutions (army, ministries, ...); see actor_names()
The table's persons (entries holding dated offices, elites, person-like phrases) are left out
of ORG; as PER features they did not help. ORG entries are phrases in the lexicon's normalised
words (lowercase, letters and digits only, `-` and `/` split words: "al-Qaida" -> "al qaida");
the tagger matches them against its normalised token forms, and also gets the variants with a
short word (up to 3 letters) joined to the next ("alqaida"), as a hyphenated name is one token
in sitrep. Single-word organisation names seen in EWT train as an ordinary word at least as
often as a name ("gap", "icon") are dropped.
Single-word names that are ordinary words in UD English EWT train (seen 3+ times with a
non-PROPN tag and more often so than as PROPN, like "mobile", "reading", "will", "young") are
dropped, except countries and US states. Output: `name<TAB>TYPE`, lowercase, sorted.

Usage (from the repository root; scripts/build_data.sh runs it after the gazetteer):
  python3 crates/tagger/data/make_gazetteer.py ../shared/data/ud/en_ewt-ud-train.conllu \
      "$(python3 -c 'import names, os; print(os.path.dirname(names.__file__))')" \
      > crates/tagger/data/gazetteer.tsv
"""
import collections
import csv
import os
import sys
import unicodedata

GAZETTEER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "names", "data", "gazetteer")
ACTORS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lexicon", "data", "actors.tsv")
# A phrase with one of these words names an organisation, whoever it is filed under.
ORG_WORDS = {
    "agency", "alliance", "army", "assembly", "association", "authority", "bank", "bureau", "cabinet",
    "center", "centre", "coalition", "command", "commission", "committee", "company", "congress",
    "corporation", "council", "court", "department", "directorate", "federation", "force", "forces",
    "foundation", "front", "fund", "government", "group", "guard", "institute", "league", "ministry",
    "movement", "navy", "office", "organisation", "organization", "parliament", "party", "program",
    "programme", "senate", "service", "tribunal", "union", "university", "brigade", "brigades",
    "battalion", "network", "society", "board", "police", "military", "chiefs", "staff", "jihad", "international",
}
# Phrases with a title are a role ("UN secretary general", "president karzai"), not a name.
TITLE_WORDS = {
    "president", "minister", "secretary", "spokesman", "spokeswoman", "chief", "king", "queen",
    "prince", "ambassador", "envoy", "leader", "chairman", "mr", "mrs", "ms", "dr", "gen", "col",
    "sen", "gov", "governor", "mayor", "premier", "sheikh", "ayatollah", "mullah", "pope",
    "cardinal", "bishop", "commander", "deputy", "prime", "chancellor", "emir", "sultan", "sir",
    "general", "head", "official", "officials", "soldier", "soldiers", "troops", "peacekeeper",
    "peacekeepers", "member", "members", "lt", "capt", "maj", "sgt", "rep",
}
CONTINENTS = ["Africa", "Asia", "Europe", "North America", "Oceania", "South America", "Antarctica"]


def gazetteer_names(file):
    with open(os.path.join(GAZETTEER, file), encoding="utf-8", newline="") as f:
        return [row["name"] for row in csv.DictReader(f, delimiter="\t")]


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def ok(name):
    return all(c.isalpha() or c in " -'." for c in name) and 2 <= len(name) <= 40


# Words that join the parts of a name but never end one.
CONNECTORS = {"and", "of", "the", "for", "du", "de", "in", "on"}
# Company suffixes: "akorn inc" is also written "Akorn".
COMPANY_SUFFIXES = {"inc", "corp", "corporation", "co", "ltd", "plc", "llc", "company", "holdings", "sa", "ag"}


def has_surname_variant(phrases):
    """Whether one phrase ends another, as a person's short name does ("zawahiri", "al
    zawahiri", "ayman al zawahiri"); organisations vary by their acronym instead."""
    for a in phrases:
        for b in phrases:
            if a != b and b.endswith(" " + a) and not any(w in ORG_WORDS for w in b.split()):
                return True
    return False


def actor_names(common, proper, first_names):
    """(phrase, "ORG") pairs from the compiled Phoenix actor table. Entries whose codes are all
    bare country codes (countries, their adjectives and cities) are places, left to GeoNames.
    A phrase is a person (left out) when it has no organisation word and its entry is a country's entry
    with dated codes or an elite code (the dictionaries' way of filing office holders), or
    another file's entry with an elite code or phrases that look like a person's; an organisation when its
    entry is an IGO/NGO/company/armed group (unless its phrases look like a person's: a
    short form that ends a longer one, or a known first name before one or two words), or a country's institution, with an organisation
    word or as one uncommon word (an acronym: "ansf"); a company also without its suffix
    ("akorn inc" and "akorn")."""
    def lowercase_word(w):
        # Seen in EWT train as an ordinary word at least as often as a name ("gap", "icon").
        return common[w] >= 1 and common[w] >= proper[w]

    out = []
    for line in open(ACTORS, encoding="utf-8"):
        if line.startswith("#"):
            continue
        kind, _ref, codes, phrases = line.rstrip("\n").split("\t")
        codes = codes.split()
        bare = [c.split("@")[0] for c in codes]
        if kind == "country" and all(len(c) == 3 for c in bare):
            continue
        # UNER (like most NER guidelines) leaves a leading "the" out of the name.
        phrases = [p[4:] if p.startswith("the ") else p for p in phrases.split("|")]
        if kind == "country":
            person = any("@" in c for c in codes) or any("ELI" in c for c in bare)
        else:
            person = (
                any("ELI" in c for c in bare)
                or has_surname_variant(phrases)
                or any(len(p.split()) in (2, 3) and len(p.split()[0]) > 2 and p.split()[0] in first_names
                       for p in phrases)
            )
        for p in phrases:
            words = p.split()
            if not words or len(words) > 8 or any(w in TITLE_WORDS for w in words) or words[-1] in CONNECTORS:
                continue
            orgish = any(w in ORG_WORDS for w in words)
            one_common = len(words) == 1 and lowercase_word(p)
            if one_common or (len(words) == 1 and len(p) < 2) or p.replace(" ", "").isdigit():
                continue
            if person and not orgish:
                # Persons are typed only to keep them out of ORG: as PER features they did not
                # help (dev PER F1 0.775 without, 0.766 with; see the crate README).
                continue
            elif kind != "country" or orgish or len(words) == 1:
                out.append((p, "ORG"))
                if len(words) >= 2 and words[-1] in COMPANY_SUFFIXES:
                    rest = words[:-1]
                    while len(rest) > 1 and rest[-1] in CONNECTORS:  # "deere and co"
                        rest = rest[:-1]
                    short = " ".join(rest)
                    if len(words) > 2 or (len(short) > 2 and not lowercase_word(short)):
                        out.append((short, "ORG"))
    return out


def main():
    conllu, names_dir = sys.argv[1], sys.argv[2]
    common = collections.Counter()
    proper = collections.Counter()
    for line in open(conllu, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            (proper if cols[3] == "PROPN" else common)[cols[1].lower()] += 1
    out = {}

    def add(name, typ, protected=False):
        for variant in {name.lower(), fold(name).lower()}:
            variant = " ".join(variant.split())
            if not ok(variant):
                continue
            if not protected and " " not in variant and common[variant] >= 3 and common[variant] > proper[variant]:
                continue
            out.setdefault((variant, typ), None)

    for name in gazetteer_names("countries.tsv"):
        add(name, "LOC", True)
    for name in gazetteer_names("us_states.tsv"):
        add(name, "LOC", True)
    for name in CONTINENTS:
        add(name, "LOC", True)
    for alias in ["USA", "U.S.", "U.S.A.", "US", "America", "UK", "U.K.", "Britain", "Great Britain", "England",
                  "Scotland", "Wales", "Northern Ireland", "Russia", "South Korea", "North Korea", "Iran", "Syria",
                  "Vietnam", "Laos", "Czech Republic", "Ivory Coast", "Holland", "Palestine", "Gaza", "West Bank",
                  "Kosovo", "Taiwan", "Burma", "Tibet", "Crimea", "Donbas", "Europe", "Middle East"]:
        add(alias, "LOC", True)
    for name in gazetteer_names("cities.tsv"):
        add(name, "LOC")
    first = []
    for fname, limit in [("dist.male.first", 100000), ("dist.female.first", 1500)]:
        with open(os.path.join(names_dir, fname)) as f:
            first += [line.split()[0] for line in f][:limit]
    for n in first:
        add(n, "FIRST")
    with open(os.path.join(names_dir, "dist.all.last")) as f:
        for line in list(f)[:3000]:
            add(line.split()[0], "LAST")
    for name, typ in actor_names(common, proper, {n.lower() for n in first}):
        out.setdefault((name, typ), None)
        words = name.split()
        for k in range(len(words) - 1):
            if len(words[k]) > 3 or words[k] in CONNECTORS:
                continue
            joined = words[:k] + [words[k] + words[k + 1]] + words[k + 2:]
            out.setdefault((" ".join(joined), typ), None)
    print("# name\ttype  (generated by make_gazetteer.py; see README.md for sources and licences)")
    for name, typ in sorted(out):
        print(f"{name}\t{typ}")


if __name__ == "__main__":
    main()
