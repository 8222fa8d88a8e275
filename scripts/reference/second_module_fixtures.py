"""Makes Tests/ExperimentsTests/Fixtures/second_module_runs.json: per-epoch figures of small train blocks that use
the second module's features (layer-by-layer models with BatchNorm1d and Dropout, CrossEntropyLoss, make_moons /
make_blobs / multi-class make_classification, train and test accuracy, evaluation in train mode), computed by the
REAL PyTorch and scikit-learn, following what sitegen's runner does call for call:

    X, y = sklearn generator(...);  train_test_split(arange(n), test_size, random_state[, stratify=y]);
    StandardScaler fitted on the training rows;  torch.FloatTensor;  per run: torch.manual_seed(seed), the model,
    the optimiser, DataLoader(TensorDataset(X_tr, y_tr), batch_size, shuffle=True); per epoch: model.train(),
    zero_grad / forward / loss / backward / step per batch, then model.eval() (or not, for evaluation_mode: train)
    and, under no_grad, one forward over the training set and one over the test set.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/second_module_fixtures.py   (a few seconds)

torch.set_num_threads(THREADS) is pinned to the block's `training.threads`. Values are Python reprs of the binary64
value of each float32 figure (strings), as lesson_outputs.json stores them.
"""
import json
import os
import sys

import numpy as np
import sklearn
import torch
import torch.nn as nn
from sklearn.datasets import make_blobs, make_classification, make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "ExperimentsTests", "Fixtures",
                   "second_module_runs.json")

BLOCKS = {
    # id: (data, layers, loss, epochs, batch, threads, eval_mode, runs, and per run: overrides of layers, batch,
    # eval_mode and eval_batch)
    "moons-bn-dropout": dict(
        data=lambda: make_moons(n_samples=400, noise=0.2, random_state=0), test_size=0.25, split_seed=0,
        stratify=False, layers=[("linear", 16), ("batchnorm",), ("relu",), ("dropout", 0.2), ("linear", 16), ("relu",),
                                ("linear", 2)],
        seed=42, epochs=6, batch=32, threads=1, eval_mode="eval",
        runs={"SGD momentum": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
              "Adam": lambda p: torch.optim.Adam(p, lr=0.01)}),
    "moons-train-mode": dict(
        data=lambda: make_moons(n_samples=400, noise=0.2, random_state=0), test_size=0.25, split_seed=0,
        stratify=False, layers=[("linear", 16), ("batchnorm",), ("relu",), ("dropout", 0.5), ("linear", 2)],
        seed=7, epochs=4, batch=32, threads=1, eval_mode="train",
        runs={"SGD": lambda p: torch.optim.SGD(p, lr=0.05)}),
    "blobs-threads-2": dict(
        data=lambda: make_blobs(n_samples=300, n_features=4, centers=4, cluster_std=2.0, random_state=3),
        test_size=0.2, split_seed=1, stratify=True,
        layers=[("linear", 32), ("batchnorm", {"momentum": 0.3, "eps": 1e-3}), ("relu",), ("linear", 4)],
        seed=0, epochs=5, batch=50, threads=2, eval_mode="eval",
        runs={"SGD": lambda p: torch.optim.SGD(p, lr=0.1)}),
    "classification-10": dict(
        data=lambda: make_classification(n_samples=600, n_features=12, n_informative=6, n_redundant=2, n_classes=10,
                                         n_clusters_per_class=1, random_state=5),
        test_size=0.25, split_seed=2, stratify=True,
        layers=[("linear", 24), ("relu",), ("dropout", 0.1), ("linear", 10)],
        seed=1, epochs=5, batch=64, threads=1, eval_mode="eval",
        runs={"AdamW": lambda p: torch.optim.AdamW(p, lr=0.01)}),
    # Runs with their own model, batch size and evaluation (a run's `model`, `batch_size`, `evaluation`).
    "moons-run-overrides": dict(
        data=lambda: make_moons(n_samples=400, noise=0.2, random_state=0), test_size=0.25, split_seed=0,
        stratify=False, layers=[("linear", 16), ("batchnorm",), ("relu",), ("linear", 2)],
        seed=42, epochs=4, batch=32, threads=1, eval_mode="eval",
        runs={"block": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
              "own model": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
              "batches of 4": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
              "train mode in 10s": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
              "dropout, train mode in 4s": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)},
        overrides={"own model": dict(layers=[("linear", 8), ("relu",), ("dropout", 0.3), ("linear", 2)]),
                   "batches of 4": dict(batch=4),
                   "train mode in 10s": dict(eval_mode="train", eval_batch=10),
                   "dropout, train mode in 4s": dict(layers=[("linear", 16), ("batchnorm",), ("relu",), ("dropout", 0.5),
                                                             ("linear", 2)], eval_mode="train", eval_batch=4)}),
}


