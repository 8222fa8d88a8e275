"""Makes the layer, loss and data-set fixtures of the second module ("Batch normalisation and dropout") in
Tests/NumericCoreTests/Fixtures/ by running the REAL PyTorch and scikit-learn:

    layers_dropout.json      nn.Dropout masks, values, gradients and generator position; a training-loop sequence
    layers_batchnorm.json    nn.BatchNorm1d train/eval forward, running statistics, backward, for T = 1 and 2 threads
    loss_crossentropy.json   nn.CrossEntropyLoss value, d/dlogits and log_softmax
    data_shapes.json         make_moons, make_circles, make_blobs

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/layer_fixtures.py   (from the repository root; ~10 s)

Reproducibility: torch picks its element-wise kernels by CPU (AVX2 here: 8 float lanes; AVX-512: 16, which
changes CrossEntropyLoss's sums for C >= 8); the file records the capability it ran with, and the Swift core
models AVX2. BatchNorm's batch statistics depend on torch.get_num_threads(): every case sets it explicitly.
""" + """
Number formats: float32 numbers are the exact binary64 value of the float32; arrays as {dtype, shape, b64}
are base64 of little-endian row-major bytes (f32 = binary32, f64 = binary64, u16 = uint16).
"""
import base64
import json
import os
import sys

import numpy as np
import sklearn
import torch
import torch.nn as nn
import torch.nn.functional as Fn
from sklearn.datasets import make_blobs, make_circles, make_moons

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "NumericCoreTests", "Fixtures")
VERSIONS = {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
            "python": sys.version.split()[0], "cpu_capability": torch.backends.cpu.get_cpu_capability()}
FORMAT = ("float32 numbers are the exact binary64 value of the float32; arrays as {dtype, shape, b64} are "
          "base64 of little-endian row-major bytes (f32 = binary32, f64 = binary64, u16 = uint16).")


def packed(a, dtype="f32"):
    a = np.ascontiguousarray(np.asarray(a, dtype={"f32": "<f4", "f64": "<f8", "u16": "<u2"}[dtype]))
    return {"dtype": dtype, "shape": list(a.shape), "b64": base64.b64encode(a.tobytes()).decode()}


def write(name, what, how, body):
    doc = {"what": what, "how": how + " " + FORMAT, "versions": VERSIONS}
    doc.update(body)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", name, os.path.getsize(os.path.join(OUT, name)), "bytes")


def wave(shape, k, scale=1.0):
    """Inputs both sides can make: f32(sin(0.37·i + k)·scale) over the row-major index i (numpy's float64 sin is
    glibc's on this machine, the one Swift's Foundation calls)."""
    n = int(np.prod(shape))
    return (np.sin(np.arange(n) * 0.37 + k) * scale).astype(np.float32).reshape(shape)


def fnv1a64(a):
    h = 0xCBF29CE484222325
    for byte in np.ascontiguousarray(np.asarray(a, "<f4")).tobytes():
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def next_int64():
    return int(torch.empty((), dtype=torch.int64).random_().item())


