"""Plain SGD, a larger learning rate, momentum and Nesterov momentum on the delivery-time MLP.

Prints the full-training-set MSE after epoch 10 and after the last epoch, and the test MAE in minutes.
Runs on current PyTorch (CPU) in about a minute; `--seeds 1,2,3` repeats every run with each seed (initial
weights and batch order; the data stay fixed) and prints the mean ± sample standard deviation.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import mean_absolute_error

from delivery_data import make_delivery_data, seeds_from_args, split_and_scale, stat

torch.manual_seed(42)
X, y = make_delivery_data(n=2000, seed=42, noise=4.0)
data, y_test, y_mean, y_std = split_and_scale(X, y)


def make_model(seed=42):
    torch.manual_seed(seed)  # every optimiser starts from the same weights
    return nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))


def train(make_optimizer, epochs=150, seed=42):
    model = make_model(seed)
    optimizer = make_optimizer(model.parameters())
    loss_fn = nn.MSELoss()
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(data["X_train"], data["y_train"]), batch_size=64, shuffle=True)
    train_losses = []
    for epoch in range(epochs):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            train_losses.append(loss_fn(model(data["X_train"]), data["y_train"]).item())
    with torch.no_grad():
        minutes = model(data["X_test"]).numpy() * y_std + y_mean
    return train_losses, mean_absolute_error(y_test, minutes)


runs = {
    "SGD (lr=0.01)": lambda p: optim.SGD(p, lr=0.01),
    "SGD (lr=0.1)": lambda p: optim.SGD(p, lr=0.1),
    "SGD + momentum (β=0.9)": lambda p: optim.SGD(p, lr=0.01, momentum=0.9),
    "SGD + Nesterov (β=0.9)": lambda p: optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True),
}

seeds = seeds_from_args()
print(f"{'Optimiser':<26} {'Epoch 10 loss':>14} {'Final loss':>11} {'Test MAE':>9}")
for label, make_optimizer in runs.items():
    results = [train(make_optimizer, seed=seed) for seed in seeds]
    epoch10 = [losses[9] for losses, _ in results]
    final = [losses[-1] for losses, _ in results]
    mae = [m for _, m in results]
    print(f"{label:<26} {stat(epoch10, 14, 6)} {stat(final, 11, 6)} {stat(mae, 9, 4)}")

# Momentum by hand: v <- beta * v + g, then W <- W - lr * v (what torch.optim.SGD does with momentum).
print("\nMomentum by hand (lr=0.1, beta=0.9):")
W = np.array([1.0, 2.0, -1.0])
v = np.zeros_like(W)
for step, g in enumerate([np.array([0.5, -0.3, 0.8]), np.array([0.4, -0.2, 0.7]), np.array([0.6, -0.4, 0.9])], 1):
    v = 0.9 * v + g
    W = W - 0.1 * v
    print(f"step {step}: v={np.round(v, 4)} W={np.round(W, 4)}")
