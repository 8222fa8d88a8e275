"""Adam with an L2 penalty against AdamW over a sweep of weight decays, on the delivery-time MLP.

For each weight decay and optimiser prints `weight_decay=<value> <optimiser>`, then the test MAE in minutes
and the sum of the L2 norms of the six parameter tensors after training.
"""
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import mean_absolute_error

from delivery_data import make_delivery_data, split_and_scale

torch.manual_seed(42)
X, y = make_delivery_data(n=2000, seed=42, noise=4.0)
data, y_test, y_mean, y_std = split_and_scale(X, y)


def train(make_optimizer, epochs=40):
    torch.manual_seed(42)
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


print(f"{'Point':<30} {'Test MAE':>9} {'Weight norm':>12}")
for wd in [0.001, 0.003, 0.01, 0.03, 0.1, 0.3]:
    for label, make in [("Adam + L2", lambda p: optim.Adam(p, lr=1e-3, weight_decay=wd)),
                        ("AdamW", lambda p: optim.AdamW(p, lr=1e-3, weight_decay=wd))]:
        mae, norm = train(make)
        print(f"{f'weight_decay={wd:g} {label}':<30} {mae:>9.4f} {norm:>12.4f}")
