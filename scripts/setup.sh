#!/usr/bin/env bash
# Installs what building and testing sitegen needs on a Debian machine, only when missing:
# the cmark-gfm libraries and the mimalloc allocator (always); with --browser, headless Chromium for the page checks; with --load,
# wrk for the preview server's load check; with --java, a Java runtime for the W3C HTML checker.
set -euo pipefail

want_browser=0 want_load=0 want_java=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    --load) want_load=1 ;;
    --java) want_java=1 ;;
    *) echo "usage: scripts/setup.sh [--browser] [--load] [--java]" >&2; exit 2 ;;
  esac
done

packages=()
if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then
  packages+=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
fi
if [ ! -f /usr/include/mimalloc.h ]; then
  packages+=(libmimalloc-dev)
fi
if [ "$want_browser" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  packages+=(chromium)
fi
if [ "$want_load" = 1 ] && ! command -v wrk >/dev/null 2>&1; then
  packages+=(wrk)
fi
if [ "$want_java" = 1 ] && ! command -v java >/dev/null 2>&1; then
  packages+=(default-jre-headless)
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
