"""Makes Tests/NumericCoreTests/Fixtures/sched_next_sequences.json by running the REAL torch.optim.lr_scheduler
ExponentialLR, MultiStepLR, ConstantLR and LinearLR: the lr after construction and after each scheduler.step().

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/scheduler_next_fixtures.py   (from the repository root; ~1 s)

Values are Python reprs of binary64 lrs (strings: exact).
"""
import os
import sys
import warnings

import torch
from torch.optim import lr_scheduler as S

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layer_fixtures import write  # noqa: E402

CASES = {
    "ExponentialLR(gamma=0.9)": (0.1, lambda o: S.ExponentialLR(o, gamma=0.9), 60),
    "ExponentialLR(gamma=0.999)": (3e-4, lambda o: S.ExponentialLR(o, gamma=0.999), 200),
    "MultiStepLR(milestones=[3, 7, 7, 20], gamma=0.5)": (0.01, lambda o: S.MultiStepLR(o, [3, 7, 7, 20], gamma=0.5), 30),
    "MultiStepLR(milestones=[30, 80])": (1e-3, lambda o: S.MultiStepLR(o, [30, 80]), 100),
    "ConstantLR()": (0.1, lambda o: S.ConstantLR(o), 10),
    "ConstantLR(factor=0.3, total_iters=4)": (0.07, lambda o: S.ConstantLR(o, factor=0.3, total_iters=4), 10),
    "LinearLR()": (0.1, lambda o: S.LinearLR(o), 10),
    "LinearLR(start_factor=0.1, end_factor=0.9, total_iters=37)": (
        3e-3, lambda o: S.LinearLR(o, start_factor=0.1, end_factor=0.9, total_iters=37), 50),
    "LinearLR(start_factor=1.0, end_factor=0.0, total_iters=20)": (
        0.05, lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.0, total_iters=20), 25),
}


def main():
    warnings.simplefilter("ignore")
    out = {}
    for name, (base, make, steps) in CASES.items():
        opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=base)
        sched = make(opt)
        lrs = [opt.param_groups[0]["lr"]]
        for _ in range(steps):
            opt.step()
            sched.step()
            lrs.append(opt.param_groups[0]["lr"])
        out[name] = {"base_lr": repr(base), "lr": [repr(float(v)) for v in lrs]}
    write("sched_next_sequences.json",
          "lr after construction and after each scheduler.step() of ExponentialLR, MultiStepLR, ConstantLR and LinearLR "
          "(torch.optim.lr_scheduler).",
          "SGD([p], lr=base_lr); scheduler; per step opt.step(); sched.step(). Values are binary64 reprs (strings).",
          {"sequences": out})

if __name__ == "__main__":
    main()
