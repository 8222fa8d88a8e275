"""Makes Tests/NumericCoreTests/Fixtures/metrics_norm.json with the REAL PyTorch (one thread): float32 `p.norm()` of
tensors of every length from 1 to 40 and a few layer sizes (64, 100, 256, 2048, 2049), 30 tensors each, as the
weight-norm metrics take it (docs/parity.md §7.1, Metrics/ParameterNorm.swift).

    cases   per length: x [30, n] (values N(0, 0.3²), each row one tensor) and torch's norms [30]

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/norm_fixtures.py   (from the repository root; ~1 s)
"""
import base64
import json
import os
import sys

import numpy as np
import torch

torch.set_num_threads(1)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "Tests", "NumericCoreTests", "Fixtures", "metrics_norm.json")
LENGTHS = list(range(1, 41)) + [64, 100, 256, 2048, 2049]


def packed(a):
    a = np.ascontiguousarray(np.asarray(a, dtype="<f4"))
    return {"dtype": "f32", "shape": list(a.shape), "b64": base64.b64encode(a.tobytes()).decode()}


def main():
    rng = np.random.default_rng(7)
    cases = []
    for n in LENGTHS:
        x = (rng.normal(0, 1, (30, n)) * 0.3).astype(np.float32)
        norms = [np.float32(torch.from_numpy(row.copy()).norm().item()) for row in x]
        cases.append({"n": n, "x": packed(x), "norms": packed(norms)})
    fixture = {"what": "torch's float32 p.norm() of 30 tensors per length, lengths 1-40, 64, 100, 256, 2048, 2049.",
               "how": __doc__.split("\n\n")[1],
               "versions": {"torch": torch.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
                            "cpu_capability": torch.backends.cpu.get_cpu_capability(), "threads": 1},
               "cases": cases}
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
    print("wrote", os.path.relpath(OUT, ROOT))


if __name__ == "__main__":
    main()
