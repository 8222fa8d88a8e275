"""Makes the fixtures of the validation split (`split: {test_size, validation_size, …}` in train blocks), with the
REAL scikit-learn and PyTorch:

- Tests/NumericCoreTests/Fixtures/data_validation_split.json: the row indices of the three parts, as two calls of
  `train_test_split` give them (the recipe below), for several sizes, shares, seeds and stratified labels;
- Tests/ExperimentsTests/Fixtures/validation_runs.json: the data a block prepares (every part's float32 tensors,
  standardised with the training rows' statistics) and training runs that read the validation part:
  ReduceLROnPlateau monitoring the validation loss (its lr per epoch), and a classifier's validation and test
  accuracy per epoch with the test accuracy at the epoch of the best validation accuracy, and for each of the
  seeds 2, 3, 4 in place of the model seed that seed's best epoch and the test accuracy there.

The recipe, as docs/experiment-format.md documents it (the test part first, then the validation part from the
rest, with the same random_state; validation_size is a share of all rows):

    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=test_size, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_rest, y_rest, test_size=validation_size / (1 - test_size), random_state=seed)

(with `stratify=y`, then `stratify=y_rest`, for a stratified split). The regression data come from the lesson's
own content/optimisers/delivery_data.py (`split_and_scale(…, validation_size=…)`).

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/validation_fixtures.py   (a few seconds)

Numbers are repr strings of binary64 values (float32 values as the exact binary64 value of the float32), as in
experiment_fixtures.py; indices and epochs are JSON integers.
"""
import json
import os
import sys

import numpy as np
import sklearn
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "content", "optimisers"))
from delivery_data import make_delivery_data, split_and_scale  # noqa: E402  (the lesson's data module)

SPLITS_OUT = os.path.join(ROOT, "Tests", "NumericCoreTests", "Fixtures", "data_validation_split.json")
RUNS_OUT = os.path.join(ROOT, "Tests", "ExperimentsTests", "Fixtures", "validation_runs.json")


def r(x):
    return repr(float(x))


def rs(values):
    return [r(x) for x in np.asarray(values, dtype=np.float64).ravel()]


def versions():
    return {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
            "python": sys.version.split()[0], "cpu_capability": torch.backends.cpu.get_cpu_capability(),
            "torch_threads": torch.get_num_threads()}


def three_way(n, test_size, validation_size, seed, labels=None):
    """The recipe on the row numbers 0..n-1: (train, validation, test) indices of the whole data set."""
    rows = np.arange(n)
    rest, test = train_test_split(rows, test_size=test_size, random_state=seed, stratify=labels)
    rest_labels = None if labels is None else labels[rest]
    train, validation = train_test_split(rest, test_size=validation_size / (1 - test_size), random_state=seed,
                                         stratify=rest_labels)
    return train, validation, test


def split_cases():
    cases = []
    plain = [(2000, 0.2, 0.2, 42), (100, 0.2, 0.2, 0), (101, 0.25, 0.15, 7), (57, 0.3, 0.1, 123),
             (1000, 0.1, 0.3, 2026), (10, 0.2, 0.2, 5), (999, 0.15, 0.35, 4294967295),
             # validation_size / (1 - test_size) × rest lands just above a whole number in binary64
             # (0.15 / 0.7 × 70 = 15.000000000000002): one row more than the exact ratio gives
             (100, 0.3, 0.15, 1), (140, 0.1, 0.05, 9)]
    for n, test_size, validation_size, seed in plain:
        train, validation, test = three_way(n, test_size, validation_size, seed)
        cases.append({"n": n, "test_size": r(test_size), "validation_size": r(validation_size), "seed": seed,
                      "train": train.tolist(), "validation": validation.tolist(), "test": test.tolist()})
    stratified = [(3000, 0.2, 0.2, 42, 2), (120, 0.2, 0.2, 3, 2), (90, 0.25, 0.2, 11, 3)]
    for n, test_size, validation_size, seed, classes in stratified:
        _, labels = make_classification(n_samples=n, n_features=6, n_informative=3, n_redundant=1,
                                        n_classes=classes, n_clusters_per_class=1, random_state=seed)
        train, validation, test = three_way(n, test_size, validation_size, seed, labels=labels)
        cases.append({"n": n, "test_size": r(test_size), "validation_size": r(validation_size), "seed": seed,
                      "labels": labels.tolist(), "train": train.tolist(), "validation": validation.tolist(),
                      "test": test.tolist()})
    return cases


# ── the regression block: delivery times through the lesson's split_and_scale, plateau on validation ─────────────
REGRESSION = {"n_samples": 100, "seed": 7, "noise": 4.0, "split_seed": 3, "validation_size": 0.2,
              "layers": [4, 16, 1], "model_seed": 1, "epochs": 30, "batch_size": 16,
              "lr": 0.01, "weight_decay": 0.01, "patience": 2, "factor": 0.5}


