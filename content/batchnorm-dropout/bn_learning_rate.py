"""The same five-layer classifier with and without batch normalisation, trained by plain SGD for five epochs at a
small, a large and a too-large learning rate.

Prints, per run, the training loss after epoch 1 and after the last epoch, and the final test accuracy.
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
X_train, X_test = (torch.FloatTensor(scaler.transform(a)) for a in (X_train, X_test))
y_train, y_test = torch.LongTensor(y_train), torch.LongTensor(y_test)


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


print(f"{'Network':<22} {'Epoch 1 loss':>12} {'Final loss':>10} {'Test accuracy':>13}")
for label, batchnorm, lr in [("plain, lr=0.01", False, 0.01), ("batch norm, lr=0.01", True, 0.01),
                             ("batch norm, lr=2", True, 2.0), ("plain, lr=5", False, 5.0), ("batch norm, lr=5", True, 5.0)]:
    losses, accuracy = train(batchnorm, lr)
    print(f"{label:<22} {losses[0]:>12.4f} {losses[-1]:>10.4f} {accuracy:>13.4f}")
