#!/usr/bin/env bash
# The package as a user installs it: build the sdist and the wheel, install the wheel
# into a fresh virtual environment, and run kg from a folder outside the checkout.
# The wheel is built from the sdist, so both must carry everything kg reads at run time.
# Usage: .ci/package-check.sh [PYTHON]   (PYTHON: an interpreter with the 'build' package)
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
python=${1:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" -m build --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
wheel=$(ls "$work"/dist/negotiation_kg-*.whl)
sdist=$(ls "$work"/dist/negotiation_kg-*.tar.gz)
tar -tzf "$sdist" >"$work/sdist.txt"
grep '/ontology/shapes.ttl$' "$work/sdist.txt" >/dev/null || { echo "package-check: the sdist lacks ontology/" >&2; exit 1; }

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$wheel"
mkdir -p "$work/elsewhere"
cp -r "$root/seeds" "$work/elsewhere/articles"
cd "$work/elsewhere"
kg="$work/venv/bin/kg"
"$kg" build articles --out built -q
"$kg" query --list | grep -q '^timeline '
"$kg" query timeline --graph built --format csv | head -n 3
"$kg" validate built/graph.trig
"$work/venv/bin/python" -c "import kg, pathlib; assert 'site-packages' in kg.__file__, kg.__file__; \
g = kg.open('built'); assert len(g.query('timeline')) > 0; print('package-check: API ok')"
echo "package-check: wheel $(basename "$wheel") installed outside the checkout: build, query --list, query timeline, validate ok"
