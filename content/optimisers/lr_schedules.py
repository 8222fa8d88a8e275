"""Six learning-rate schedules on the same AdamW run: constant, cosine, step, plateau, one-cycle,
and linear warmup followed by cosine decay. Prints the test MAE of each (`--seeds 1,2,3`: the mean ±
sample standard deviation over those seeds), then the learning rate times Adam's second-moment correction
factor in the first steps, with and without warmup.

ReduceLROnPlateau watches the loss on a validation set (a fifth of the rows, held out of the training rows),
so that the test set, read once at the end, plays no part in the schedule: 1,200 rows train, 400 validate,
400 test. It takes no `verbose` argument in current PyTorch.
"""
import math

import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import mean_absolute_error

from delivery_data import make_delivery_data, seeds_from_args, split_and_scale, stat

torch.manual_seed(42)
X, y = make_delivery_data(n=2000, seed=42, noise=4.0)
data, y_test, y_mean, y_std = split_and_scale(X, y, validation_size=0.2)
EPOCHS = 150
loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(data["X_train"], data["y_train"]), batch_size=64, shuffle=True)


def warmup_cosine(total_steps, warmup_fraction=0.1):
    warmup = int(warmup_fraction * total_steps)

    def factor(step):
        if step < warmup:
            return step / warmup
        return 0.5 * (1 + math.cos(math.pi * (step - warmup) / (total_steps - warmup)))
    return factor


def run(schedule, seed=42):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
    loss_fn = nn.MSELoss()
    optimizer = optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    steps = EPOCHS * len(loader)
    scheduler, per_batch = None, False
    if schedule == "cosine":
        scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS, eta_min=1e-6)
    elif schedule == "step":
        scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=50, gamma=0.1)
    elif schedule == "plateau":
        scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=10, factor=0.5)
    elif schedule == "onecycle":
        scheduler, per_batch = optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-2, total_steps=steps), True
    elif schedule == "warmup_cosine":
        scheduler, per_batch = optim.lr_scheduler.LambdaLR(optimizer, warmup_cosine(steps)), True

    for _ in range(EPOCHS):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
            if per_batch:
                scheduler.step()
        if schedule == "plateau":
            model.eval()
            with torch.no_grad():
                scheduler.step(loss_fn(model(data["X_val"]), data["y_val"]).item())
        elif scheduler is not None and not per_batch:
            scheduler.step()

    model.eval()
    with torch.no_grad():
        minutes = model(data["X_test"]).numpy() * y_std + y_mean
    return mean_absolute_error(y_test, minutes)


seeds = seeds_from_args()
print(f"{'Schedule':<14} {'Test MAE':>9}")
for schedule in ["none", "cosine", "step", "plateau", "onecycle", "warmup_cosine"]:
    print(f"{schedule:<14} {stat([run(schedule, seed) for seed in seeds], 9, 4)}")

# Adam's second-moment correction 1/sqrt(1 - beta2^t), times the learning rate of step t: not the step size
# (the correction only makes up for v starting at zero), but where the step leans hardest on the correction.
lr, beta2, warmup = 1e-3, 0.999, 100
print(f"\n{'step':>5} {'no warmup':>10} {'with warmup':>12}")
for t in [1, 5, 10, 50, 100, 200]:
    correction = math.sqrt(1 - beta2**t)
    print(f"{t:>5} {lr / correction:>10.6f} {lr * min(t / warmup, 1.0) / correction:>12.6f}")
