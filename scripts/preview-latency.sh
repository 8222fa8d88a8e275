#!/usr/bin/env bash
# Benchmark (not a test): how long a prose edit takes to reach the browser under `sitegen serve`,
# measured as edit → `reload` event received on /_sitegen/events. Copies the bundled course (and its
# experiment cache, so only the first build runs experiments) into a temporary folder, serves it on
# a free port, appends a sentence to the lesson N times and prints min / median / max. With a COURSE
# folder (sitegen.yml, content/, templates/; e.g. made by scripts/synthetic-course.sh) it serves a copy
# of that instead. SITEGEN names the binary (default: the debug build).
#
#   [SITEGEN=.build/release/sitegen] scripts/preview-latency.sh [runs] [COURSE]      (default 10 runs)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
course="${2:-$root}"
work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-latency.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -INT "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

source "$root/scripts/lib/common.sh"
sitegen="${SITEGEN:-$(sitegen_binary)}"
cp -R "$course/content" "$course/templates" "$course/sitegen.yml" "$work/"
[ -d "$course/.sitegen-cache" ] && cp -R "$course/.sitegen-cache" "$work/"

"$sitegen" serve --root "$work" --port 0 --base-url / >"$work/serve.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 600); do
  port="$(grep -o 'at http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1 | sed 's/.*://' || true)"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "error: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
lesson="$(ls "$work"/content/*/*.md | grep -v '/index.md$' | sed -n "$(( ($(ls "$work"/content/*/*.md | grep -vc '/index.md$') + 1) / 2 ))p")"

python3 - "$port" "$lesson" "$runs" <<'PY'
import socket, statistics, sys, time

port, lesson, runs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])

def wait_for(sock, marker, buffer=b""):
    while marker not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("the event stream closed")
        buffer += chunk
    return buffer[buffer.index(marker) + len(marker):]

sock = socket.create_connection(("127.0.0.1", port))
sock.settimeout(120)
sock.sendall(b"GET /_sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
rest = wait_for(sock, b": sitegen preview\n\n")
times = []
for run in range(runs):
    time.sleep(0.5)  # let the watcher settle between edits
    with open(lesson, "a", encoding="utf-8") as f:
        start = time.perf_counter()
        f.write(f"\nA sentence added by the latency benchmark, edit {run + 1}.\n")
    rest = wait_for(sock, b"event: reload\n", rest)
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"prose edit → reload event, {runs} runs: min {times[0]:.0f} ms, median {statistics.median(times):.0f} ms, max {times[-1]:.0f} ms")
PY
grep -E "^built" "$work/serve.log" | tail -1 | sed 's/^/last rebuild: /'