def regression():
    c = REGRESSION
    X, y = make_delivery_data(n=c["n_samples"], seed=c["seed"], noise=c["noise"])
    data, y_test, y_mean, y_std = split_and_scale(X, y, seed=c["split_seed"], validation_size=c["validation_size"])
    tensors = {name: rs(t.numpy()) for name, t in data.items()}

    torch.manual_seed(c["model_seed"])
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
    loss_fn = nn.MSELoss()
    optimizer = optim.AdamW(model.parameters(), lr=c["lr"], weight_decay=c["weight_decay"])
    scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=c["patience"], factor=c["factor"])
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(data["X_train"], data["y_train"]), batch_size=c["batch_size"], shuffle=True)
    lrs, val_losses, test_losses = [], [], []
    for _ in range(c["epochs"]):
        lrs.append(optimizer.param_groups[0]["lr"])
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            val_loss = loss_fn(model(data["X_val"]), data["y_val"]).item()
            test_losses.append(loss_fn(model(data["X_test"]), data["y_test"]).item())
        val_losses.append(val_loss)
        scheduler.step(val_loss)
    return {"config": c, "tensors": tensors, "lr": rs(lrs), "val_loss": rs(val_losses), "test_loss": rs(test_losses)}


# Seeds of the classifier with `seeds: [2, 3, 4]`: each seed in place of model_seed, the data unchanged.
CLASSIFICATION_SEEDS = [2, 3, 4]


# ── the classification block: stratified three-way split, StandardScaler fitted on the training part ─────────────
CLASSIFICATION = {"n_samples": 120, "n_features": 5, "n_informative": 3, "n_redundant": 1, "random_state": 4,
                  "test_size": 0.2, "validation_size": 0.2, "split_seed": 5, "layers": [5, 16, 1], "model_seed": 2,
                  "epochs": 30, "batch_size": 16, "lr": 0.05, "momentum": 0.9}


def classification(model_seed=CLASSIFICATION["model_seed"]):
    """The classifier block trained with `model_seed` (a block with `seeds:` puts each seed there)."""
    c = CLASSIFICATION
    X, y = make_classification(n_samples=c["n_samples"], n_features=c["n_features"], n_informative=c["n_informative"],
                               n_redundant=c["n_redundant"], random_state=c["random_state"])
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=c["test_size"], stratify=y,
                                                      random_state=c["split_seed"])
    X_train, X_val, y_train, y_val = train_test_split(
        X_rest, y_rest, test_size=c["validation_size"] / (1 - c["test_size"]), stratify=y_rest,
        random_state=c["split_seed"])
    scaler = StandardScaler()
    X_train_t = torch.FloatTensor(scaler.fit_transform(X_train))
    X_val_t = torch.FloatTensor(scaler.transform(X_val))
    X_test_t = torch.FloatTensor(scaler.transform(X_test))
    y_train_t, y_val_t, y_test_t = torch.FloatTensor(y_train), torch.FloatTensor(y_val), torch.FloatTensor(y_test)
    tensors = {"X_train": rs(X_train_t.numpy()), "X_val": rs(X_val_t.numpy()), "X_test": rs(X_test_t.numpy()),
               "y_train": rs(y_train), "y_val": rs(y_val), "y_test": rs(y_test)}

    torch.manual_seed(model_seed)
    model = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 1))
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = optim.SGD(model.parameters(), lr=c["lr"], momentum=c["momentum"])
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(X_train_t, y_train_t), batch_size=c["batch_size"], shuffle=True)
    val_accuracy, test_accuracy, val_loss = [], [], []
    best_val, best_epoch, test_at_best = 0.0, 0, 0.0
    for epoch in range(1, c["epochs"] + 1):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb).squeeze(1), yb).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            val_logits, test_logits = model(X_val_t).squeeze(1), model(X_test_t).squeeze(1)
            val = ((val_logits > 0).float() == y_val_t).float().mean().item()
            test = ((test_logits > 0).float() == y_test_t).float().mean().item()
            val_loss.append(loss_fn(val_logits, y_val_t).item())
        val_accuracy.append(val)
        test_accuracy.append(test)
        if val > best_val:
            best_val, best_epoch, test_at_best = val, epoch, test
    return {"config": c, "tensors": tensors, "val_accuracy": rs(val_accuracy), "test_accuracy": rs(test_accuracy),
            "val_loss": rs(val_loss), "best_val_accuracy": r(best_val), "best_epoch": best_epoch,
            "test_accuracy_at_best": r(test_at_best)}


def write(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


def main():
    torch.set_num_threads(1)
    write(SPLITS_OUT, {
        "what": "train/validation/test row indices of scikit-learn's train_test_split called twice: the test part "
                "first, then the validation part from the rest with test_size = validation_size / (1 - test_size) "
                "and the same random_state (stratified cases: stratify=y, then stratify=y_rest).",
        "how": "scripts/reference/validation_fixtures.py", "versions": versions(), "cases": split_cases()})
    write(RUNS_OUT, {
        "what": "Blocks with a validation part: the prepared float32 tensors of every part, ReduceLROnPlateau fed "
                "the validation loss (lr of each epoch), a classifier's validation and test accuracy per epoch, and its "
                "best validation epoch per model seed.",
        "how": "scripts/reference/validation_fixtures.py", "versions": versions(),
        "regression": regression(), "classification": classification(),
        # Per seed, the epoch of the best validation accuracy and the test accuracy there (each seed its own).
        "classification_seeds": {str(seed): {key: run[key] for key in ("best_val_accuracy", "best_epoch",
                                                                       "test_accuracy_at_best")}
                                 for seed in CLASSIFICATION_SEEDS for run in [classification(seed)]}})


if __name__ == "__main__":
    main()