def build(layers, n_in):
    mods, width = [], n_in
    for layer in layers:
        if layer[0] == "linear":
            mods.append(nn.Linear(width, layer[1]))
            width = layer[1]
        elif layer[0] == "relu":
            mods.append(nn.ReLU())
        elif layer[0] == "batchnorm":
            mods.append(nn.BatchNorm1d(width, **(layer[1] if len(layer) > 1 else {})))
        else:
            mods.append(nn.Dropout(layer[1]))
    return nn.Sequential(*mods)


def r(x):
    return repr(float(np.float32(x)))


def run_block(b):
    torch.set_num_threads(b["threads"])
    X, y = b["data"]()
    idx_tr, idx_te = train_test_split(np.arange(len(y)), test_size=b["test_size"], random_state=b["split_seed"],
                                      stratify=y if b["stratify"] else None)
    sc = StandardScaler().fit(X[idx_tr])
    X_tr, X_te = torch.FloatTensor(sc.transform(X[idx_tr])), torch.FloatTensor(sc.transform(X[idx_te]))
    y_tr, y_te = torch.LongTensor(y[idx_tr]), torch.LongTensor(y[idx_te])
    out = {}
    for label, make in b["runs"].items():
        run = {**b, "eval_batch": None, **b.get("overrides", {}).get(label, {})}
        torch.manual_seed(run["seed"])
        model = build(run["layers"], X.shape[1])
        opt = make(model.parameters())
        loss_fn = nn.CrossEntropyLoss()
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_tr, y_tr), batch_size=run["batch"],
                                             shuffle=True)
        series = {"train_loss": [], "test_loss": [], "train_accuracy": [], "test_accuracy": []}
        for _ in range(b["epochs"]):
            model.train()
            for xb, yb in loader:
                opt.zero_grad()
                loss_fn(model(xb), yb).backward()
                opt.step()
            if run["eval_mode"] == "eval":
                model.eval()
            with torch.no_grad():
                for name, xs, ys in (("train", X_tr, y_tr), ("test", X_te, y_te)):
                    # In batches of eval_batch rows (a loss over batches: Σ loss × rows / n, in binary64).
                    step = run["eval_batch"] or len(xs)
                    total, correct = 0.0, 0
                    for start in range(0, len(xs), step):
                        logits = model(xs[start:start + step])
                        total += loss_fn(logits, ys[start:start + step]).item() * len(logits)
                        correct += (logits.argmax(1) == ys[start:start + step]).sum().item()
                    if step == len(xs):
                        series[f"{name}_loss"].append(r(loss_fn(logits, ys).item()))
                        series[f"{name}_accuracy"].append(r((logits.argmax(1) == ys).float().mean().item()))
                    else:
                        series[f"{name}_loss"].append(r(total / len(xs)))
                        series[f"{name}_accuracy"].append(r(correct / len(xs)))
        out[label] = series
    return out


if __name__ == "__main__":
    doc = {"what": "Per-epoch train/test loss and accuracy of small second-module train blocks (see "
                   "Tests/ExperimentsTests/Runner/SecondModuleParityTests.swift for the blocks).",
           "how": "scripts/reference/second_module_fixtures.py; torch.set_num_threads(block threads).",
           "versions": {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
                        "cpu_capability": torch.backends.cpu.get_cpu_capability()},
           "blocks": {k: run_block(b) for k, b in BLOCKS.items()}}
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", OUT)
