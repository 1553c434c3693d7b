#!/usr/bin/env bash
# Copies the built front-end libraries (and their licences) from node_modules into
# ../assets/vendor, where the server embeds them with include_bytes!. Run after changing
# package.json; commit the result. `cargo build` itself never needs npm or the network.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
out=../assets/vendor
rm -rf "$out" && mkdir -p "$out"
nm=node_modules
cp $nm/uplot/dist/uPlot.iife.min.js $nm/uplot/dist/uPlot.min.css "$out/"
cp $nm/uplot/LICENSE "$out/uPlot.LICENSE"
cp $nm/cytoscape/dist/cytoscape.min.js "$out/"
cp $nm/cytoscape/LICENSE "$out/cytoscape.LICENSE"
cp $nm/leaflet/dist/leaflet.js $nm/leaflet/dist/leaflet.css "$out/"
cp $nm/leaflet/LICENSE "$out/leaflet.LICENSE"
cp $nm/topojson-client/dist/topojson-client.min.js "$out/"
cp $nm/topojson-client/LICENSE "$out/topojson-client.LICENSE"
# Country outlines at 1:110m (Natural Earth, public domain; packaged by world-atlas, ISC).
cp $nm/world-atlas/countries-110m.json "$out/"
cp $nm/world-atlas/LICENSE "$out/world-atlas.LICENSE"
{
  echo "Vendored by crates/server/web/vendor.sh from the npm packages pinned in package-lock.json:"
  for p in uplot cytoscape leaflet topojson-client world-atlas; do
    node -e "const p=require('./$nm/$p/package.json');console.log('- '+p.name+' '+p.version+' ('+p.license+')')"
  done
  echo "countries-110m.json: Natural Earth 1:110m Admin 0 countries (public domain), as TopoJSON by world-atlas."
} > "$out/README.txt"
ls -l "$out"
