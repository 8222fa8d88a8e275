#!/usr/bin/env bash
# `make bench`: builds of the bundled site (cold release (static), cold debug binary, cold through `swift run` in debug,
# warm, after a prose edit, after an experiment edit), peak memory, the search index's size and query time,
# per-experiment throughput, and — when a venv
# with torch exists (SITEGEN_VENV, default ~/.cache/sitegen/venv, the one `make verify` makes) — the same
# scripts timed in PyTorch.
set -euo pipefail
# `$EPOCHREALTIME` and awk read numbers with the locale's decimal point: a "." everywhere.
export LC_ALL=C
cd "$(dirname "$0")/.."
root=$(pwd)
venv=${SITEGEN_VENV:-$HOME/.cache/sitegen/venv}

scripts/setup.sh
# The release binary as one would install it: the Swift runtime and Foundation linked in (`--static-swift-stdlib`),
# built in a folder of its own so that the flag does not rebuild `.build/release` back and forth. Each build is one
# process, and a static binary starts without binding the libraries' symbols (README "Benchmarks").
swift build -c release --static-swift-stdlib --product sitegen --scratch-path .build-static >/dev/null
swift build --product sitegen >/dev/null
release="$root/.build-static/release/sitegen"
debug="$root/.build/debug/sitegen"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r content templates sitegen.yml "$work/"
lesson="$work/content/optimisers/optimisers.md"

