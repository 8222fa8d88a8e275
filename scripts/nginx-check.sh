#!/usr/bin/env bash
# Publishing check: builds a site with --base-url /courses/ml/ into a temporary folder, serves it with
# nginx under that sub-path (an `alias`, as on a shared host), then fetches every page and every
# internal link, image, script and stylesheet with curl. Any answer other than 200 fails the check.
# nginx runs with its own temporary config and pid file (no system service) and is always stopped.
#
#   scripts/nginx-check.sh            the bundled course (content/, templates/, sitegen.yml)
#   scripts/nginx-check.sh fixture    the small test fixture (Tests/SiteTests/Fixtures/basic)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
which_site="${1:-bundled}"
base="/courses/ml/"

case "$which_site" in
  bundled|fixture) ;;
  *) echo "usage: scripts/nginx-check.sh [bundled|fixture]" >&2; exit 2 ;;
esac

# nginx, installed when missing (Debian: as root, or through sudo).
nginx_bin="$(command -v nginx || true)"
[ -z "$nginx_bin" ] && [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx
if [ -z "$nginx_bin" ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "error: nginx is not installed; run this script as root or install the 'nginx' package" >&2; exit 1
  fi
  echo "nginx-check: installing nginx" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends nginx-light >/dev/null 2>&1 \
    || "${sudo[@]}" apt-get install -y -qq --no-install-recommends nginx >/dev/null
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
fi
command -v curl >/dev/null || { echo "error: curl is needed" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-nginx.XXXXXX")"
chmod 755 "$work"
pidfile="$work/nginx.pid"
stop_nginx() {
  if [ -s "$pidfile" ]; then
    "$nginx_bin" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || kill "$(cat "$pidfile")" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$work"
}
trap stop_nginx EXIT INT TERM

# Build into the temporary folder.
source "$root/scripts/lib/common.sh"
sitegen="$(sitegen_binary)"
public="$work/public"
if [ "$which_site" = fixture ]; then
  source_root="$work/source"
  mkdir -p "$source_root"
  cp -R "$root/Tests/SiteTests/Fixtures/basic/." "$source_root/"
  cp -R "$root/templates" "$source_root/templates"
  "$sitegen" build --root "$source_root" --output "$public" --base-url "$base"
else
  "$sitegen" build --root "$root" --output "$public" --base-url "$base"
fi
chmod -R a+rX "$public"

port="$(free_port)"

mime_types=""
[ -f /etc/nginx/mime.types ] && mime_types="include /etc/nginx/mime.types;"
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
mkdir -p "$work/tmp"
cat > "$work/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon on;
pid $pidfile;
error_log $work/error.log warn;
events { worker_connections 64; }
http {
  $mime_types
  types { text/plain py; }
  access_log $work/access.log;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  server {
    listen 127.0.0.1:$port;
    location $base {
      alias $public/;
      index index.html;
      error_page 404 ${base}404.html;
    }
  }
}
CONF
"$nginx_bin" -p "$work" -c "$work/nginx.conf"
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

# Crawl from the home page: every page, and every internal href/src it contains, must answer 200.
python3 - "$port" "$base" "$work" <<'PY'
import html.parser, subprocess, sys, urllib.parse

port, base, work = sys.argv[1], sys.argv[2], sys.argv[3]
origin = f"http://127.0.0.1:{port}"

class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []
    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)

def fetch(url):
    out = f"{work}/body"
    code = subprocess.run(["curl", "-s", "-o", out, "-w", "%{http_code} %{content_type}", url],
                          capture_output=True, text=True).stdout.split(" ", 1)
    with open(out, "rb") as f:
        body = f.read()
    return int(code[0] or 0), (code[1] if len(code) > 1 else ""), body

queue, seen, failures, pages = [origin + base, origin + base + "sitemap.xml", origin + base + "robots.txt"], set(), [], 0
while queue:
    url = queue.pop(0)
    if url in seen:
        continue
    seen.add(url)
    status, ctype, body = fetch(url)
    if status != 200:
        failures.append(f"{status} {url[len(origin):]}")
        continue
    if not ctype.startswith("text/html"):
        continue
    pages += 1
    parser = Links()
    parser.feed(body.decode("utf-8", "replace"))
    for value in parser.found:
        target = urllib.parse.urljoin(url, value)
        target = urllib.parse.urldefrag(target)[0]
        if target.startswith(origin) and target not in seen:
            queue.append(target)

missing = fetch(origin + base + "no-such-page/")
if missing[0] != 404 or b"Page not found" not in missing[2]:
    failures.append(f"{missing[0]} for a missing page (expected the site's 404 page with status 404)")
print(f"nginx-check: {pages} pages, {len(seen)} URLs under {base} fetched", file=sys.stderr)
if failures:
    print("nginx-check: failed:\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
PY
echo "nginx-check: ok" >&2
