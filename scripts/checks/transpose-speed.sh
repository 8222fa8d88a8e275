#!/usr/bin/env bash
# The microbenchmark behind README's transpose figures: Linear's 8 × 8 Swift transpose (copied out of
# Sources/NumericCore/Layers/Linear.swift) against wide_transpose (Sources/CWideFMA), one shape at a time, a million
# calls each, for the lessons' weight shapes. Needs AVX-512F for the C side.
#
#   scripts/checks/transpose-speed.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shapes="(32, 64), (64, 4), (64, 128), (128, 20)"
python3 - "$work/swift.swift" "$shapes" <<'PY'
import sys
src = open("Sources/NumericCore/Layers/Linear.swift").read()
body = src[src.index("    static func eightLaneTranspose("):]
tile = body.index("    private static func transposeTile")
code = body[:body.index("\n    }\n", tile) + 7]
open(sys.argv[1], "w").write(f'''import Foundation
enum Linear {{
{code}
}}
func now() -> Double {{ var t = timespec(); clock_gettime(CLOCK_MONOTONIC, &t); return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9 }}
let src = (0..<8192).map {{ Float($0) }}
var dst = [Float](repeating: 0, count: 8192)
for (r, c) in [{sys.argv[2]}] {{
    let t0 = now()
    src.withUnsafeBufferPointer {{ s in dst.withUnsafeMutableBufferPointer {{ d in
        for _ in 0..<1_000_000 {{ Linear.eightLaneTranspose(s.baseAddress!, rows: r, cols: c, into: d.baseAddress!) }} }} }}
    print("Swift [\\(r), \\(c)]: " + String(format: "%.3f", now() - t0) + " us")
}}
''')
PY
cat > "$work/c.c" <<C
#include <stdio.h>
#include <time.h>
#include "wide_transpose.h"
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static float src[8192], dst[8192];
int main(void) {
    long shapes[][2] = {{32, 64}, {64, 4}, {64, 128}, {128, 20}};
    for (int i = 0; i < 8192; i++) src[i] = (float)i;
    for (int s = 0; s < 4; s++) {
        double t0 = now();
        for (long n = 0; n < 1000000; n++) { wide_transpose(shapes[s][0], shapes[s][1], src, dst); __asm__ volatile("" ::: "memory"); }
        printf("C     [%ld, %ld]: %.3f us\n", shapes[s][0], shapes[s][1], now() - t0);
    }
    return 0;
}
C
swiftc -O -target-cpu haswell "$work/swift.swift" -o "$work/swift" 2>/dev/null
clang -O3 -ffp-contract=off -ISources/CWideFMA/include "$work/c.c" Sources/CWideFMA/wide_transpose.c -o "$work/c"
"$work/swift"
"$work/c"
