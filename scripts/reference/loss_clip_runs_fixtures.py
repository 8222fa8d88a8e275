"""Makes Tests/ExperimentsTests/Fixtures/loss_clip_runs.json: per-epoch figures of short train blocks with the
regression losses (L1Loss, HuberLoss, SmoothL1Loss), CrossEntropyLoss with label smoothing, gradient clipping by
norm and by value, and the schedulers CosineAnnealingWarmRestarts and SequentialLR, computed by the REAL PyTorch
and scikit-learn the way the lessons' scripts train (seed, model, DataLoader order, eval after every epoch).

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/loss_clip_runs_fixtures.py   (from the repository root; ~10 s)

The blocks are written out as experiment blocks in Tests/ExperimentsTests/Runner/LossClipRunParityTests.swift.
"""
import json
import os
import sys
import warnings

import numpy as np
import sklearn
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.datasets import make_moons
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.optim import lr_scheduler as S

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "content", "optimisers"))
from delivery_data import make_delivery_data  # noqa: E402

OUT = os.path.join(ROOT, "Tests", "ExperimentsTests", "Fixtures", "loss_clip_runs.json")
CLIP_NORM = lambda ps: torch.nn.utils.clip_grad_norm_(ps, 0.5)  # noqa: E731
CLIP_VALUE = lambda ps: torch.nn.utils.clip_grad_value_(ps, 0.05)  # noqa: E731
SGD = lambda p: optim.SGD(p, lr=0.05, momentum=0.9)  # noqa: E731
ADAM = lambda p: optim.Adam(p, lr=0.01)  # noqa: E731


def sequential(o):
    return S.SequentialLR(o, [S.LinearLR(o, start_factor=0.2, total_iters=2),
                              S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=1e-4)], [2])


REGRESSION = dict(n=1000, seed=11, noise=4.0, split_seed=11, layers=[4, 32, 16, 1], model_seed=5, batch=32, epochs=10)
BLOCKS = {
    "l1": dict(REGRESSION, loss=lambda: nn.L1Loss(), runs={"SGD": (SGD, None), "Adam": (ADAM, None)}),
    "huber": dict(REGRESSION, loss=lambda: nn.HuberLoss(delta=0.5), runs={"SGD": (SGD, None), "Adam": (ADAM, None)}),
    "smooth-l1": dict(REGRESSION, loss=lambda: nn.SmoothL1Loss(beta=0.5),
                      runs={"SGD": (SGD, None), "Adam": (ADAM, None)}),
    "clip-norm": dict(REGRESSION, loss=lambda: nn.MSELoss(), clip=CLIP_NORM,
                      runs={"SGD": (SGD, None), "Adam": (ADAM, None)}),
    "clip-value": dict(REGRESSION, loss=lambda: nn.MSELoss(), clip=CLIP_VALUE,
                       runs={"SGD": (SGD, None), "Adam": (ADAM, None)}),
    "label-smoothing": dict(moons=True, layers=[2, 16, 16, 2], model_seed=42, batch=32, epochs=10,
                            loss=lambda: nn.CrossEntropyLoss(label_smoothing=0.1), clip=CLIP_NORM,
                            runs={"SGD": (SGD, None), "Adam + SequentialLR": (ADAM, sequential)}),
}


def r(x):
    return repr(float(x))


def data(b):
    if b.get("moons"):
        X, y = make_moons(n_samples=400, noise=0.2, random_state=0)
        i_tr, i_te = train_test_split(np.arange(len(y)), test_size=0.25, random_state=0)
        sc = StandardScaler().fit(X[i_tr])
        return (torch.FloatTensor(sc.transform(X[i_tr])), torch.LongTensor(y[i_tr]),
                torch.FloatTensor(sc.transform(X[i_te])), torch.LongTensor(y[i_te]), None)
    X, y = make_delivery_data(n=b["n"], seed=b["seed"], noise=b["noise"])
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=b["split_seed"])
    X_mean, X_std = X_tr.mean(0), X_tr.std(0) + 1e-8
    y_mean, y_std = y_tr.mean(), y_tr.std() + 1e-8
    return (torch.FloatTensor((X_tr - X_mean) / X_std), torch.FloatTensor((y_tr - y_mean) / y_std),
            torch.FloatTensor((X_te - X_mean) / X_std), torch.FloatTensor((y_te - y_mean) / y_std),
            (y_te, y_mean, y_std))


def run_block(b):
    torch.set_num_threads(1)
    Xt, yt, Xe, ye, regression = data(b)
    out = {}
    for label, (make, schedule) in b["runs"].items():
        torch.manual_seed(b["model_seed"])
        mods, sizes = [], b["layers"]
        for i in range(len(sizes) - 1):
            mods.append(nn.Linear(sizes[i], sizes[i + 1]))
            if i < len(sizes) - 2:
                mods.append(nn.ReLU())
        model = nn.Sequential(*mods)
        opt, loss_fn = make(model.parameters()), b["loss"]()
        sched = schedule(opt) if schedule else None
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(Xt, yt), batch_size=b["batch"], shuffle=True)
        series = {"train_loss": [], "test_loss": [], "lr": []}
        series.update({"test_mae": []} if regression else {"train_accuracy": [], "test_accuracy": []})
        for _ in range(b["epochs"]):
            model.train()
            lr = opt.param_groups[0]["lr"]
            for xb, yb in loader:
                opt.zero_grad()
                loss_fn(model(xb), yb).backward()
                if b.get("clip"):
                    b["clip"](model.parameters())
                opt.step()
            model.eval()
            with torch.no_grad():
                series["lr"].append(r(lr))
                for name, xs, ys in (("train", Xt, yt), ("test", Xe, ye)):
                    out_ = model(xs)
                    series[f"{name}_loss"].append(r(np.float32(loss_fn(out_, ys).item())))
                    if regression is None:
                        series[f"{name}_accuracy"].append(r((out_.argmax(1) == ys).float().mean().item()))
                if regression is not None:
                    y_te, y_mean, y_std = regression
                    series["test_mae"].append(r(mean_absolute_error(y_te, model(Xe).numpy() * y_std + y_mean)))
            if sched:
                sched.step()
        out[label] = series
    return out


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    doc = {"what": "Per-epoch figures of short train blocks with L1Loss, HuberLoss(0.5), SmoothL1Loss(0.5), "
                   "CrossEntropyLoss(label_smoothing=0.1), clip_grad_norm_(0.5), clip_grad_value_(0.05) and "
                   "SequentialLR(LinearLR, CosineAnnealingWarmRestarts) (the blocks are in "
                   "Tests/ExperimentsTests/Runner/LossClipRunParityTests.swift).",
           "how": "scripts/reference/loss_clip_runs_fixtures.py; torch.set_num_threads(1).",
           "versions": {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
                        "cpu_capability": torch.backends.cpu.get_cpu_capability()},
           "blocks": {k: run_block(b) for k, b in BLOCKS.items()}}
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", OUT)
