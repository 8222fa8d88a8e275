"""Makes the fixtures of the regression losses, label smoothing and gradient clipping in
Tests/NumericCoreTests/Fixtures/ by running the REAL PyTorch:

    loss_regression.json       nn.L1Loss, nn.HuberLoss(delta), nn.SmoothL1Loss(beta): value and d loss / d input
    loss_label_smoothing.json  nn.CrossEntropyLoss(label_smoothing): value and d loss / d logits
    clip_grad.json             torch.nn.utils.clip_grad_norm_ (total norm, clipped gradients; norm_type 2, 1, p, inf)
                               and clip_grad_value_

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/loss_next_fixtures.py   (from the repository root; ~2 s)

Inputs are layer_fixtures.py's wave(); one torch thread. The element-wise kernels' vector block (16 floats) and the
sums' lanes (8) depend on versions.cpu_capability (AVX2 here).
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as Fn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layer_fixtures import fnv1a64, packed, wave, write  # noqa: E402

SIZES = (1, 5, 8, 15, 16, 17, 33, 64, 100, 129, 1000, 1600, 4099)
DIGEST_ABOVE = 1000  # arrays longer than this are stored as FNV-1a 64 digests of their float32 bytes


def floats(key, a):
    """{key: packed array} for short arrays, {key_fnv1a64: digest} for long ones."""
    a = np.asarray(a, np.float32)
    return {key: packed(a)} if a.size <= DIGEST_ABOVE else {key + "_fnv1a64": fnv1a64(a)}


def regression():
    torch.set_num_threads(1)
    cases = []
    losses = {"l1": lambda o: nn.L1Loss(), "huber": lambda o: nn.HuberLoss(delta=o),
              "smooth-l1": lambda o: nn.SmoothL1Loss(beta=o)}
    for name, options in (("l1", (None,)), ("huber", (1.0, 0.5, 0.1, 2.5)), ("smooth-l1", (1.0, 0.5, 0.1, 0.0))):
        for n in SIZES:
            for option in options:
                scale = [0.3, 1.0, 3.0][n % 3]
                x = wave((n, 1), 0.5 + n * 0.01, scale)
                y = wave((n, 1), 2.0 + n * 0.02, scale)
                if n >= 8:  # some exact ties and values on the boundaries
                    y[3] = x[3]
                    if option:
                        y[5] = x[5] - np.float32(option)
                        y[6] = x[6] + np.float32(option)
                xt = torch.from_numpy(x.copy()).requires_grad_(True)
                loss = losses[name](option)(xt, torch.from_numpy(y))
                loss.backward()
                case = {"loss": name, "n": n, "scale": scale, "value": float(np.float32(loss.item())),
                        **floats("grad", xt.grad.numpy())}
                if option is not None:
                    case["option"] = option
                cases.append(case)
    write("loss_regression.json",
          "nn.L1Loss(), nn.HuberLoss(delta) and nn.SmoothL1Loss(beta) (mean) on float32 predictions [n, 1]: the loss "
          "and d loss / d prediction (arrays of more than 1 000 values as FNV-1a 64 digests).",
          "x = wave((n, 1), 0.5 + 0.01·n, scale), y = wave((n, 1), 2 + 0.02·n, scale), for n >= 8 with y[3] = x[3] and "
          "y[5], y[6] one delta/beta off x; loss = module(x, y); loss.backward(). 'option' is delta or beta.",
          {"cases": cases})


def label_smoothing():
    torch.set_num_threads(1)
    cases = []
    rng = np.random.default_rng(5)
    for B, C in [(1, 2), (5, 3), (37, 3), (64, 2), (64, 5), (48, 8), (200, 10), (37, 17), (1000, 3), (150, 40)]:
        for eps in (0.1, 0.3, 1.0):
            scale = [0.1, 1.0, 5.0][(B + C) % 3]
            x = wave((B, C), 0.1 * B + C + eps, scale)
            y = rng.integers(0, C, B)
            xt = torch.from_numpy(x.copy()).requires_grad_(True)
            loss = Fn.cross_entropy(xt, torch.from_numpy(y), label_smoothing=eps)
            loss.backward()
            cases.append({"rows": B, "classes": C, "scale": scale, "label_smoothing": eps, "targets": [int(v) for v in y],
                          "loss": float(np.float32(loss.item())), **floats("grad", xt.grad.numpy())})
    write("loss_label_smoothing.json",
          "nn.CrossEntropyLoss(label_smoothing=eps) (class indices, mean) on float32 logits [B, C]: the loss and "
          "d loss / d logits (arrays of more than 1 000 values as FNV-1a 64 digests).",
          "x = wave((B, C), 0.1·B + C + eps, scale); loss = F.cross_entropy(x, y, label_smoothing=eps); loss.backward().",
          {"cases": cases})


def clipping():
    torch.set_num_threads(1)
    cases = []
    shapes = {"4-64-32-1": [(64, 4), (64,), (32, 64), (32,), (1, 32), (1,)],
              "batchnorm": [(16, 3), (16,), (16,), (16,), (5, 16), (5,)],
              "single": [(7,)],
              "many": [(3, 3)] * 9 + [(1,)] * 3}
    settings = [{"max_norm": 1.0}, {"max_norm": 0.05}, {"max_norm": 1e3}, {"value": 0.5}, {"value": 0.003}]
    # norm_type other than 2: torch's other vector_norm kernels (1, p, inf), after the L2 cases above
    settings_p = [{"max_norm": 1.0, "norm_type": p} for p in (1.0, 3.0, 0.5, 1.5, float("inf"))]
    for group in (settings, settings_p):
        for name, tensors in shapes.items():
            for k, scale in enumerate((0.01, 1.0, 40.0)):
                grads = [wave(s, 0.3 * i + k, scale) for i, s in enumerate(tensors)]
                for clip in group:
                    params = [nn.Parameter(torch.zeros(s)) for s in tensors]
                    for p, g in zip(params, grads):
                        p.grad = torch.from_numpy(g.copy())
                    case = {"model": name, "scale": scale, "k": k, "shapes": [list(s) for s in tensors], **clip}
                    if "max_norm" in clip:
                        norm_type = clip.get("norm_type", 2.0)
                        if norm_type == float("inf"):
                            case["norm_type"] = "inf"
                        total = torch.nn.utils.clip_grad_norm_(params, clip["max_norm"], norm_type=norm_type)
                        case["total_norm"] = float(np.float32(total.item()))
                        case["norms"] = [float(np.float32(torch.linalg.vector_norm(torch.from_numpy(g), norm_type).item()))
                                         for g in grads]
                    else:
                        torch.nn.utils.clip_grad_value_(params, clip["value"])
                    case.update(floats("clipped", np.concatenate([p.grad.numpy().ravel() for p in params])))
                    cases.append(case)
    write("clip_grad.json",
          "torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type) (default foreach path on CPU; norm_type 2 "
          "unless given, 'inf' for float('inf')) and clip_grad_value_(params, value) on float32 gradients: the total "
          "norm, each tensor's norm and the clipped gradients, flat in parameter order (more than 1 000 values as an "
          "FNV-1a 64 digest).",
          "grad_i = wave(shape_i, 0.3·i + k, scale) for the i-th tensor of 'shapes'.",
          {"cases": cases})


if __name__ == "__main__":
    regression()
    label_smoothing()
    clipping()
