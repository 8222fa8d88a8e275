"""Dropout swept over four rates on a small, noisy two-moons set: 100 training rows, 100 test rows, a network wide
enough to memorise them.

Prints, per rate, `dropout=<p> Adam`, then the final training and test loss, their gap (test minus training), and the
training and test accuracy, and the lowest test loss after any epoch with that epoch. The curves are the losses after
every epoch.
"""
import torch
import torch.nn as nn

from moons_data import moons

X_train, X_test, y_train, y_test = moons(n_samples=200, noise=0.35, test_size=0.5)


def train(p, epochs=200):
    torch.manual_seed(42)  # same initial weights for every rate; the masks then come from the same generator
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
            figures = (loss_fn(train_logits, y_train).item(), test_losses[-1],
                       (train_logits.argmax(1) == y_train).float().mean().item(),
                       (test_logits.argmax(1) == y_test).float().mean().item())
    best = min(test_losses)
    return figures + (best, test_losses.index(best) + 1)


print(f"{'Point':<16} {'Train loss':>10} {'Test loss':>9} {'Gap':>7} {'Train accuracy':>14} {'Test accuracy':>13} "
      f"{'Lowest test loss':>16} {'At epoch':>8}")
for p in [0.0, 0.2, 0.5, 0.8]:
    train_loss, test_loss, train_acc, test_acc, best, best_epoch = train(p)
    print(f"{f'dropout={p:g} Adam':<16} {train_loss:>10.4f} {test_loss:>9.4f} {test_loss - train_loss:>7.4f} "
          f"{train_acc:>14.4f} {test_acc:>13.4f} {best:>16.4f} {best_epoch:>8d}")
