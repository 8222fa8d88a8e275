"""Makes Tests/ExperimentsTests/Fixtures/seed_runs.json: the delivery-time network of the optimisers lesson
(content/optimisers/sgd_variants.py, call for call) trained with each of several model/batch-order seeds by the
REAL PyTorch, for `seeds:` in train blocks. The data and split stay fixed (numpy seed 42); each seed replaces
the `torch.manual_seed(42)` before the model is built, which also seeds the DataLoader's shuffling.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/seed_fixtures.py [output.json]   (under a minute)

Per run and seed: the full-training-set MSE after every epoch and the test MAE in minutes after the last, as
repr strings of binary64 values (the float32 losses as their exact binary64 value), as in experiment_fixtures.py.
"""
import json
import os
import sys

import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import mean_absolute_error

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "content", "optimisers"))
from delivery_data import make_delivery_data, split_and_scale  # noqa: E402  (the lesson's data module)

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Tests", "ExperimentsTests", "Fixtures", "seed_runs.json")
SEEDS = [1, 2, 3, 4, 5]
EPOCHS = 10
RUNS = {
    "SGD (lr=0.01)": lambda p: optim.SGD(p, lr=0.01),
    "SGD + momentum (β=0.9)": lambda p: optim.SGD(p, lr=0.01, momentum=0.9),
}

torch.set_num_threads(1)
torch.manual_seed(42)
X, y = make_delivery_data(n=2000, seed=42, noise=4.0)
data, y_test, y_mean, y_std = split_and_scale(X, y)


def train(make_optimizer, seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
    optimizer = make_optimizer(model.parameters())
    loss_fn = nn.MSELoss()
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(data["X_train"], data["y_train"]), batch_size=64, shuffle=True)
    losses = []
    for _ in range(EPOCHS):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            losses.append(loss_fn(model(data["X_train"]), data["y_train"]).item())
    with torch.no_grad():
        minutes = model(data["X_test"]).numpy() * y_std + y_mean
    return losses, mean_absolute_error(y_test, minutes)


out = {"torch": torch.__version__, "cpu_capability": torch.backends.cpu.get_cpu_capability(), "seeds": SEEDS,
       "epochs": EPOCHS, "runs": {}}
for label, make_optimizer in RUNS.items():
    out["runs"][label] = {}
    for seed in SEEDS:
        losses, mae = train(make_optimizer, seed)
        out["runs"][label][str(seed)] = {"train_loss": [repr(float(x)) for x in losses], "test_mae": repr(float(mae))}
with open(OUT, "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {OUT}")
