#!/usr/bin/env bash
# Loads every page of the built site in headless Chromium at 375 px and 1280 px wide, in the light and
# the dark colour scheme, and fails on console errors, failed requests, any request leaving the site,
# or a page wider than the viewport (see scripts/browser/check.py). Installs Debian's chromium when
# missing (through scripts/setup.sh --browser).
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

work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-browser-check.XXXXXX")"
trap 'rm -rf "$work/site"' EXIT
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

python3 scripts/browser/check.py "$site" "$shots" --chromium "$chromium_bin" "${extra[@]}"
