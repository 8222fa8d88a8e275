"""Makes Tests/NumericCoreTests/Fixtures/layers_layernorm.json (and layers_layernorm_rows.json: row statistics of
many long rows) by running the REAL PyTorch: nn.LayerNorm(C) forward
(output, per-row mean and rstd from torch.native_layer_norm) and backward (input, weight and bias gradients) on
float32 [N, C] batches, with and without elementwise_affine, for T = 1 and 2 threads.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/layernorm_fixtures.py   (from the repository root; ~2 s)

Inputs are wave(shape, k, s) = f32(sin(0.37·i + k)·s) over the row-major index i (plus an offset for some cases, so
the rows' means are far from 0), as layer_fixtures.py makes them; weights and biases from numpy's default_rng.
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layer_fixtures import packed, wave, write  # noqa: E402

# (rows, features): below one 8-lane vector, whole vectors, tails, more than one 16-vector chunk, a deep cascade.
SHAPES = [(4, 7), (3, 8), (5, 13), (6, 64), (3, 100), (2, 129), (2, 300), (2, 2100), (7, 3), (64, 32), (2, 1),
          (37, 20)]
OPTIONS = [{}, {"eps": 1e-3}, {"elementwise_affine": False}]


def layernorm():
    cases = []
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for i, (n, c) in enumerate(SHAPES):
            opts = OPTIONS[i % len(OPTIONS)]
            scale = [0.1, 1.0, 10.0, 1000.0][i % 4]
            offset = 3.0 * scale * (i % 2)
            x = (wave((n, c), 0.25 * i, scale) + np.float32(offset)).astype(np.float32)
            go = wave((n, c), 7.0 - i)
            ln = nn.LayerNorm(c, **opts)
            rng = np.random.default_rng(100 * threads + i)
            if ln.elementwise_affine:
                with torch.no_grad():
                    ln.weight.copy_(torch.from_numpy(rng.uniform(0.5, 1.5, c).astype(np.float32)))
                    ln.bias.copy_(torch.from_numpy(rng.uniform(-0.5, 0.5, c).astype(np.float32)))
            xt = torch.from_numpy(x.copy()).requires_grad_(True)
            y = ln(xt)
            y.backward(torch.from_numpy(go))
            _, mean, rstd = torch.native_layer_norm(torch.from_numpy(x), [c], ln.weight, ln.bias, ln.eps)
            case = {"rows": n, "features": c, "threads": threads, "options": opts, "case": i, "scale": scale,
                    "offset": offset, "x": packed(x), "y": packed(y.detach().numpy()),
                    "mean": packed(mean.numpy().ravel()), "rstd": packed(rstd.numpy().ravel()),
                    "grad_input": packed(xt.grad.numpy())}
            if ln.elementwise_affine:
                case.update({"weight": packed(ln.weight.detach().numpy()), "bias": packed(ln.bias.detach().numpy()),
                             "grad_weight": packed(ln.weight.grad.numpy()), "grad_bias": packed(ln.bias.grad.numpy())})
            cases.append(case)
    write("layers_layernorm.json",
          "nn.LayerNorm(C, eps, elementwise_affine) on float32 [N, C]: output, per-row mean and rstd, and the "
          "gradients of input, weight and bias, for T = 1 and 2 threads.",
          "x = wave((N, C), 0.25·i, scale) + offset, grad_output = wave((N, C), 7 − i) with wave(shape, k, s) = "
          "f32(sin(0.37·j + k)·s) over the row-major index j (x is also stored); weight ~ U(0.5, 1.5), bias ~ "
          "U(−0.5, 0.5) from numpy default_rng(100·T + i); torch.set_num_threads(T); y = ln(x); y.backward(grad_output); "
          "mean and rstd from torch.native_layer_norm.",
          {"cases": cases})


def long_rows():
    """Row statistics only, many rows per length, for the variance's cascade beyond 8 vectors (64 features)."""
    torch.set_num_threads(1)
    cases = []
    for c in (72, 128, 136, 200, 257, 520, 1000, 2100):
        for j, (scale, offset) in enumerate(((1.0, 0.0), (10.0, 30.0), (0.01, 0.5))):
            n = 32
            x = (wave((n, c), 0.1 * c + j, scale) + np.float32(offset)).astype(np.float32)
            _, mean, rstd = torch.native_layer_norm(torch.from_numpy(x), [c], None, None, 1e-12)
            cases.append({"rows": n, "features": c, "k": 0.1 * c + j, "scale": scale, "offset": offset,
                          "mean": packed(mean.numpy().ravel()), "rstd": packed(rstd.numpy().ravel())})
    write("layers_layernorm_rows.json",
          "Per-row mean and rstd of torch.native_layer_norm (no affine, eps 1e-12, so rstd shows the variance's last "
          "bits) for 32 rows of each of 8 lengths from 72 to 2 100 features at three scales.",
          "x = wave((32, C), k, scale) + offset with wave(shape, k, s) = f32(sin(0.37·j + k)·s) over the row-major index "
          "j; k, scale and offset per case (k is 0.1·C + j as a binary64 number).",
          {"cases": cases})


if __name__ == "__main__":
    layernorm()
    long_rows()
