#!/usr/bin/env bash
# Loads every page of the built site in headless Chromium at 375 px and 1280 px wide, in the light and
# the dark colour scheme, and fails on console errors, failed requests, any request leaving the site,
# or a page wider than the viewport, and runs the axe-core accessibility audit on every page (see
# scripts/browser/check.py). Installs Debian's chromium when missing (through scripts/setup.sh --browser);
# axe-core comes from PyPI's axe-playwright-python (which ships axe.min.js), installed without its
# dependencies into a venv outside the repository. Then the search check alone on an 18-lesson synthetic course,
# whose search index has two shards.
#
# usage: scripts/browser-check.sh [SITE_DIR]
#   SITE_DIR   an already built site served at / (default: build the project into a temporary folder)
# Screenshots go to $BROWSER_CHECK_SHOTS (default: a temporary folder, printed at the end);
# BROWSER_CHECK_FULL_PAGE=1 makes them full-page.
set -euo pipefail
cd "$(dirname "$0")/.."

root="$(pwd)"
source scripts/lib/common.sh
chromium_bin="$(chromium_binary browser-check)"

# axe-core 4.12.1, as shipped by axe-playwright-python 0.1.8 (the package's Python code is not used).
axe_venv="${SITEGEN_AXE_VENV:-$HOME/.cache/sitegen/axe-venv}"
axe_js() { find "$axe_venv/lib" -path '*/axe_playwright_python/axe.min.js' 2>/dev/null | head -n 1; }
if [ -z "$(axe_js)" ]; then
  echo "browser-check: installing axe-core (axe-playwright-python 0.1.8) into $axe_venv" >&2
  python3 -m venv "$axe_venv"
  "$axe_venv/bin/pip" install -q --no-deps axe-playwright-python==0.1.8
fi
axe="$(axe_js)"
if [ -z "$axe" ]; then
  echo "browser-check: axe.min.js was not found in $axe_venv" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-browser-check.XXXXXX")"
trap 'rm -rf "$work/site" "$work/shards"' EXIT
if [ $# -ge 1 ]; then
  site="$1"
else
  site="$work/site"
  echo "browser-check: building the site into $site" >&2
  ${SWIFT:-swift} run sitegen --output "$site" --base-url / >&2
fi
shots="${BROWSER_CHECK_SHOTS:-$work/screenshots}"
extra=()
[ "${BROWSER_CHECK_FULL_PAGE:-0}" = 1 ] && extra+=(--full-page)

status=0
python3 scripts/browser/check.py "$site" "$shots" --chromium "$chromium_bin" --axe "$axe" "${extra[@]}" || status=$?

# The search index is written in shards of 16 lessons (SearchIndex.lessonsPerShard), each with its own words, which
# search.js joins; the bundled course fits in one. A synthetic course of 18 lessons has two: the last lesson gets a
# section of its own, which the search must find from the first lesson, served and from disk.
shards="$work/shards"
rm -rf "$shards"
scripts/synthetic-course.sh "$shards" 1 18 >/dev/null
printf '\n## Quokkas and shards\n\nOnly the last lesson tells of the quokka.\n' >> "$(ls "$shards"/content/module-*/lesson-18.md)"
echo "browser-check: building an 18-lesson course into $shards/public (two search shards)" >&2
${SWIFT:-swift} run sitegen --root "$shards" --base-url / >&2
python3 scripts/browser/check.py "$shards/public" "$shots/shards" --chromium "$chromium_bin" --search-only || status=$?
exit "$status"
