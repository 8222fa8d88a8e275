#!/usr/bin/env bash
# Load check of the preview server: `sitegen serve` on loopback under wrk (Debian's package, installed
# when missing) for a bounded time while a lesson is edited every half second (each edit rebuilds the
# site and swaps public/), then a round of malformed HTTP requests. Passes when wrk saw no socket error,
# every existing file answered 200 and every request for a missing page 404, the server still answers
# afterwards, and Ctrl-C stops it cleanly.
#
# usage: scripts/load-check.sh [SECONDS] [CONNECTIONS]     (default 15 s, 32 connections)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-15}"
connections="${2:-32}"

"$root/scripts/setup.sh" --load
source "$root/scripts/lib/common.sh"
sitegen="$(sitegen_binary)"

work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-load.XXXXXX")"
server=""
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true
  [ -n "${editor:-}" ] && kill "$editor" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
site="$work/site"
copy_project "$site"
"$sitegen" --root "$site" >/dev/null 2>&1   # fill the cache: the server's first build is then quick

port="$(free_port)"
"$sitegen" serve --root "$site" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
curl -fs -o /dev/null "http://127.0.0.1:$port/" || { echo "load-check: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

# The pages, a stylesheet, a chart's CSV and a script of the bundled course, requested in turn: every
# answer must be 200. A second wrk, beside it, asks for a page that does not exist: every answer 404.
css="$(cd "$site/public" && ls assets/*.css | head -1)"
cat > "$work/paths.lua" <<LUA
local paths = { "/", "/optimisers/", "/optimisers/optimisers/", "/$css", "/optimisers/optimisers/sgd-variants.csv",
                "/optimisers/optimisers/sgd_variants.py", "/sitemap.xml" }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
missing_connections=4
[ "$connections" -gt $((missing_connections + 1)) ] || { echo "load-check: use more than $((missing_connections + 1)) connections" >&2; exit 2; }
page_connections=$((connections - missing_connections))

# An author editing the lesson twice a second for the whole run.
lesson="$site/content/optimisers/optimisers.md"
( n=0; while :; do n=$((n + 1)); printf '\nEdit %d made during the load check.\n' "$n" >> "$lesson"; sleep 0.5; done ) &
editor=$!
wrk -t1 -c"$missing_connections" -d"${seconds}s" --timeout 5s "http://127.0.0.1:$port/no-such-page/" >"$work/wrk-404.txt" &
missing_wrk=$!
wrk -t2 -c"$page_connections" -d"${seconds}s" --timeout 5s -s "$work/paths.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
wait "$missing_wrk"
kill "$editor" 2>/dev/null || true; wait "$editor" 2>/dev/null || true; editor=""
rebuilds="$(grep -c 'built ' "$work/serve.log" || true)"

failures=0
if grep -q "Socket errors" "$work/wrk.txt" "$work/wrk-404.txt"; then echo "load-check: socket errors under load" >&2; failures=$((failures + 1)); fi
page_requests="$(awk '/requests in/ { print $1 }' "$work/wrk.txt")"
not_ok="$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$work/wrk.txt")"
if [ -n "$not_ok" ]; then
  echo "load-check: $not_ok of $page_requests requests for existing files were not answered 200" >&2; failures=$((failures + 1))
fi
missing_requests="$(awk '/requests in/ { print $1 }' "$work/wrk-404.txt")"
missing_404="$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$work/wrk-404.txt")"
if [ "${missing_404:-0}" != "$missing_requests" ]; then
  echo "load-check: only ${missing_404:-0} of $missing_requests requests for /no-such-page/ were answered 404" >&2; failures=$((failures + 1))
fi
total=$((page_requests + missing_requests))

# Malformed requests, each on its own connection: none may bring the server down.
python3 - "$port" <<'PY' || failures=$((failures + 1))
import socket, sys
port = int(sys.argv[1])
bad = [
    b"\x00\x01\x02garbage\r\n\r\n",
    b"GET\r\n\r\n",
    b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
    b"GET /" + b"a" * 1_000_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 200_000 + b"\r\n\r\n",
    b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(5000)) + b"\r\n",
    b"GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /%ff%fe%00 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\nabc",
    b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot hex\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\n",  # never finished
    b"GET /_sitegen/events HTTP/1.1\r\nHost: x\r\n\r\n",  # an event stream, dropped at once
]
answers = []
for payload in bad:
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        s.sendall(payload)
        s.shutdown(socket.SHUT_WR)
        data = s.recv(200)
        answers.append(data.split(b"\r\n", 1)[0].decode("latin-1") or "(closed)")
    except (ConnectionError, socket.timeout) as e:  # socket.timeout: the server left the connection hanging
        answers.append(f"({type(e).__name__})")
    finally:
        s.close()
# Every malformed request must be refused: 400, 403 or 405, or the connection closed or reset (a fair
# answer to a 1 MB request line). Never a 2xx, 3xx or 5xx, and never a hang. The dropped event stream gets its 200.
refused = ("HTTP/1.1 400", "HTTP/1.1 403", "HTTP/1.1 405", "(closed)", "(ConnectionResetError)", "(BrokenPipeError)")
wrong = []
for payload, answer in zip(bad, answers):
    expected = ("HTTP/1.1 200",) if payload.startswith(b"GET /_sitegen/events") else refused
    ok = answer.startswith(expected)
    if not ok:
        wrong.append(payload)
    print(f"  {payload[:40]!r:48} -> {answer}{'' if ok else '   <- expected one of ' + ', '.join(expected)}", file=sys.stderr)
s = socket.create_connection(("127.0.0.1", port), timeout=5)
s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
alive = s.recv(100).startswith(b"HTTP/1.1 200")
print(f"load-check: {len(bad)} malformed requests sent, {len(bad) - len(wrong)} answered as expected; "
      f"server {'still answers 200' if alive else 'NO LONGER ANSWERS'}", file=sys.stderr)
sys.exit(0 if alive and not wrong else 1)
PY
curl -s "http://127.0.0.1:$port/../../etc/passwd" --path-as-is -o /dev/null -w '%{http_code}' | grep -qE '^(403|404|400)$' \
  || { echo "load-check: a traversal was answered" >&2; failures=$((failures + 1)); }

kill -INT "$server"
for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server" 2>/dev/null; then echo "load-check: Ctrl-C did not stop the server" >&2; failures=$((failures + 1)); fi
wait "$server" 2>/dev/null && status=0 || status=$?
server=""
[ "$status" -eq 0 ] || { echo "load-check: the server exited with status $status" >&2; tail -5 "$work/serve.log" >&2; failures=$((failures + 1)); }

rps="$(awk -v t="$total" -v s="$seconds" 'BEGIN { printf "%.0f", t / s }')"
echo "load-check: $total requests in ${seconds} s (about $rps req/s, $connections connections) with $rebuilds rebuilds during the run:" \
  "$page_requests for existing files (${not_ok:-0} not 200), $missing_requests for a missing page (${missing_404:-0} answered 404); $failures failures" >&2
[ "$failures" -eq 0 ]
