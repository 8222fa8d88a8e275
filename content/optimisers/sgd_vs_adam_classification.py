"""SGD with momentum (+ cosine), Adam, and AdamW (+ cosine) on a 20-feature binary classification
task from scikit-learn. The best epoch is chosen on a validation set (600 rows held out of the training
rows); the test accuracy (another 600 rows) takes no part in the choice and is reported at that epoch.
Prints each optimiser's best validation accuracy, the epoch it was reached, and the test accuracy there.
"""
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.manual_seed(42)
X, y = make_classification(n_samples=3000, n_features=20, n_informative=10, n_redundant=5, random_state=42)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
X_train, X_val, y_train, y_val = train_test_split(
    X_rest, y_rest, test_size=0.2 / (1 - 0.2), stratify=y_rest, random_state=42)
scaler = StandardScaler()
X_train_t = torch.FloatTensor(scaler.fit_transform(X_train))
X_val_t = torch.FloatTensor(scaler.transform(X_val))
X_test_t = torch.FloatTensor(scaler.transform(X_test))
y_train_t = torch.FloatTensor(y_train)
y_val_t = torch.FloatTensor(y_val)
y_test_t = torch.FloatTensor(y_test)


def accuracy(model, X, y):
    return ((model(X).squeeze() > 0).float() == y).float().mean().item()


def run(name, epochs=200):
    torch.manual_seed(42)
    model = nn.Sequential(nn.Linear(20, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 1))
    loss_fn = nn.BCEWithLogitsLoss()
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(X_train_t, y_train_t), batch_size=64, shuffle=True)
    if name == "SGD + momentum":
        optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
        scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)
    elif name == "Adam":
        optimizer, scheduler = optim.Adam(model.parameters(), lr=1e-3), None
    else:
        optimizer = optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
        scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)

    best_val, best_epoch, test_at_best = 0.0, 0, 0.0
    for epoch in range(1, epochs + 1):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb).squeeze(), yb).backward()
            optimizer.step()
        if scheduler is not None:
            scheduler.step()
        model.eval()
        with torch.no_grad():
            val, test = accuracy(model, X_val_t, y_val_t), accuracy(model, X_test_t, y_test_t)
        if val > best_val:  # chosen on validation; the test accuracy is only recorded
            best_val, best_epoch, test_at_best = val, epoch, test
    return best_val, best_epoch, test_at_best


print(f"{'Optimiser':<16} {'Best val acc':>13} {'At epoch':>9} {'Test acc there':>15}")
for name in ["SGD + momentum", "Adam", "AdamW"]:
    val, epoch, test = run(name)
    print(f"{name:<16} {val:>13.4f} {epoch:>9} {test:>15.4f}")
