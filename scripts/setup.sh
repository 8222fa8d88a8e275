#!/usr/bin/env bash
# Installs what building and testing sitegen needs on a Debian machine, only when missing:
# the cmark-gfm libraries (always) and, with --browser, headless Chromium for the page checks.
set -euo pipefail

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "usage: scripts/setup.sh [--browser]" >&2; exit 2 ;;
  esac
done

packages=()
if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then
  packages+=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
fi
if [ "$want_browser" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  packages+=(chromium)
fi
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "error: sitegen needs the Debian packages ${packages[*]}; run this script as root or install them" >&2
  exit 1
fi
echo "setup: installing ${packages[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
