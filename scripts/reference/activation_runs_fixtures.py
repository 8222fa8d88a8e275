"""Makes Tests/ExperimentsTests/Fixtures/activation_runs.json: per-epoch figures of small train blocks with the
activation layers (Tanh, GELU exact and tanh, SiLU, LeakyReLU, ELU, Sigmoid) and the optimisers RMSprop, Adagrad,
NAdam, RAdam and Adamax, computed by the REAL PyTorch and scikit-learn exactly as second_module_fixtures.py does
(whose runner this script reuses), under torch.backends.mkldnn.flags(enabled=False) (GELU's native kernel).

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/activation_runs_fixtures.py   (a few seconds)
"""
import json
import os
import sys

import numpy as np
import sklearn
import torch
import torch.nn as nn
from sklearn.datasets import make_blobs, make_moons

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import second_module_fixtures as runner  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "ExperimentsTests", "Fixtures",
                   "activation_runs.json")
ACTIVATIONS = {"tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "gelu": nn.GELU, "gelu-tanh": lambda: nn.GELU(approximate="tanh"),
               "silu": nn.SiLU, "leaky-relu-0.2": lambda: nn.LeakyReLU(0.2), "elu": nn.ELU}
BLOCKS = {
    "moons-activations": dict(
        data=lambda: make_moons(n_samples=400, noise=0.2, random_state=0), test_size=0.25, split_seed=0,
        stratify=False, layers=[("linear", 16), ("tanh",), ("linear", 16), ("gelu",), ("linear", 16), ("silu",),
                                ("linear", 2)],
        seed=42, epochs=5, batch=32, threads=1, eval_mode="eval",
        runs={"RMSprop": lambda p: torch.optim.RMSprop(p, lr=0.01),
              "Adamax": lambda p: torch.optim.Adamax(p, lr=0.01)}),
    "blobs-activations": dict(
        data=lambda: make_blobs(n_samples=300, n_features=4, centers=4, cluster_std=2.0, random_state=3),
        test_size=0.2, split_seed=1, stratify=True,
        layers=[("linear", 32), ("leaky-relu-0.2",), ("linear", 16), ("elu",), ("linear", 16), ("gelu-tanh",),
                ("linear", 8), ("sigmoid",), ("linear", 4)],
        seed=0, epochs=5, batch=50, threads=1, eval_mode="eval",
        runs={"NAdam": lambda p: torch.optim.NAdam(p, lr=0.01),
              "RAdam": lambda p: torch.optim.RAdam(p, lr=0.01),
              "Adagrad": lambda p: torch.optim.Adagrad(p, lr=0.05)}),
}


def build(layers, n_in):
    mods, width = [], n_in
    for layer in layers:
        if layer[0] == "linear":
            mods.append(nn.Linear(width, layer[1]))
            width = layer[1]
        else:
            mods.append(ACTIVATIONS[layer[0]]())
    return nn.Sequential(*mods)


if __name__ == "__main__":
    runner.build = build
    with torch.backends.mkldnn.flags(enabled=False):
        blocks = {k: runner.run_block(b) for k, b in BLOCKS.items()}
    doc = {"what": "Per-epoch train/test loss and accuracy of small train blocks with activation layers and the "
                   "optimisers RMSprop, Adagrad, NAdam, RAdam, Adamax (see "
                   "Tests/ExperimentsTests/Runner/ActivationRunParityTests.swift for the blocks).",
           "how": "scripts/reference/activation_runs_fixtures.py (second_module_fixtures.py's runner, oneDNN off).",
           "versions": {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
                        "cpu_capability": torch.backends.cpu.get_cpu_capability()},
           "blocks": blocks}
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", OUT)
