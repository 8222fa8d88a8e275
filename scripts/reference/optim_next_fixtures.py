"""Makes Tests/NumericCoreTests/Fixtures/optim_next_traces.json by running the REAL torch.optim RMSprop, Adagrad,
NAdam, RAdam and Adamax (CPU, float32 parameters, single-tensor path) for 40 steps on given gradients.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/optim_next_fixtures.py   (from the repository root; ~3 s)

Every step's parameters are recorded. Adamax takes no square root and is reproduced bitwise; the others take
torch's sqrt, which is MKL's (1 ulp off the IEEE root for ~20 % of float32 inputs), so the Swift core (IEEE sqrt)
follows them within a bound the tests state.
"""
import os
import sys

import numpy as np
import torch
from torch import nn, optim

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layer_fixtures import packed, wave, write  # noqa: E402

CONFIGS = {
    "RMSprop()": lambda q: optim.RMSprop(q),
    "RMSprop(lr=1e-3, momentum=0.9)": lambda q: optim.RMSprop(q, lr=1e-3, momentum=0.9),
    "RMSprop(centered=True, weight_decay=1e-2)": lambda q: optim.RMSprop(q, centered=True, weight_decay=1e-2),
    "Adagrad()": lambda q: optim.Adagrad(q),
    "Adagrad(lr_decay=1e-2, weight_decay=1e-3, initial_accumulator_value=0.1)":
        lambda q: optim.Adagrad(q, lr_decay=1e-2, weight_decay=1e-3, initial_accumulator_value=0.1),
    "NAdam()": lambda q: optim.NAdam(q),
    "NAdam(weight_decay=1e-2)": lambda q: optim.NAdam(q, weight_decay=1e-2),
    "NAdam(weight_decay=1e-2, decoupled_weight_decay=True)":
        lambda q: optim.NAdam(q, weight_decay=1e-2, decoupled_weight_decay=True),
    "RAdam()": lambda q: optim.RAdam(q),
    "RAdam(weight_decay=1e-2)": lambda q: optim.RAdam(q, weight_decay=1e-2),
    "RAdam(weight_decay=1e-2, decoupled_weight_decay=True)":
        lambda q: optim.RAdam(q, weight_decay=1e-2, decoupled_weight_decay=True),
    "Adamax()": lambda q: optim.Adamax(q),
    "Adamax(lr=1e-2, weight_decay=1e-2)": lambda q: optim.Adamax(q, lr=1e-2, weight_decay=1e-2),
}
SIZES = (1, 5, 37, 64)
STEPS = 40


def main():
    torch.set_num_threads(1)
    traces = []
    for name, make in CONFIGS.items():
        for n in SIZES:
            start = wave((n,), 0.7 * n, 1.0)
            grads = np.stack([wave((n,), 0.11 * s + n, 10 ** (-3 + (s % 4))) for s in range(STEPS)])
            p = nn.Parameter(torch.from_numpy(start.copy()))
            opt = make([p])
            params = []
            for s in range(STEPS):
                p.grad = torch.from_numpy(grads[s].copy())
                opt.step()
                params.append(p.detach().numpy().copy())
            traces.append({"optimizer": name, "size": n, "params": packed(np.stack(params))})
    write("optim_next_traces.json",
          "torch.optim RMSprop, Adagrad, NAdam, RAdam, Adamax (float32, CPU single-tensor path): the parameters "
          "after each of 40 steps.",
          "start = wave((n,), 0.7·n, 1), gradient of step s = wave((n,), 0.11·s + n, 10^(−3 + s mod 4)) with "
          "wave(shape, k, scale) = f32(sin(0.37·i + k)·scale) over the index i; p = nn.Parameter(start); "
          "opt = <optimizer>([p]); per step: p.grad = gradient; opt.step(). params is [40, n].",
          {"sizes": list(SIZES), "steps": STEPS, "traces": traces})


if __name__ == "__main__":
    main()
