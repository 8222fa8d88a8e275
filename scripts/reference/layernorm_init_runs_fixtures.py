"""Makes Tests/ExperimentsTests/Fixtures/layernorm_init_runs.json: per-epoch figures of small train blocks with
nn.LayerNorm layers and torch.nn.init re-initialisation (model.apply(init) right after the model is built), computed
by the REAL PyTorch and scikit-learn exactly as second_module_fixtures.py does (whose runner this script reuses).

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/layernorm_init_runs_fixtures.py   (a few seconds)
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
                   "layernorm_init_runs.json")
BLOCKS = {
    "moons-layernorm": dict(
        data=lambda: make_moons(n_samples=400, noise=0.2, random_state=0), test_size=0.25, split_seed=0,
        stratify=False, layers=[("linear", 16), ("layernorm", {}), ("relu",), ("linear", 16),
                                ("layernorm", {"eps": 1e-3, "elementwise_affine": False}), ("relu",), ("linear", 2)],
        init=None, seed=42, epochs=5, batch=32, threads=1, eval_mode="eval",
        runs={"SGD": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
              "Adam": lambda p: torch.optim.Adam(p, lr=0.01)}),
    "blobs-init": dict(
        data=lambda: make_blobs(n_samples=300, n_features=4, centers=4, cluster_std=2.0, random_state=3),
        test_size=0.2, split_seed=1, stratify=True,
        layers=[("linear", 32), ("relu",), ("linear", 24), ("layernorm", {}), ("relu",), ("linear", 4)],
        init=("kaiming_normal", {"nonlinearity": "relu"}, "zeros"), seed=0, epochs=5, batch=50, threads=1,
        eval_mode="eval",
        runs={"SGD": lambda p: torch.optim.SGD(p, lr=0.05)},
        overrides={}),
    "blobs-xavier": dict(
        data=lambda: make_blobs(n_samples=300, n_features=4, centers=4, cluster_std=2.0, random_state=3),
        test_size=0.2, split_seed=1, stratify=True,
        layers=[("linear", 8), ("tanh",), ("linear", 3), ("tanh",), ("linear", 4)],
        init=("xavier_uniform", {"gain": 5 / 3}, "default"), seed=7, epochs=5, batch=50, threads=1, eval_mode="eval",
        runs={"Adam": lambda p: torch.optim.Adam(p, lr=0.01)}),
}
INIT = {"kaiming_uniform": nn.init.kaiming_uniform_, "kaiming_normal": nn.init.kaiming_normal_,
        "xavier_uniform": nn.init.xavier_uniform_, "xavier_normal": nn.init.xavier_normal_}
current_init = [None]


def build(layers, n_in):
    mods, width = [], n_in
    for layer in layers:
        if layer[0] == "linear":
            mods.append(nn.Linear(width, layer[1]))
            width = layer[1]
        elif layer[0] == "relu":
            mods.append(nn.ReLU())
        elif layer[0] == "tanh":
            mods.append(nn.Tanh())
        elif layer[0] == "layernorm":
            mods.append(nn.LayerNorm(width, **layer[1]))
    model = nn.Sequential(*mods)
    if current_init[0]:
        name, options, bias = current_init[0]

        def init(m):
            if isinstance(m, nn.Linear):
                INIT[name](m.weight, **options)
                if bias == "zeros":
                    nn.init.zeros_(m.bias)
        model.apply(init)
    return model


if __name__ == "__main__":
    runner.build = build
    blocks = {}
    for k, b in BLOCKS.items():
        current_init[0] = b["init"]
        blocks[k] = runner.run_block(b)
    doc = {"what": "Per-epoch train/test loss and accuracy of small train blocks with nn.LayerNorm and nn.init "
                   "re-initialisation (see Tests/ExperimentsTests/Runner/LayerNormInitRunParityTests.swift).",
           "how": "scripts/reference/layernorm_init_runs_fixtures.py (second_module_fixtures.py's runner; "
                  "model.apply(init) after the model is built).",
           "versions": {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
                        "cpu_capability": torch.backends.cpu.get_cpu_capability()},
           "blocks": blocks}
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", OUT)
