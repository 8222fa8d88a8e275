"""Makes Tests/NumericCoreTests/Fixtures/sched_next_sequences.json by running the REAL torch.optim.lr_scheduler
ExponentialLR, MultiStepLR, ConstantLR and LinearLR: the lr after construction and after each scheduler.step();
and sched_restart_sequences.json the same for CosineAnnealingWarmRestarts and SequentialLR (whose sub-schedulers
are built on the same optimiser before it, as torch requires).

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

SEQ = S.SequentialLR
RESTART_CASES = {
    "CosineAnnealingWarmRestarts(T_0=10)": (0.1, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=10), 45),
    "CosineAnnealingWarmRestarts(T_0=5, T_mult=2, eta_min=1e-4)": (
        0.05, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2, eta_min=1e-4), 80),
    "CosineAnnealingWarmRestarts(T_0=1)": (3e-3, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=1), 5),
    "CosineAnnealingWarmRestarts(T_0=3, T_mult=3, eta_min=0.013)": (
        0.7, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=3, eta_min=0.013), 60),
    "SequentialLR([LinearLR(start_factor=0.1, total_iters=5), CosineAnnealingLR(T_max=45)], [5])": (
        0.1, lambda o: SEQ(o, [S.LinearLR(o, start_factor=0.1, total_iters=5), S.CosineAnnealingLR(o, T_max=45)], [5]), 60),
    "SequentialLR([ConstantLR(factor=0.5, total_iters=3), ExponentialLR(gamma=0.9)], [4])": (
        0.02, lambda o: SEQ(o, [S.ConstantLR(o, factor=0.5, total_iters=3), S.ExponentialLR(o, gamma=0.9)], [4]), 20),
    "SequentialLR([LinearLR(), CosineAnnealingLR(T_max=20, eta_min=1e-3), StepLR(step_size=5, gamma=0.5)], [3, 23])": (
        0.03, lambda o: SEQ(o, [S.LinearLR(o), S.CosineAnnealingLR(o, T_max=20, eta_min=1e-3),
                                S.StepLR(o, step_size=5, gamma=0.5)], [3, 23]), 40),
    "SequentialLR([ExponentialLR(gamma=0.8), CosineAnnealingWarmRestarts(T_0=4, T_mult=2, eta_min=1e-5), "
    "MultiStepLR(milestones=[2, 5])], [6, 20])": (
        0.1, lambda o: SEQ(o, [S.ExponentialLR(o, gamma=0.8), S.CosineAnnealingWarmRestarts(o, T_0=4, T_mult=2, eta_min=1e-5),
                               S.MultiStepLR(o, [2, 5])], [6, 20]), 30),
    "SequentialLR([LambdaLR((step + 1) / 5), ConstantLR(factor=0.3, total_iters=0)], [5])": (
        0.01, lambda o: SEQ(o, [S.LambdaLR(o, lambda s: (s + 1) / 5), S.ConstantLR(o, factor=0.3, total_iters=0)], [5]), 12),
    "SequentialLR([StepLR(step_size=3)], [])": (0.5, lambda o: SEQ(o, [S.StepLR(o, step_size=3)], []), 10),
    "SequentialLR([CosineAnnealingLR(T_max=10, eta_min=0.0013), LinearLR(start_factor=0.5, total_iters=4)], [7])": (
        0.0917, lambda o: SEQ(o, [S.CosineAnnealingLR(o, T_max=10, eta_min=0.0013),
                                  S.LinearLR(o, start_factor=0.5, total_iters=4)], [7]), 15),
    "SequentialLR([ConstantLR(factor=0.1, total_iters=2), CosineAnnealingLR(T_max=7, eta_min=0.003)], [2])": (
        0.3, lambda o: SEQ(o, [S.ConstantLR(o, factor=0.1, total_iters=2), S.CosineAnnealingLR(o, T_max=7, eta_min=0.003)],
                           [2]), 20),
}


def sequences(cases):
    out = {}
    for name, (base, make, steps) in cases.items():
        opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=base)
        sched = make(opt)
        lrs = [opt.param_groups[0]["lr"]]
        for _ in range(steps):
            opt.step()
            sched.step()
            lrs.append(opt.param_groups[0]["lr"])
        out[name] = {"base_lr": repr(base), "lr": [repr(float(v)) for v in lrs]}
    return out


def main():
    warnings.simplefilter("ignore")
    out = sequences(CASES)
    write("sched_restart_sequences.json",
          "lr after construction and after each scheduler.step() of CosineAnnealingWarmRestarts and SequentialLR "
          "(torch.optim.lr_scheduler).",
          "SGD([p], lr=base_lr); the sub-schedulers, then SequentialLR over them; per step opt.step(); sched.step(). "
          "Values are binary64 reprs (strings).",
          {"sequences": sequences(RESTART_CASES)})
    write("sched_next_sequences.json",
          "lr after construction and after each scheduler.step() of ExponentialLR, MultiStepLR, ConstantLR and LinearLR "
          "(torch.optim.lr_scheduler).",
          "SGD([p], lr=base_lr); scheduler; per step opt.step(); sched.step(). Values are binary64 reprs (strings).",
          {"sequences": out})

if __name__ == "__main__":
    main()
