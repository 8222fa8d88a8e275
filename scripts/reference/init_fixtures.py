"""Makes Tests/NumericCoreTests/Fixtures/init_torch.json by running the REAL PyTorch: float32 normal_ on the global
generator (both of torch's paths: 16 or more elements, Box-Muller over blocks of 16 with avx_mathfun's Cephes log and
sincos; fewer than 16, the binary64 normal_distribution with its cached second value), and every torch.nn.init
function used by the experiment format's `init` key, each followed by the generator's next int64 draw.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/init_fixtures.py   (from the repository root; ~2 s)
"""
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layer_fixtures import next_int64, packed, write  # noqa: E402


def init():
    torch.set_num_threads(1)
    normals = []
    # sizes: the scalar path, exactly one block, a tail redrawn, many blocks; several means and deviations.
    for seed, count, mean, std in [(0, 16, 0.0, 1.0), (42, 1000, 0.0, 1.0), (7, 40, 0.5, 0.2), (3, 4099, 0.0, 0.05),
                                   (123, 17, 0.0, 2.0), (2 ** 32 - 1, 31, -1.0, 3.0), (5, 20000, 0.0, 1.0)]:
        torch.manual_seed(seed)
        values = torch.empty(count).normal_(mean, std)
        normals.append({"seed": seed, "count": count, "mean": mean, "std": std, "values": packed(values.numpy()),
                        "next_int64": next_int64()})
    # the scalar path keeps a cached value in the generator between calls (a sequence of small tensors).
    small = []
    for seed in (0, 42, 9):
        torch.manual_seed(seed)
        parts = [torch.empty(5).normal_(0, 0.7), torch.empty(3).normal_(0, 1.3), torch.empty(6).normal_(0.25, 0.2),
                 torch.empty(16).normal_(0, 1.0), torch.empty(1).normal_(0, 1.0)]
        small.append({"seed": seed, "values": [packed(p.numpy()) for p in parts], "next_int64": next_int64()})
    inits = []
    functions = [("kaiming_uniform", {}), ("kaiming_uniform", {"a": 0.2, "mode": "fan_out", "nonlinearity": "relu"}),
                 ("kaiming_normal", {}), ("kaiming_normal", {"nonlinearity": "relu"}),
                 ("kaiming_normal", {"a": 0.1, "mode": "fan_out", "nonlinearity": "leaky_relu"}),
                 ("kaiming_normal", {"nonlinearity": "tanh"}), ("kaiming_normal", {"nonlinearity": "selu"}),
                 ("kaiming_uniform", {"nonlinearity": "sigmoid"}),
                 ("xavier_uniform", {}), ("xavier_uniform", {"gain": 5 / 3}), ("xavier_normal", {}),
                 ("xavier_normal", {"gain": 2 ** 0.5}), ("zeros", {})]
    shapes = [(64, 4), (3, 5), (1, 16), (32, 64), (2, 2), (10, 3)]
    for i, (name, options) in enumerate(functions):
        for j, (out_f, in_f) in enumerate(shapes):
            seed = 1000 * i + j
            torch.manual_seed(seed)
            w = torch.empty(out_f, in_f)
            getattr(nn.init, name + "_")(w, **options)
            inits.append({"function": name, "options": options, "shape": [out_f, in_f], "seed": seed,
                          "values": packed(w.numpy()), "next_int64": next_int64()})
    write("init_torch.json",
          "float32 normal_(mean, std) on torch's global generator (16 or more elements and fewer, a sequence of small "
          "tensors sharing the cached second value) and the torch.nn.init functions on [out, in] weights, each with "
          "the generator's next int64 afterwards.",
          "torch.manual_seed(seed); torch.empty(count).normal_(mean, std) or nn.init.<function>_(torch.empty(out, in), "
          "**options); next = torch.empty((), dtype=torch.int64).random_().",
          {"normal": normals, "small_sequences": small, "init": inits})


if __name__ == "__main__":
    init()
