"""Dropout swept over four rates on a small, noisy two-moons set: 100 training rows, 100 test rows, a network wide
enough to memorise them.

Prints, per rate, `dropout=<p> Adam`, then the final training and test loss, their gap (test minus training), the
training and test accuracy, and the lowest test loss after any epoch with that epoch. `--seeds 1,2,3` trains every
rate once per seed (initial weights, batch order and dropout masks) and prints each figure as the mean ± sample
standard deviation over the seeds.
"""
import torch
import torch.nn as nn

from moons_data import moons, seeds_from_args, stat

X_train, X_test, y_train, y_test = moons(n_samples=200, noise=0.35, test_size=0.5)


def train(p, seed, epochs=200):
    torch.manual_seed(seed)  # with one seed, every rate starts from the same weights; the masks then differ with p
    model = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Dropout(p),
                          nn.Linear(64, 64), nn.ReLU(), nn.Dropout(p), nn.Linear(64, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_train, y_train), batch_size=50, shuffle=True)
    test_losses = []
    for epoch in range(epochs):
        model.train()  # dropout on: a fresh mask for every batch
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
        model.eval()  # dropout off: every unit, no rescaling
        with torch.no_grad():
            train_logits, test_logits = model(X_train), model(X_test)
            test_losses.append(loss_fn(test_logits, y_test).item())
            train_loss = loss_fn(train_logits, y_train).item()
            figures = (train_loss, test_losses[-1], test_losses[-1] - train_loss,
                       (train_logits.argmax(1) == y_train).float().mean().item(),
                       (test_logits.argmax(1) == y_test).float().mean().item())
    best = min(test_losses)
    return figures + (best, test_losses.index(best) + 1)


seeds = seeds_from_args()

print(f"{'Point':<16} {'Train loss':>17} {'Test loss':>17} {'Gap':>17} {'Train accuracy':>17} {'Test accuracy':>17} "
      f"{'Lowest test loss':>17} {'At epoch':>9}")
for p in [0.0, 0.2, 0.5, 0.8]:
    results = [train(p, seed) for seed in seeds]
    columns = [stat([r[k] for r in results]) for k in range(6)] + [stat([r[6] for r in results], digits=0)]
    print(f"{f'dropout={p:g} Adam':<16} " + " ".join(f"{c:>17}" for c in columns[:6]) + f" {columns[6]:>9}")
