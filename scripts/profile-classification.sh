#!/usr/bin/env bash
# Instruction counts of the classification experiment's training (numeric core only, one thread) under
# callgrind. The sitegen binary cannot run under valgrind 3.19 (its async main parks the main thread in
# libdispatch, where valgrind crashes), so this builds NumericCore and scripts/profile/main.swift with
# swiftc, with the flags Package.swift gives the core (plus whole-module optimisation, as in release).
# Usage: scripts/profile-classification.sh [epochs] (default 20; instruction counts scale with epochs).
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-20}
out=${PROFILE_DIR:-/tmp/sitegen-profile}
mkdir -p "$out"
flags=(-O -wmo -enforce-exclusivity=unchecked -target-cpu haswell -Xcc -fno-math-errno)
swiftc "${flags[@]}" -parse-as-library -emit-library -emit-module -module-name NumericCore \
  -emit-module-path "$out/NumericCore.swiftmodule" -o "$out/libNumericCore.so" $(find Sources/NumericCore -name '*.swift')
swiftc "${flags[@]}" -I "$out" -L "$out" -lNumericCore -Xlinker -rpath -Xlinker "$out" \
  scripts/profile/main.swift -o "$out/profile-classification"
"$out/profile-classification" "$epochs"
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" "$out/profile-classification" "$epochs" 2>&1 \
  | grep -E 'Collected|refs' || true
callgrind_annotate "$out/callgrind.out" 2>/dev/null | sed -n '1,40p' | cut -c1-160