# Bash's own clock (for the PyTorch scripts below; `median` reads it directly).
now() { echo "$EPOCHREALTIME"; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# Runs "$@" n times, prints the median wall time in seconds, read from bash's own clock: no process is started
# around what is timed (two `date` processes took 1.6 ms between two readings).
median() { median_after true "$@"; }
# `median_after PREPARE n command…`: `median` with PREPARE run before each run, untimed (emptying a cache or editing
# a lesson is not part of the build).
median_after() {
  local prepare=$1 n=$2; shift 2
  local times=()
  for _ in $(seq "$n"); do
    "$prepare" >/dev/null 2>&1
    local t0=$EPOCHREALTIME; "$@" >/dev/null 2>&1; local t1=$EPOCHREALTIME
    times+=("$(seconds "$t0" "$t1")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

build_release() { "$release" --root "$work"; }
build_debug_binary() { "$debug" --root "$work"; }
# `swift run` = SwiftPM's up-to-date check of the package (about a second) + the debug binary.
build_swift_run() { swift run --package-path "$root" sitegen --root "$work"; }
empty_cache() { rm -rf "$work/.sitegen-cache"; }

cold=$(median_after empty_cache 3 build_release)
cold_dbg_bin=$(median_after empty_cache 3 build_debug_binary)
cold_dbg=$(median_after empty_cache 3 build_swift_run)
build_release >/dev/null 2>&1
warm=$(median 5 build_release)
forced() { "$release" --root "$work" --force; }
warm_forced=$(median 5 forced)
add_sentence() { echo "" >> "$lesson"; echo "One more sentence of prose." >> "$lesson"; }
prose=$(median_after add_sentence 3 build_release)
edits=0
edit_experiment() {
  # Change one experiment (the warm-up table's last step) so that exactly one block reruns.
  edits=$((edits + 1))
  sed -i -E "s/^steps: \[1, 5, 10, 50, 100, [0-9]+\]/steps: [1, 5, 10, 50, 100, $((200 + edits))]/" "$lesson"
}
experiment=$(median_after edit_experiment 3 build_release)

rm -rf "$work/.sitegen-cache"
if [ -x /usr/bin/time ]; then
  peak_kb=$(/usr/bin/time -f '%M' "$release" --root "$work" 2>&1 >/dev/null | tail -1)
  peak="$((peak_kb / 1024)) MB"
else
  peak="n/a (install the Debian package 'time')"
fi

echo
echo "sitegen benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-44s %10s\n' "build of the bundled site" "wall (s)"
printf '%-44s %10s\n' "cold, release binary, empty cache" "$cold"
printf '%-44s %10s\n' "cold, debug binary, empty cache" "$cold_dbg_bin"
printf '%-44s %10s\n' "cold, swift run sitegen (debug), empty cache" "$cold_dbg"
printf '%-44s %10s\n' "warm, nothing changed (up-to-date check)" "$warm"
printf '%-44s %10s\n' "warm, --force: every page rendered again" "$warm_forced"
printf '%-44s %10s\n' "after a prose edit" "$prose"
printf '%-44s %10s\n' "after one experiment edit" "$experiment"
printf '%-44s %10s\n' "peak memory, cold release build" "$peak"
# The search index against the pages' HTML, and query time in headless Chromium (scripts/browser/search_bench.py),
# on the bundled site just built; SEARCH_BENCH_SITES="DIR …" adds other built sites (a generated course).
echo
chromium_bin=$(scripts/setup.sh --browser >&2 && command -v chromium)
for site in "$work/public" ${SEARCH_BENCH_SITES:-}; do
  python3 scripts/browser/search_bench.py "$site" --chromium "$chromium_bin"
done
# Page weight (gzip -9): each lesson page's own JavaScript (budget 12 KB) and each sweep figure's markup with its
# embedded points (budget 60 KB per sweep figure).
python3 - "$work/public" <<'PY'
import gzip, os, re, sys
site = sys.argv[1]
for folder, _, files in sorted(os.walk(site)):
    if "index.html" not in files or folder == site:
        continue
    page = os.path.join(folder, "index.html")
    html = open(page, encoding="utf-8").read()
    scripts = [os.path.normpath(os.path.join(folder, s)) for s in re.findall(r'<script src="([^"]+)"', html)]
    js = sum(len(gzip.compress(open(s, "rb").read(), 9)) for s in scripts if os.path.exists(s))
    name = os.path.relpath(page, site)
    print(f"{'page JavaScript, ' + name:<44} {js / 1000:>7.1f} KB")
    for figure in re.finditer(r'<figure class="experiment" id="experiment-([^"]+)">.*?</figure>', html, re.S):
        if "sweep-controls" in figure.group(0):
            size = len(gzip.compress(figure.group(0).encode(), 9)) / 1000
            print(f"{'sweep figure ' + figure.group(1) + ' (compressed)':<44} {size:>7.1f} KB")
PY

# The synthetic course (scripts/synthetic-course.sh): 10 modules × 20 prose lessons, 211 pages. Cold (empty
# cache), one prose edit (one word of one lesson), and that edit's way to the browser under `serve`.
course="$work/synthetic"
scripts/synthetic-course.sh "$course" >/dev/null
edited="$course/content/module-05/lesson-10.md"
# Each build takes the sitegen binary to time; the cache is emptied, or one word edited, before it, untimed.
course_build() { "$1" --root "$course"; }
empty_course_cache() { rm -rf "$course/.sitegen-cache"; }
words=0
# Each edit puts a number after the first "stochastic": the word is new every time.
edit_word() { words=$((words + 1)); sed -i "0,/stochastic/s/stochastic/stochastic$words/" "$edited"; }
synthetic_cold=$(median_after empty_course_cache 5 course_build "$release")
synthetic_cold_debug=$(median_after empty_course_cache 3 course_build "$debug")
"$release" --root "$course" >/dev/null
synthetic_edit=$(median_after edit_word 9 course_build "$release")
synthetic_edit_debug=$(median_after edit_word 5 course_build "$debug")
reload=$(SITEGEN="$release" scripts/preview-latency.sh 10 "$course" | sed -n 1p)
echo
echo "synthetic course: $(find "$course/content" -name '*.md' ! -name index.md | wc -l) lessons (scripts/synthetic-course.sh)"
printf '%-44s %10s\n' "cold, release, empty cache" "$synthetic_cold"
printf '%-44s %10s\n' "cold, debug, empty cache" "$synthetic_cold_debug"
printf '%-44s %10s\n' "one-word prose edit, release" "$synthetic_edit"
printf '%-44s %10s\n' "one-word prose edit, debug" "$synthetic_edit_debug"
echo "serve, release: $reload"

# The second module's layers: the classification block's network as is, and with batch norm and dropout after
# each hidden layer (same GEMM FLOP count), so their cost shows as the drop in GFLOP/s between the two rows; the
# third row puts layer norm where batch norm was (no dropout), the fourth swaps the ReLUs for GELU and tanh (SLEEF
# and libm per element) the same way.
cat > "$work/content/optimisers/bench-layers.md" <<'LESSON'
---
title: Bench — batch norm and dropout
order: 99
---

```experiment
id: bench-mlp
kind: train
data: {dataset: make-classification, n_samples: 3000, n_features: 20, n_informative: 10, n_redundant: 5, random_state: 42, split: {test_size: 0.2, random_state: 42, stratify: true}, normalize: standard-scaler}
model: {layers: [{linear: 128}, relu, {linear: 64}, relu, {linear: 1}], seed: 42}
loss: bce-with-logits
training: {epochs: 50, batch_size: 64}
runs:
  - {label: SGD, optimizer: {name: SGD, lr: 0.01, momentum: 0.9}}
metrics: [train_loss, test_accuracy]
```

```experiment
id: bench-bn-dropout
kind: train
data: {dataset: make-classification, n_samples: 3000, n_features: 20, n_informative: 10, n_redundant: 5, random_state: 42, split: {test_size: 0.2, random_state: 42, stratify: true}, normalize: standard-scaler}
model: {layers: [{linear: 128}, batchnorm, relu, {dropout: 0.2}, {linear: 64}, batchnorm, relu, {dropout: 0.2}, {linear: 1}], seed: 42}
loss: bce-with-logits
training: {epochs: 50, batch_size: 64}
runs:
  - {label: SGD, optimizer: {name: SGD, lr: 0.01, momentum: 0.9}}
metrics: [train_loss, test_accuracy]
```

```experiment
id: bench-layernorm
kind: train
data: {dataset: make-classification, n_samples: 3000, n_features: 20, n_informative: 10, n_redundant: 5, random_state: 42, split: {test_size: 0.2, random_state: 42, stratify: true}, normalize: standard-scaler}
model: {layers: [{linear: 128}, layernorm, relu, {linear: 64}, layernorm, relu, {linear: 1}], seed: 42}
loss: bce-with-logits
training: {epochs: 50, batch_size: 64}
runs:
  - {label: SGD, optimizer: {name: SGD, lr: 0.01, momentum: 0.9}}
metrics: [train_loss, test_accuracy]
```

```experiment
id: bench-activations
kind: train
data: {dataset: make-classification, n_samples: 3000, n_features: 20, n_informative: 10, n_redundant: 5, random_state: 42, split: {test_size: 0.2, random_state: 42, stratify: true}, normalize: standard-scaler}
model: {layers: [{linear: 128}, gelu, {linear: 64}, tanh, {linear: 1}], seed: 42}
loss: bce-with-logits
training: {epochs: 50, batch_size: 64}
runs:
  - {label: SGD, optimizer: {name: SGD, lr: 0.01, momentum: 0.9}}
metrics: [train_loss, test_accuracy]
```
LESSON
echo
"$release" bench --root "$work" --repetitions 3

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import torch' 2>/dev/null; then
  echo
  printf '%-34s %12s\n' "PyTorch script (same experiments)" "wall (s)"
  total=0
  for script in sgd_variants adam_from_scratch adam_vs_adamw lr_schedules sgd_vs_adam_classification; do
    t0=$(now); (cd "$work/content/optimisers" && "$venv/bin/python" "$script.py" >/dev/null); t1=$(now)
    t=$(seconds "$t0" "$t1"); total=$(awk -v a="$total" -v b="$t" 'BEGIN { print a + b }')
    printf '%-34s %12s\n' "$script.py" "$t"
  done
  printf '%-34s %12s\n' "all five" "$total"
  awk -v p="$total" -v s="$cold" 'BEGIN { printf "PyTorch / sitegen cold release: %.0fx\n", p / s }'
else
  echo "(no venv with torch at $venv: PyTorch comparison skipped; 'make verify' creates it, or pass SITEGEN_VENV=PATH for another)"
fi
