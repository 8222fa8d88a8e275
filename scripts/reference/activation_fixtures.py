"""Makes Tests/NumericCoreTests/Fixtures/layers_activations.json by running the REAL PyTorch: forward outputs
and input gradients of nn.Tanh, nn.Sigmoid, nn.GELU (exact and approximate='tanh'), nn.LeakyReLU, nn.SiLU and
nn.ELU on float32 tensors of sizes that exercise torch's vector blocks (16 floats with AVX2), scalar tails
and, with 2 threads, the split of tensors over 32 768 elements (GELU: 16 384) into work chunks.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/activation_fixtures.py   (from the repository root; ~5 s)

GELU (exact) runs with torch.backends.mkldnn disabled: otherwise torch hands a contiguous float32 tensor to
oneDNN, whose JIT kernel the core does not reproduce. torch.tanh is MKL's vmsTanh (closed source): the core
rounds the binary64 tanh instead, within 1 ulp; its backward is checked given torch's output.
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layer_fixtures import fnv1a64, packed, wave, write  # noqa: E402

MODULES = {
    "tanh": lambda: nn.Tanh(),
    "sigmoid": lambda: nn.Sigmoid(),
    "gelu": lambda: nn.GELU(),
    "gelu_tanh": lambda: nn.GELU(approximate="tanh"),
    "leaky_relu": lambda: nn.LeakyReLU(),
    "leaky_relu_0.2": lambda: nn.LeakyReLU(0.2),
    "silu": lambda: nn.SiLU(),
    "elu": lambda: nn.ELU(),
    "elu_0.5": lambda: nn.ELU(alpha=0.5),
}
SHAPES = [(1,), (5,), (16,), (17,), (37,), (64, 32), (37, 5), (64, 3), (2063,), (100, 7)]


def run(name, shape, scale, threads, k, digest=False):
    torch.set_num_threads(threads)
    x = wave(shape, k, scale)
    go = wave(shape, k + 1.5)
    xt = torch.from_numpy(x.copy()).requires_grad_(True)
    with torch.backends.mkldnn.flags(enabled=False):
        y = MODULES[name]()(xt)
        y.backward(torch.from_numpy(go))
    case = {"activation": name, "shape": list(shape), "scale": scale, "threads": threads, "k": k}
    if digest:
        case.update({"y_fnv1a64": fnv1a64(y.detach().numpy()), "grad_input_fnv1a64": fnv1a64(xt.grad.numpy())})
    else:
        case.update({"y": packed(y.detach().numpy()), "grad_input": packed(xt.grad.numpy())})
    return case


def main():
    cases = []
    for name in MODULES:
        for i, shape in enumerate(SHAPES):
            scale = [0.1, 1.0, 4.0][i % 3]
            cases.append(run(name, shape, scale, 1, 0.3 * i))
        # more than 32 768 elements on 2 threads: two work chunks, each with its own scalar tail (digests)
        if name in ("sigmoid", "gelu", "gelu_tanh", "elu"):
            cases.append(run(name, (40010,), 3.0, 2, 0.5, digest=True))
    torch.set_num_threads(1)
    write("layers_activations.json",
          "nn.Tanh, nn.Sigmoid, nn.GELU (exact, approximate='tanh'), nn.LeakyReLU (0.01, 0.2), nn.SiLU, nn.ELU (1, 0.5) "
          "on contiguous float32 tensors: output and input gradient.",
          "x = wave(shape, k, scale), grad_output = wave(shape, k + 1.5) with wave(shape, k, s) = f32(sin(0.37·i + k)·s) "
          "over the row-major index i; torch.set_num_threads(threads); under torch.backends.mkldnn.flags(enabled=False): "
          "y = module(x); y.backward(grad_output). The 40 010-element cases keep FNV-1a 64 digests (as in loss_crossentropy.json). The vector block (16 floats) depends on versions.cpu_capability (AVX2).",
          {"cases": cases})


if __name__ == "__main__":
    main()
