"""The same five-layer classifier with and without batch normalisation, trained by plain SGD for five epochs at
learning rates from too small to too large (0.01, 0.5, 2 and 5).

Prints, per run, the training loss after epoch 1, the lowest after any epoch and after the last, and the final test
accuracy.
"""
import torch
import torch.nn as nn
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.set_num_threads(1)  # batch norm's sums depend on the thread count; the figures assume one thread

X, y = make_classification(n_samples=1000, n_features=20, n_informative=10, n_redundant=5, random_state=42)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)
scaler = StandardScaler().fit(X_train)
X_train, X_test = (torch.tensor(scaler.transform(a), dtype=torch.float32) for a in (X_train, X_test))
y_train, y_test = torch.tensor(y_train), torch.tensor(y_test)


def make_model(batchnorm):
    torch.manual_seed(42)  # both networks draw the same initial weights (batch norm draws nothing)
    layers, width = [], 20
    for _ in range(4):
        layers += [nn.Linear(width, 32)] + ([nn.BatchNorm1d(32)] if batchnorm else []) + [nn.ReLU()]
        width = 32
    return nn.Sequential(*layers, nn.Linear(width, 2))


def train(batchnorm, lr, epochs=5):
    model = make_model(batchnorm)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_train, y_train), batch_size=32, shuffle=True)
    losses = []
    for epoch in range(epochs):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            losses.append(loss_fn(model(X_train), y_train).item())
            accuracy = (model(X_test).argmax(1) == y_test).float().mean().item()
    return losses, accuracy


print(f"{'Network':<22} {'Epoch 1 loss':>12} {'Lowest loss':>11} {'Final loss':>10} {'Test accuracy':>13}")
for lr in [0.01, 0.5, 2.0, 5.0]:
    for label, batchnorm in [(f"plain, lr={lr:g}", False), (f"batch norm, lr={lr:g}", True)]:
        losses, accuracy = train(batchnorm, lr)
        print(f"{label:<22} {losses[0]:>12.4f} {min(losses):>11.4f} {losses[-1]:>10.4f} {accuracy:>13.4f}")
