"""Makes Tests/NumericCoreTests/Fixtures/layers_bias_gradient.json: the bias gradient of nn.Linear as the REAL
PyTorch computes it (autograd's sum of the upstream gradient over the batch rows, ATen's `sum(0)`), for the
lessons' layer shapes and batch sizes and a grid of odd shapes (rows 1 to 1600, out_features 1 to 130).

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/bias_gradient_fixtures.py   (from the repository root; ~5 s)

Inputs both sides can make without storing them: g[i] = f32(sin(0.37·i + k)) · 2^(((7·i) mod 13) − 6) over the
row-major index i of the [rows, out] upstream gradient (the power of two is exact; numpy's float64 sin and
Foundation's are both glibc's). The magnitudes span 2^-6 to 2^6 and the signs alternate, so sums cancel and the
order of the additions shows in the last bits. Results are stored as FNV-1a 64-bit digests of their
little-endian float32 bytes, and in full for the lessons' shapes.

Reproducibility: ATen's reduction kernels depend on the CPU (AVX2 here: 8 float lanes); the file records the
capability it ran with. One torch thread, except the cases marked with `threads`.
"""
import base64
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "NumericCoreTests", "Fixtures",
                   "layers_bias_gradient.json")
VERSIONS = {"torch": torch.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
            "cpu_capability": torch.backends.cpu.get_cpu_capability()}

ROWS = list(range(1, 41)) + [47, 48, 49, 50, 63, 64, 65, 95, 96, 97, 127, 128, 129, 150, 191, 192, 193, 200, 255,
                             256, 257, 320, 1000, 1600]
OUTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 15, 16, 17, 24, 31, 32, 33, 39, 40, 41, 63, 64, 65, 72, 100, 127, 128,
        129, 130]
# (rows, out) of the bundled lessons' Linear layers: batch sizes 2 to 64 and their last short batches.
LESSON = [(64, 64), (64, 32), (64, 1), (32, 64), (32, 32), (32, 1), (32, 2), (50, 64), (50, 2), (8, 32), (8, 2),
          (2, 32), (2, 2), (16, 32), (64, 128), (40, 128), (40, 64), (40, 1), (10, 32)]
THREADED = [(1600, 64), (600, 64), (1600, 128), (2000, 32), (300, 130)]


def upstream(rows, out, k):
    i = np.arange(rows * out)
    scale = np.ldexp(np.float32(1), (7 * i) % 13 - 6).astype(np.float32)
    return (np.sin(i * 0.37 + k).astype(np.float32) * scale).reshape(rows, out)


def fnv1a64(a):
    h = 0xCBF29CE484222325
    for byte in np.ascontiguousarray(np.asarray(a, "<f4")).tobytes():
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def packed(a):
    a = np.ascontiguousarray(np.asarray(a, "<f4"))
    return {"dtype": "f32", "shape": list(a.shape), "b64": base64.b64encode(a.tobytes()).decode()}


def bias_gradient(g):
    """nn.Linear(3, out)'s bias.grad after backward(g): what a training step sees."""
    rows, out = g.shape
    layer = nn.Linear(3, out)
    x = torch.from_numpy(np.cos(np.arange(rows * 3) * 0.11).astype(np.float32).reshape(rows, 3))
    layer(x).backward(torch.from_numpy(g))
    db = layer.bias.grad.numpy().copy()
    summed = torch.from_numpy(g).sum(0).numpy()
    assert db.tobytes() == summed.tobytes(), (rows, out)   # autograd's sum_to is sum(0)
    return db


def main():
    cases = []
    seen = set()
    for threads, shapes in ((1, [(r, o) for r in ROWS for o in OUTS] + LESSON), (2, THREADED)):
        torch.set_num_threads(threads)
        for rows, out in shapes:
            if (rows, out, threads) in seen:
                continue
            seen.add((rows, out, threads))
            k = ((31 * rows + 7 * out) % 64) / 16   # a multiple of 1/16: read back exactly
            db = bias_gradient(upstream(rows, out, k))
            case = {"rows": rows, "out": out, "k": k, "threads": threads, "db_fnv1a64": fnv1a64(db)}
            if (rows, out) in LESSON:
                case["db"] = packed(db)
            cases.append(case)
    doc = {"what": "The bias gradient of nn.Linear (autograd's sum of the upstream gradient over the rows, "
                   "ATen's sum(0) of a contiguous float32 [rows, out] tensor) for the lessons' shapes and a grid of "
                   "odd ones.",
           "how": "g[i] = f32(sin(0.37·i + k)) · 2^(((7·i) mod 13) − 6) over the row-major index i of the "
                  "[rows, out] upstream gradient; nn.Linear(3, out)(x).backward(g) under torch.set_num_threads("
                  "threads); db = bias.grad (checked equal to g.sum(0)), stored as the FNV-1a 64-bit digest of its "
                  "little-endian float32 bytes (db_fnv1a64), and for the lessons' shapes also in full as "
                  "{dtype, shape, b64}: base64 of little-endian float32 bytes. k = ((31·rows + 7·out) mod 64)/16.",
           "versions": VERSIONS, "cases": cases}
    with open(OUT, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", os.path.relpath(OUT), os.path.getsize(OUT), "bytes,", len(cases), "cases")


if __name__ == "__main__":
    main()
