"""Batch norm trained for ten epochs on batches of 32, 8 and 2 rows, next to the same network without normalisation
and with layer norm, which normalises each row over its own features and so does not depend on the batch.

The two-moons data of moons_data.py, as in eval_mode.py. The learning rate is scaled with the batch size (0.1 for 32
rows, 0.025 for 8, 0.00625 for 2), so every network takes steps of the same size per training row seen. Prints, per network and batch
size, the final training loss, test loss and test accuracy after model.eval() (the last run: in training mode on
consecutive pairs of rows, as it was trained); `--seeds 1,2,3` repeats every run with each seed (initial weights and
batch order) and prints the mean ± sample standard deviation.
"""
import torch
import torch.nn as nn

from moons_data import moons, seeds_from_args, stat

torch.set_num_threads(1)  # batch norm's sums depend on the thread count; the figures assume one thread

X_train, X_test, y_train, y_test = moons()

NORMS = {"no norm": lambda: nn.Identity(), "batch norm": lambda: nn.BatchNorm1d(32), "layer norm": lambda: nn.LayerNorm(32)}


def network(norm):
    layers = [nn.Linear(2, 32), NORMS[norm](), nn.ReLU(), nn.Linear(32, 32), NORMS[norm](), nn.ReLU(), nn.Linear(32, 2)]
    return nn.Sequential(*(layer for layer in layers if not isinstance(layer, nn.Identity)))


def evaluate(model, X, y, pairs):
    """Loss and accuracy on X: after model.eval() on the whole set, or (pairs) in training mode on consecutive
    batches of 2 rows, as the network was trained."""
    loss_fn = nn.CrossEntropyLoss()
    if not pairs:
        model.eval()
        logits = model(X)
        return loss_fn(logits, y).item(), (logits.argmax(1) == y).float().mean().item()
    model.train()  # batch norm normalises each pair with the pair's statistics (and updates its running ones)
    total, correct = 0.0, 0
    for start in range(0, len(X), 2):
        logits = model(X[start:start + 2])
        total += loss_fn(logits, y[start:start + 2]).item() * len(logits)
        correct += (logits.argmax(1) == y[start:start + 2]).sum().item()
    return total / len(X), correct / len(X)


def train(norm, batch_size, seed, epochs=10, pairs=False):
    torch.manual_seed(seed)
    model = network(norm)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1 * batch_size / 32, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_train, y_train), batch_size=batch_size,
                                         shuffle=True)
    for epoch in range(epochs):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
    with torch.no_grad():
        train_loss, _ = evaluate(model, X_train, y_train, pairs)
        test_loss, test_accuracy = evaluate(model, X_test, y_test, pairs)
        return train_loss, test_loss, test_accuracy


seeds = seeds_from_args()

print(f"{'Network':<44} {'Train loss':>17} {'Test loss':>17} {'Test accuracy':>17}")
runs = [(f"{norm}, batches of {batch_size}", norm, batch_size, False) for batch_size in [32, 8, 2] for norm in NORMS]
runs.append(("batch norm, batches of 2, evaluated in pairs", "batch norm", 2, True))
for label, norm, batch_size, pairs in runs:
    results = [train(norm, batch_size, seed, pairs=pairs) for seed in seeds]
    print(f"{label:<44} " + " ".join(f"{stat([r[k] for r in results]):>17}" for k in range(3)))
