#!/usr/bin/env bash
# Fault check: a build killed at any moment (SIGKILL, no chance to clean up) leaves the previous public/
# exactly as it was, or (when the kill lands after the swap) exactly the new site; never a mix. After
# every kill the next build must succeed from whatever the cache holds and give the same bytes as a build
# that was never interrupted.
#
# usage: scripts/fault-check.sh [KILLS]     (default 16: kills spread over a cold build and a warm one)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kills="${1:-16}"

source "$root/scripts/lib/common.sh"
sitegen="$(sitegen_binary)"

work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-fault.XXXXXX")"
trap 'rm -rf "$work"' EXIT
site="$work/site"
copy_project "$site"
lesson="$site/content/optimisers/optimisers.md"

# A digest of every file under a folder (names and bytes), and the folders left beside public/.
digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }
leftovers() { find "$site" -maxdepth 1 -name '.public-staging-*' | wc -l; }
now() { date +%s.%N; }

# The old site, and the new one (one prose edit and one experiment edit), each built without interruption.
"$sitegen" --root "$site" >/dev/null 2>&1
old="$(digest "$site/public")"
cp "$lesson" "$work/lesson.old"
edit() {
  cp "$work/lesson.old" "$lesson"
  printf '\nA sentence added by the fault check.\n' >> "$lesson"
  sed -i -E 's/^steps: \[1, 5, 10, 50, 100, 200\]/steps: [1, 5, 10, 50, 100, 300]/' "$lesson"
}
edit
grep -q 'steps: \[1, 5, 10, 50, 100, 300\]' "$lesson" || { echo "fault-check: the experiment edit no longer applies" >&2; exit 1; }
cp -R "$site" "$work/reference"
"$sitegen" --root "$work/reference" --no-cache >/dev/null 2>&1
new="$(digest "$work/reference/public")"
[ "$old" != "$new" ] || { echo "fault-check: the edit did not change the site" >&2; exit 1; }

# How long a cold build (empty cache) and a warm one (only the edited block reruns) take here.
time_build() { local t0; t0=$(now); "$sitegen" --root "$site" >/dev/null 2>&1 || true; awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }'; }
reset() { # back to the old site and the old lesson; $1 = cold|warm
  cp "$work/lesson.old" "$lesson"
  "$sitegen" --root "$site" >/dev/null 2>&1
  [ "$1" = cold ] && rm -rf "$site/.sitegen-cache"
  edit
}
reset cold; cold_time="$(time_build)"
reset warm; warm_time="$(time_build)"

failures=0 as_old=0 as_new=0
for i in $(seq 1 "$kills"); do
  # Alternate cold and warm builds; spread the kill moments evenly over each build's length.
  if [ $((i % 2)) -eq 1 ]; then mode=cold span="$cold_time"; else mode=warm span="$warm_time"; fi
  reset "$mode"
  delay="$(awk -v i="$i" -v n="$kills" -v s="$span" 'BEGIN { printf "%.3f", s * ((i - 1) / n + 0.5 / n) * 1.1 }')"
  "$sitegen" --root "$site" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  state="$(digest "$site/public")"
  if [ "$state" = "$old" ]; then as_old=$((as_old + 1))
  elif [ "$state" = "$new" ]; then as_new=$((as_new + 1))
  else echo "fault-check: kill $i ($mode build, after ${delay} s) left public/ neither old nor new" >&2; failures=$((failures + 1)); fi
  # The next build must succeed from whatever the killed one left in the cache, with the same bytes.
  if ! "$sitegen" --root "$site" >"$work/rebuild.log" 2>&1; then
    echo "fault-check: the build after kill $i failed:" >&2; cat "$work/rebuild.log" >&2; failures=$((failures + 1))
  elif [ "$(digest "$site/public")" != "$new" ]; then
    echo "fault-check: the build after kill $i ($mode, ${delay} s) differs from an uninterrupted one" >&2; failures=$((failures + 1))
  fi
done
left="$(leftovers)"
if [ "$left" -gt 0 ]; then
  echo "fault-check: $left staging folders pile up beside public/ (a killed build's folder must go with the next build)" >&2; failures=$((failures + 1))
fi

echo "fault-check: $kills kills (cold build ${cold_time} s, warm ${warm_time} s): public/ intact every time" \
  "($as_old old, $as_new new), every rebuild identical to an uninterrupted build; $failures failures" >&2
[ "$failures" -eq 0 ]