# ── Dropout ───────────────────────────────────────────────────────────────────────────────────────────────
def dropout():
    torch.set_num_threads(1)
    cases = []
    for seed in (0, 42, 2 ** 32 - 1):
        for p in (0.1, 0.5, 0.15, 0.9):
            for shape in ((7,), (64, 32), (37, 5), (1, 1000)):
                x = wave(shape, 1.0, 2.0)
                go = wave(shape, 2.0)
                torch.manual_seed(seed)
                xt = torch.from_numpy(x.copy()).requires_grad_(True)
                y = nn.Dropout(p)(xt)
                after = next_int64()
                y.backward(torch.from_numpy(go))
                cases.append({"seed": seed, "p": p, "shape": list(shape), "y": packed(y.detach().numpy()),
                              "grad_input_fnv1a64": fnv1a64(xt.grad.numpy()), "next_int64": after})
    quiet = []
    for p, training in ((0.0, True), (1.0, True), (0.5, False)):
        torch.manual_seed(3)
        m = nn.Dropout(p)
        m.train(training)
        y = m(torch.arange(1.0, 51.0))
        quiet.append({"p": p, "training": training, "y": packed(y.numpy()), "next_int64": next_int64()})
    # manual_seed -> Linear(8, 16) init -> per epoch DataLoader(150 rows, batch 64, shuffle) -> Dropout(0.5) per batch
    from torch.utils.data import DataLoader, TensorDataset
    torch.manual_seed(42)
    lin = nn.Linear(8, 16)
    drop = nn.Dropout(0.5)
    xs = torch.from_numpy(wave((150, 8), 0.5))
    loader = DataLoader(TensorDataset(torch.arange(150)), batch_size=64, shuffle=True)
    batches = []
    with torch.no_grad():
        for _ in range(2):
            for (idx,) in loader:
                out = drop(lin(xs[idx]))
                batches.append({"rows": [int(i) for i in idx], "output": packed(out.numpy())})
    sequence = {"weight": packed(lin.weight.detach().numpy()),
                "bias": packed(lin.bias.detach().numpy()), "batches": batches, "next_int64": next_int64()}
    write("layers_dropout.json",
          "nn.Dropout(p) in training mode on float32 tensors: output, gradient of the input, and the generator's "
          "next int64 afterwards; p = 0 / p = 1 / eval mode (no draws); a training-loop sequence.",
          "x = wave(shape, 1, 2), grad_output = wave(shape, 2) with wave(shape, k, s) = f32(sin(0.37·i + k)·s) over the "
          "row-major index i; torch.manual_seed(seed); y = nn.Dropout(p)(x); next = torch.empty((), dtype=torch.int64).random_(); "
          "y.backward(grad_output). Sequence: manual_seed(42), nn.Linear(8, 16), then 2 epochs of "
          "DataLoader(TensorDataset(arange(150)), batch_size=64, shuffle=True), each batch dropout(linear(x[rows])) "
          "under no_grad.",
          {"cases": cases, "no_draws": quiet, "sequence": sequence})


# ── BatchNorm1d ───────────────────────────────────────────────────────────────────────────────────────────
def batchnorm():
    cases = []
    shapes = [(64, 32), (64, 7), (37, 32), (128, 3), (5, 40), (2, 17), (64, 9), (96, 64), (3, 1), (63, 20)]
    options = [{}, {"momentum": 0.3, "eps": 1e-3}, {"affine": False}]
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for i, (n, c) in enumerate(shapes):
            opts = options[i % len(options)]
            rng = np.random.default_rng(100 * threads + i)
            scale = [0.1, 1.0, 10.0][i % 3]
            x = wave((n, c), 0.25 * i, scale)
            x2 = wave((n, c), 3.0 + i, scale)
            go = wave((n, c), 7.0 - i)
            bn = nn.BatchNorm1d(c, **opts)
            with torch.no_grad():
                if bn.affine:
                    bn.weight.copy_(torch.from_numpy(rng.uniform(0.5, 1.5, c).astype(np.float32)))
                    bn.bias.copy_(torch.from_numpy(rng.uniform(-0.5, 0.5, c).astype(np.float32)))
                bn.running_mean.copy_(torch.from_numpy(rng.uniform(-0.2, 0.2, c).astype(np.float32)))
                bn.running_var.copy_(torch.from_numpy(rng.uniform(0.5, 2.0, c).astype(np.float32)))
            case = {"rows": n, "features": c, "threads": threads, "options": opts,
                    "weight": packed(bn.weight.detach().numpy()) if bn.affine else None,
                    "bias": packed(bn.bias.detach().numpy()) if bn.affine else None,
                    "running_mean_0": packed(bn.running_mean.numpy()), "running_var_0": packed(bn.running_var.numpy()),
                    "scale": scale, "case": i}
            bn.train()
            xt = torch.from_numpy(x.copy()).requires_grad_(True)
            y = bn(xt)
            y.backward(torch.from_numpy(go))
            case.update({"y": packed(y.detach().numpy()), "grad_input": packed(xt.grad.numpy()),
                         "running_mean_1": packed(bn.running_mean.numpy()),
                         "running_var_1": packed(bn.running_var.numpy())})
            if bn.affine:
                case.update({"grad_weight": packed(bn.weight.grad.numpy()), "grad_bias": packed(bn.bias.grad.numpy())})
            with torch.no_grad():
                y2 = bn(torch.from_numpy(x2.copy()))                  # a second training step's statistics
            case.update({"y2": packed(y2.numpy()), "running_mean_2": packed(bn.running_mean.numpy()),
                         "running_var_2": packed(bn.running_var.numpy())})
            bn.eval()
            with torch.no_grad():
                case["y_eval"] = packed(bn(torch.from_numpy(x2.copy())).numpy())
            cases.append(case)
    torch.set_num_threads(1)
    write("layers_batchnorm.json",
          "nn.BatchNorm1d(C, **options) on contiguous float32 [N, C] batches: a training step (output, input/weight/"
          "bias gradients, running statistics), a second training forward, then an eval forward; T = 1 and 2 threads.",
          "x = wave((N, C), 0.25·case, scale), x2 = wave((N, C), 3 + case, scale), grad_output = wave((N, C), 7 − case), "
          "wave as in layers_dropout.json; torch.set_num_threads(threads); weight, bias and running statistics set from uniform draws; bn.train(); "
          "y = bn(x); y.backward(grad_output); y2 = bn(x2) (no_grad); bn.eval(); y_eval = bn(x2). running_*_k are "
          "the statistics after k training forwards.",
          {"cases": cases})


