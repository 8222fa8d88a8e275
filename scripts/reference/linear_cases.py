"""One Linear layer's products as the real PyTorch computes them, for the fixture scripts that pin MKL's orders
(small_batch_fixtures.py, long_sum_fixtures.py): random inputs, torch's forward pass and gradients, one case dict."""
import base64

import numpy as np
import torch
import torch.nn.functional as Fn


def packed(a, dtype="f32"):
    a = np.ascontiguousarray(np.asarray(a, dtype={"f32": "<f4", "u16": "<u2"}[dtype]))
    return {"dtype": dtype, "shape": list(a.shape), "b64": base64.b64encode(a.tobytes()).decode()}


def linear_case(rng, rows, fin, fout, grad_rng=None):
    """x [rows, in], W [out, in] (×0.3), b [out] (×0.1) drawn from `rng` in that order, then the upstream gradient
    g [rows, out] from `grad_rng` (default `rng`); torch's y = F.linear(x, W, b), and dx, dW of y.backward(g)."""
    x = rng.standard_normal((rows, fin)).astype(np.float32)
    w = (rng.standard_normal((fout, fin)) * 0.3).astype(np.float32)
    b = (rng.standard_normal(fout) * 0.1).astype(np.float32)
    g = (grad_rng or rng).standard_normal((rows, fout)).astype(np.float32)
    wt = torch.from_numpy(w.copy()).requires_grad_(True)
    xt = torch.from_numpy(x.copy()).requires_grad_(True)
    y = Fn.linear(xt, wt, torch.from_numpy(b))
    y.backward(torch.from_numpy(g))
    return {"rows": rows, "in": fin, "out": fout, "x": packed(x), "weight": packed(w), "bias": packed(b),
            "grad_output": packed(g), "y": packed(y.detach().numpy()), "grad_input": packed(xt.grad.numpy()),
            "grad_weight": packed(wt.grad.numpy())}
