"""SGD with momentum, Adam, Adam with L2 weight decay, and AdamW with two decay strengths.

Prints the test MAE (minutes) and the sum of the L2 norms of the six parameter tensors after training;
`--seeds 1,2,3` repeats every run with each seed and prints the mean ± sample standard deviation.
"""
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import mean_absolute_error

from delivery_data import make_delivery_data, seeds_from_args, split_and_scale, stat

torch.manual_seed(42)
X, y = make_delivery_data(n=2000, seed=42, noise=4.0)
data, y_test, y_mean, y_std = split_and_scale(X, y)


def train(make_optimizer, epochs=150, seed=42):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
    optimizer = make_optimizer(model.parameters())
    loss_fn = nn.MSELoss()
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(data["X_train"], data["y_train"]), batch_size=64, shuffle=True)
    for _ in range(epochs):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        minutes = model(data["X_test"]).numpy() * y_std + y_mean
        weight_norm = sum(p.norm().item() for p in model.parameters())
    return mean_absolute_error(y_test, minutes), weight_norm


runs = {
    "SGD + momentum (lr=0.01)": lambda p: optim.SGD(p, lr=0.01, momentum=0.9),
    "Adam (lr=1e-3)": lambda p: optim.Adam(p, lr=1e-3),
    "Adam + L2 (wd=0.01)": lambda p: optim.Adam(p, lr=1e-3, weight_decay=0.01),
    "AdamW (wd=0.01)": lambda p: optim.AdamW(p, lr=1e-3, weight_decay=0.01),
    "AdamW (wd=0.1)": lambda p: optim.AdamW(p, lr=1e-3, weight_decay=0.1),
}

seeds = seeds_from_args()
print(f"{'Optimiser':<26} {'Test MAE':>9} {'Weight norm':>12}")
for label, make_optimizer in runs.items():
    results = [train(make_optimizer, seed=seed) for seed in seeds]
    print(f"{label:<26} {stat([r[0] for r in results], 9, 4)} {stat([r[1] for r in results], 12, 4)}")
