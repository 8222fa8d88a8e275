"""Batch norm and dropout in one network, in two orders, and batch norm trained on tiny batches.

Same two-moons data as eval_mode.py. Part 1 puts dropout after each batch-norm block or before one, and evaluates
each network after model.eval() and without it. Part 2 trains the batch-norm network with batches of 32, 8 and 2
rows (and the plain network with batches of 2). Prints, per run, the final training loss, test loss and accuracy.
"""
import torch
import torch.nn as nn
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.set_num_threads(1)  # batch norm's sums depend on the thread count; the figures assume one thread

X, y = make_moons(n_samples=400, noise=0.2, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
scaler = StandardScaler().fit(X_train)
X_train, X_test = (torch.FloatTensor(scaler.transform(a)) for a in (X_train, X_test))
y_train, y_test = torch.LongTensor(y_train), torch.LongTensor(y_test)


def dropout_after_bn():  # Linear → BatchNorm → ReLU → Dropout, twice
    return [nn.Linear(2, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.5),
            nn.Linear(32, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 2)]


def dropout_before_bn():  # the second batch norm sees the dropped-out activations
    return [nn.Linear(2, 32), nn.ReLU(), nn.Dropout(0.5),
            nn.Linear(32, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 2)]


def batchnorm_only():
    return [nn.Linear(2, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 32), nn.BatchNorm1d(32), nn.ReLU(),
            nn.Linear(32, 2)]


def plain():
    return [nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2)]


def train(layers, batch_size=32, call_eval=True, epochs=20):
    torch.manual_seed(42)
    model = nn.Sequential(*layers())
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_train, y_train), batch_size=batch_size,
                                         shuffle=True)
    for epoch in range(epochs):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
        if call_eval:
            model.eval()
        with torch.no_grad():  # without model.eval() each forward also draws dropout masks
            train_loss = loss_fn(model(X_train), y_train).item()
            test_logits = model(X_test)
            figures = (train_loss, loss_fn(test_logits, y_test).item(),
                       (test_logits.argmax(1) == y_test).float().mean().item())
    return figures


runs = [("dropout after BN", dropout_after_bn, 32, True),
        ("dropout after BN, no eval()", dropout_after_bn, 32, False),
        ("dropout before BN", dropout_before_bn, 32, True),
        ("dropout before BN, no eval()", dropout_before_bn, 32, False),
        ("BN, batches of 32", batchnorm_only, 32, True),
        ("BN, batches of 8", batchnorm_only, 8, True),
        ("BN, batches of 2", batchnorm_only, 2, True),
        ("no BN, batches of 2", plain, 2, True)]
print(f"{'Network':<30} {'Train loss':>10} {'Test loss':>9} {'Test accuracy':>13}")
for label, layers, batch_size, call_eval in runs:
    train_loss, test_loss, accuracy = train(layers, batch_size, call_eval)
    print(f"{label:<30} {train_loss:>10.4f} {test_loss:>9.4f} {accuracy:>13.4f}")
