"""Makes Tests/ExperimentsTests/Fixtures/metric_runs.json: per-epoch figures of a small classification block with the
metrics gen_gap, accuracy_gap, grad_norm and the per-layer grad_norm_K / weight_norm_K, as a PyTorch script naturally
prints them (after each epoch, in eval mode; gradients are those of the epoch's last training step), computed by the
REAL PyTorch and scikit-learn with second_module_fixtures.py's data pipeline.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/metric_runs_fixtures.py   (a few seconds)
"""
import json
import os

import numpy as np
import sklearn
import torch
import torch.nn as nn
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "ExperimentsTests", "Fixtures",
                   "metric_runs.json")


def r(x):
    return repr(float(x))


def run():
    torch.set_num_threads(1)
    X, y = make_moons(n_samples=400, noise=0.2, random_state=0)
    idx_tr, idx_te = train_test_split(np.arange(len(y)), test_size=0.25, random_state=0)
    sc = StandardScaler().fit(X[idx_tr])
    X_tr, X_te = torch.FloatTensor(sc.transform(X[idx_tr])), torch.FloatTensor(sc.transform(X[idx_te]))
    y_tr, y_te = torch.LongTensor(y[idx_tr]), torch.LongTensor(y[idx_te])
    torch.manual_seed(42)
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 2))
    linears = [m for m in model if isinstance(m, nn.Linear)]
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_tr, y_tr), batch_size=32, shuffle=True)
    names = ["train_loss", "test_loss", "gen_gap", "accuracy_gap", "grad_norm", "weight_norm"] + \
            [f"{k}_{i + 1}" for k in ("grad_norm", "weight_norm") for i in range(len(linears))]
    series = {n: [] for n in names}
    for _ in range(6):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss_fn(model(xb), yb).backward()
            opt.step()
        model.eval()
        # the gradients of the epoch's last step, as clip_grad_norm_ measures them (max_norm=inf: no clipping)
        total = torch.nn.utils.clip_grad_norm_(model.parameters(), float("inf"))
        with torch.no_grad():
            tr_logits, te_logits = model(X_tr), model(X_te)
            tr, te = loss_fn(tr_logits, y_tr).item(), loss_fn(te_logits, y_te).item()
            tr_acc = (tr_logits.argmax(1) == y_tr).float().mean().item()
            te_acc = (te_logits.argmax(1) == y_te).float().mean().item()
        series["train_loss"].append(r(tr))
        series["test_loss"].append(r(te))
        series["gen_gap"].append(r(te - tr))
        series["accuracy_gap"].append(r(tr_acc - te_acc))
        series["grad_norm"].append(r(total.item()))
        series["weight_norm"].append(r(sum(p.norm().item() for p in model.parameters())))
        for i, m in enumerate(linears):
            series[f"grad_norm_{i + 1}"].append(r(m.weight.grad.norm().item()))
            series[f"weight_norm_{i + 1}"].append(r(m.weight.norm().item()))
    return {"SGD": series}


if __name__ == "__main__":
    doc = {"what": "Per-epoch figures of a make_moons classification block with gen_gap, accuracy_gap, grad_norm and "
                   "per-layer grad_norm_K / weight_norm_K (see Tests/ExperimentsTests/Runner/MetricRunParityTests.swift).",
           "how": "scripts/reference/metric_runs_fixtures.py: grad_norm = clip_grad_norm_(model.parameters(), inf) "
                  "after the epoch's last step; grad_norm_K = linear_K.weight.grad.norm(); gaps in eval mode.",
           "versions": {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
                        "cpu_capability": torch.backends.cpu.get_cpu_capability()},
           "blocks": {"moons-metrics": run()}}
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", OUT)
