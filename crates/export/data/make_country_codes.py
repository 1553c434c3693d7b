#!/usr/bin/env python3
"""Writes country_codes.txt: the ISO 3166 alpha-3 codes of every country in sitrep's GeoNames
extract (crates/names/data/gazetteer/countries.tsv), one per line, sorted. The exporter reads
it to tell a country chunk of a CAMEO actor code ("RUS" in "RUSGOV") from a known-group chunk.

Usage (from the repository root; scripts/build_data.sh runs it after the gazetteer):
    python3 crates/export/data/make_country_codes.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTRIES = os.path.join(HERE, "..", "..", "names", "data", "gazetteer", "countries.tsv")


def main():
    with open(COUNTRIES, encoding="utf-8", newline="") as f:
        codes = sorted({row["iso3"] for row in csv.DictReader(f, delimiter="\t")})
    with open(os.path.join(HERE, "country_codes.txt"), "w", encoding="utf-8") as out:
        out.write("# ISO 3166 alpha-3 country codes of sitrep's GeoNames extract; made by make_country_codes.py\n")
        for code in codes:
            out.write(code + "\n")


if __name__ == "__main__":
    main()
