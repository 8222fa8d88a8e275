#!/usr/bin/env bash
# Opened from disk: builds the bundled course (for https://example.org/courses/ml/, so a site built for a
# sub-path is proved to open from disk too), opens every page with file:// in headless Chromium and
# follows every link, image, script and stylesheet (see scripts/browser/disk.py): each must lead to a file
# of the site folder, every page must be styled and load without a failed request or console error.
# Installs Debian's chromium when missing (through scripts/setup.sh --browser).
#
# usage: scripts/disk-check.sh [SITE_DIR]
#   SITE_DIR   an already built site (default: build the project into a temporary folder)
# Screenshots of the pages opened from disk go to $DISK_CHECK_SHOTS (default: a temporary folder).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

source "$root/scripts/lib/common.sh"
chromium_bin="$(chromium_binary disk-check)"

work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-disk-check.XXXXXX")"
trap 'rm -rf "$work/site"' EXIT
if [ $# -ge 1 ]; then
  site="$1"
else
  sitegen="$(sitegen_binary)"
  site="$work/site"
  "$sitegen" build --root "$root" --output "$site" --base-url https://example.org/courses/ml/ >&2
fi
shots="${DISK_CHECK_SHOTS:-$work/screenshots}"
python3 "$root/scripts/browser/disk.py" "$site" "$shots" --chromium "$chromium_bin"
