"""Plain SGD on the delivery-time MLP over a sweep of learning rates, from crawling to divergence.

For each learning rate prints `lr=<value> SGD`, then the full-training-set MSE after epoch 5 and after the
last epoch and the test MAE in minutes, or the epoch where the loss stopped being finite.
"""
import math

import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import mean_absolute_error

from delivery_data import make_delivery_data, split_and_scale

torch.manual_seed(42)
X, y = make_delivery_data(n=2000, seed=42, noise=4.0)
data, y_test, y_mean, y_std = split_and_scale(X, y)


def train(lr, epochs=20):
    torch.manual_seed(42)  # every learning rate starts from the same weights and batch order
    model = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
    optimizer = optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(data["X_train"], data["y_train"]), batch_size=64, shuffle=True)
    losses = []
    for epoch in range(1, epochs + 1):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            if not math.isfinite(loss.item()):
                return f"diverged at epoch {epoch}"
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            losses.append(loss_fn(model(data["X_train"]), data["y_train"]).item())
    with torch.no_grad():
        minutes = model(data["X_test"]).numpy() * y_std + y_mean
    return f"{losses[4]:>12.6f} {losses[-1]:>11.6f} {mean_absolute_error(y_test, minutes):>9.4f}"


print(f"{'Point':<14} {'Epoch 5 loss':>12} {'Final loss':>11} {'Test MAE':>9}")
for lr in [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0]:
    print(f"{f'lr={lr:g} SGD':<14} {train(lr)}")