# ── CrossEntropyLoss ──────────────────────────────────────────────────────────────────────────────────────
def cross_entropy():
    torch.set_num_threads(1)
    cases = []
    rng = np.random.default_rng(3)
    for B, C in [(b, c) for b in (1, 5, 37, 64, 200) for c in (2, 3, 5, 8, 10, 17, 40)] + [(1000, 3), (1000, 10)]:
        if True:
            scale = [0.1, 1.0, 5.0, 30.0][(B + C) % 4]
            x = wave((B, C), 0.1 * B + C, scale)
            y = rng.integers(0, C, B)
            xt = torch.from_numpy(x.copy()).requires_grad_(True)
            loss = Fn.cross_entropy(xt, torch.from_numpy(y))
            loss.backward()
            cases.append({"rows": B, "classes": C, "scale": scale, "targets": [int(v) for v in y],
                          "loss": float(np.float32(loss.item())), "grad": packed(xt.grad.numpy()),
                          "log_softmax_fnv1a64": fnv1a64(torch.log_softmax(torch.from_numpy(x), 1).numpy())})
    write("loss_crossentropy.json",
          "nn.CrossEntropyLoss() (class indices, mean) on float32 logits [B, C]: loss, d loss / d logits, "
          "log_softmax.",
          "x = wave((B, C), 0.1·B + C, scale) as in layers_dropout.json; loss = F.cross_entropy(x, y); loss.backward(); torch.log_softmax(x, 1). The kernels' lane count depends on "
          "versions.cpu_capability (AVX2: 8).",
          {"cases": cases})


# ── data sets ─────────────────────────────────────────────────────────────────────────────────────────────
def shapes():
    out = []
    for kw in ({"n_samples": 100, "noise": 0.1, "random_state": 0}, {"n_samples": 1001, "noise": 0.3, "random_state": 42},
               {"n_samples": 7, "random_state": 5}, {"n_samples": 200, "noise": 0.2, "shuffle": False, "random_state": 1}):
        X, y = make_moons(**kw)
        out.append({"generator": "make_moons", "params": kw, "X": packed(X, "f64"), "y": [int(v) for v in y]})
    for kw in ({"n_samples": 100, "noise": 0.05, "factor": 0.5, "random_state": 0},
               {"n_samples": 999, "noise": 0.1, "random_state": 42}, {"n_samples": 9, "random_state": 3}):
        X, y = make_circles(**kw)
        out.append({"generator": "make_circles", "params": kw, "X": packed(X, "f64"), "y": [int(v) for v in y]})
    for kw in ({"n_samples": 100, "random_state": 0}, {"n_samples": 1000, "n_features": 5, "centers": 4,
                                                        "cluster_std": 1.5, "random_state": 42},
               {"n_samples": 301, "n_features": 2, "centers": 7, "cluster_std": 0.5, "center_box": (-3.0, 3.0),
                "random_state": 9}):
        X, y = make_blobs(**kw)
        params = dict(kw)
        if "center_box" in params:
            params["center_box"] = list(params["center_box"])
        out.append({"generator": "make_blobs", "params": params, "X": packed(X, "f64"), "y": [int(v) for v in y]})
    write("data_shapes.json", "scikit-learn's make_moons, make_circles and make_blobs: features and labels.",
          "X, y = sklearn.datasets.<generator>(**params).", {"cases": out})


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for job in (dropout, batchnorm, cross_entropy, shapes):
        job()
