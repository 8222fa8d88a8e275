"""Makes Tests/ExperimentsTests/Fixtures/lesson_outputs.json: every figure the optimisers lesson's experiment
blocks show, computed by the REAL PyTorch / numpy / scikit-learn, following content/optimisers/*.py call for
call (same seeds, same order of generator use, same loops), at full precision.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/experiment_fixtures.py [output.json]

The figures of torch's float32 training depend on the machine (MKL picks its kernels by CPU; docs/parity.md §4.2b):
the committed fixture was made on an Intel Xeon with AVX-512 (family 6 model 207; `cpu_capability` in `versions`),
the machine whose products the numeric core follows for the one-output layer. An earlier version of it, made on
another AVX-512 machine, printed other last digits from the third epoch on (sgd-variants, SGD (lr=0.1): final loss
0.067039 there, 0.067236 here).
(a few minutes on 2 cores; on a busy machine OMP_NUM_THREADS=1 avoids threads waiting on each other. The
figures do not depend on it: a 1-thread run gave exactly the figures of /work/shared/parity/golden/
script_outputs.json, which was made with the default 2 threads.)

The data comes from the lesson's own content/optimisers/delivery_data.py (imported). The training scripts run
their experiments at import time and print rounded figures, so their loops are written out again here,
statement for statement, recording the values before they are rounded.

Keys are the lesson's block ids and run labels (content/optimisers/optimisers.md), so the Swift tests can
follow the lesson. Numbers: every value is a string holding Python's repr of a binary64 (Double(String) reads
it back exactly; Foundation's JSONSerialization on Linux can misread a JSON number by an ulp). float32 values
(losses, accuracies, norms of float32 tensors) are written as the exact binary64 value of the float32.
Integers (epochs) are plain JSON numbers.
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.datasets import make_classification
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
LESSON = os.path.join(ROOT, "content", "optimisers")
OUT = os.path.join(ROOT, "Tests", "ExperimentsTests", "Fixtures", "lesson_outputs.json")
sys.path.insert(0, LESSON)
from delivery_data import make_delivery_data, split_and_scale  # noqa: E402  (the lesson's data module)


def r(x):
    """A binary64 (or the exact binary64 value of a float32) as its repr string."""
    return repr(float(x))


def rs(values):
    return [r(x) for x in np.asarray(values, dtype=np.float64).ravel()]


# ── the regression data of sgd_variants.py, adam_vs_adamw.py and lr_schedules.py ───────────────────────────
def regression_data():
    torch.manual_seed(42)  # each script seeds first; every run re-seeds before building its model
    X, y = make_delivery_data(n=2000, seed=42, noise=4.0)
    return split_and_scale(X, y)


def delivery_model():
    torch.manual_seed(42)
    return nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))


# ── sgd_variants.py → block sgd-variants ─────────────────────────────────────────────────────────────────────
def sgd_variants():
    data, y_test, y_mean, y_std = regression_data()

    def train(make_optimizer, epochs=150):
        model = delivery_model()
        optimizer = make_optimizer(model.parameters())
        loss_fn = nn.MSELoss()
        loader = torch.utils.data.DataLoader(
            torch.utils.data.TensorDataset(data["X_train"], data["y_train"]), batch_size=64, shuffle=True)
        train_losses = []
        for _ in range(epochs):
            model.train()
            for xb, yb in loader:
                optimizer.zero_grad()
                loss_fn(model(xb), yb).backward()
                optimizer.step()
            model.eval()
            with torch.no_grad():
                train_losses.append(loss_fn(model(data["X_train"]), data["y_train"]).item())
        with torch.no_grad():
            minutes = model(data["X_test"]).numpy() * y_std + y_mean
        return train_losses, mean_absolute_error(y_test, minutes)

    runs = {
        "SGD (lr=0.01)": lambda p: optim.SGD(p, lr=0.01),
        "SGD (lr=0.1)": lambda p: optim.SGD(p, lr=0.1),
        "SGD + momentum (β=0.9)": lambda p: optim.SGD(p, lr=0.01, momentum=0.9),
        "SGD + Nesterov (β=0.9)": lambda p: optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True),
    }
    out = {}
    for label, make_optimizer in runs.items():
        losses, mae = train(make_optimizer)
        out[label] = {"train_loss": rs(losses), "epoch10_loss": r(losses[9]), "final_loss": r(losses[-1]),
                      "test_mae": r(mae)}
        print(f"  sgd-variants {label:<26} {losses[9]:.6f} {losses[-1]:.6f} {mae:.4f}", flush=True)
    return {"runs": out}


# ── sgd_variants.py's momentum by hand (numpy) next to torch.optim.SGD → block momentum-by-hand ───────────────
def momentum_by_hand():
    grads = [np.array([0.5, -0.3, 0.8]), np.array([0.4, -0.2, 0.7]), np.array([0.6, -0.4, 0.9])]
    W = np.array([1.0, 2.0, -1.0])
    v = np.zeros_like(W)
    hand_v, hand_w = [], []
    for g in grads:
        v = 0.9 * v + g
        W = W - 0.1 * v
        hand_v.append(rs(v))
        hand_w.append(rs(W))
    p = torch.tensor([1.0, 2.0, -1.0], dtype=torch.float64, requires_grad=True)
    sgd = optim.SGD([p], lr=0.1, momentum=0.9)
    torch_w, torch_v = [], []
    for g in grads:
        sgd.zero_grad()
        p.grad = torch.tensor(g.copy())
        sgd.step()
        torch_w.append(rs(p.detach().numpy()))
        torch_v.append(rs(sgd.state[p]["momentum_buffer"].numpy()))
    return {"grad": [rs(g) for g in grads],
            "runs": {"by hand": {"velocity": hand_v, "param": hand_w},
                     "torch SGD": {"velocity": torch_v, "param": torch_w}}}


# ── adam_from_scratch.py → blocks adam-scratch and bias-correction ───────────────────────────────────────────
class TextbookAdam:
    """The script's class, unchanged: m, v in place; W -= lr * m_hat / (sqrt(v_hat) + eps)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        self.params, self.lr, self.eps = params, lr, eps
        self.b1, self.b2 = betas
        self.t = 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def step(self, grads):
        self.t += 1
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m[:] = self.b1 * m + (1 - self.b1) * g
            v[:] = self.b2 * v + (1 - self.b2) * g**2
            m_hat = m / (1 - self.b1**self.t)
            v_hat = v / (1 - self.b2**self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


def adam_from_scratch():
    np.random.seed(0)
    W_ours = np.array([1.0, -0.5, 0.8, -1.2])
    W_torch = torch.tensor(W_ours.copy(), requires_grad=True)
    ours = TextbookAdam([W_ours], lr=1e-3)
    theirs = optim.Adam([W_torch], lr=1e-3)
    gradients, scratch, torch_params, torch_m, torch_v, diffs = [], [], [], [], [], []
    for _ in range(1, 6):
        g = np.random.randn(4) * 0.5
        gradients.append(g)
        ours.step([g])
        theirs.zero_grad()
        W_torch.grad = torch.tensor(g.copy())
        theirs.step()
        scratch.append(rs(W_ours))
        torch_params.append(rs(W_torch.detach().numpy()))
        state = theirs.state[W_torch]
        torch_m.append(rs(state["exp_avg"].numpy()))
        torch_v.append(rs(state["exp_avg_sq"].numpy()))
        diffs.append(r(np.abs(W_ours - W_torch.detach().numpy()).max()))
    adam_scratch = {"grad": [rs(g) for g in gradients],
                    "runs": {"torch Adam": {"param": torch_params, "m": torch_m, "v": torch_v},
                             "textbook Adam": {"param": scratch, "max_abs_diff": diffs}}}

    # The bias-correction table: the script's scalar loop over the first weight's gradients.
    b1, b2, lr, eps = 0.9, 0.999, 1e-3, 1e-8
    m = v = 0.0
    rows = {k: [] for k in ["grad", "m", "m_hat", "v", "v_hat", "corrected", "uncorrected"]}
    for t, g in enumerate((g[0] for g in gradients), 1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
        corrected = m_hat / (np.sqrt(v_hat) + eps)
        uncorrected = m / (np.sqrt(v) + eps)
        for key, value in [("grad", g), ("m", m), ("m_hat", m_hat), ("v", v), ("v_hat", v_hat),
                           ("corrected", corrected), ("uncorrected", uncorrected)]:
            rows[key].append(r(value))
    return adam_scratch, rows


# ── adam_vs_adamw.py → block adam-vs-adamw ───────────────────────────────────────────────────────────────────
def adam_vs_adamw():
    data, y_test, y_mean, y_std = regression_data()

    def train(make_optimizer, epochs=150):
        model = delivery_model()
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

    runs = {
        "SGD + momentum (lr=0.01)": lambda p: optim.SGD(p, lr=0.01, momentum=0.9),
        "Adam (lr=1e-3)": lambda p: optim.Adam(p, lr=1e-3),
        "Adam + L2 (wd=0.01)": lambda p: optim.Adam(p, lr=1e-3, weight_decay=0.01),
        "AdamW (wd=0.01)": lambda p: optim.AdamW(p, lr=1e-3, weight_decay=0.01),
        "AdamW (wd=0.1)": lambda p: optim.AdamW(p, lr=1e-3, weight_decay=0.1),
    }
    out = {}
    for label, make_optimizer in runs.items():
        mae, norm = train(make_optimizer)
        out[label] = {"test_mae": r(mae), "weight_norm": r(norm)}
        print(f"  adam-vs-adamw {label:<26} {mae:.4f} {norm:.4f}", flush=True)
    return {"runs": out}


# ── lr_schedules.py → blocks lr-schedules and warmup-effect ──────────────────────────────────────────────────
def lr_schedules():
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

    def run(schedule):
        torch.manual_seed(42)
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

        # Recorded beside the script's loop (reading lr has no effect): the lr of each epoch's first and
        # last optimiser step.
        first_lr, last_lr = [], []
        for _ in range(EPOCHS):
            model.train()
            first = None
            for xb, yb in loader:
                optimizer.zero_grad()
                loss_fn(model(xb), yb).backward()
                lr_now = optimizer.param_groups[0]["lr"]
                first = lr_now if first is None else first
                optimizer.step()
                if per_batch:
                    scheduler.step()
            first_lr.append(first)
            last_lr.append(lr_now)
            if schedule == "plateau":
                model.eval()
                with torch.no_grad():
                    scheduler.step(loss_fn(model(data["X_val"]), data["y_val"]).item())
            elif scheduler is not None and not per_batch:
                scheduler.step()

        model.eval()
        with torch.no_grad():
            minutes = model(data["X_test"]).numpy() * y_std + y_mean
        return mean_absolute_error(y_test, minutes), first_lr, last_lr

    out = {}
    for schedule in ["none", "cosine", "step", "plateau", "onecycle", "warmup_cosine"]:
        mae, first_lr, last_lr = run(schedule)
        out[schedule] = {"test_mae": r(mae), "lr_first_step": rs(first_lr), "lr_last_step": rs(last_lr)}
        print(f"  lr-schedules {schedule:<14} {mae:.4f}", flush=True)

    lr, beta2, warmup = 1e-3, 0.999, 100
    steps = [1, 5, 10, 50, 100, 200]
    table = {"steps": steps, "no_warmup": [], "with_warmup": []}
    for t in steps:
        correction = math.sqrt(1 - beta2**t)
        table["no_warmup"].append(r(lr / correction))
        table["with_warmup"].append(r(lr * min(t / warmup, 1.0) / correction))
    return {"runs": out}, table


# ── sgd_vs_adam_classification.py → block classification ─────────────────────────────────────────────────────
def classification(names=("SGD + momentum", "Adam", "AdamW")):
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

        best_val, best_epoch, test_at_best, val_per_epoch, test_per_epoch = 0.0, 0, 0.0, [], []
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
            val_per_epoch.append(val)
            test_per_epoch.append(test)
            if val > best_val:
                best_val, best_epoch, test_at_best = val, epoch, test
        return best_val, best_epoch, test_at_best, val_per_epoch, test_per_epoch

    out = {}
    for name in names:
        val, epoch, test, val_per_epoch, test_per_epoch = run(name)
        out[name] = {"best_val_accuracy": r(val), "best_epoch": epoch, "test_accuracy_at_best": r(test),
                     "val_accuracy": rs(val_per_epoch), "test_accuracy": rs(test_per_epoch)}
        print(f"  classification {name:<16} {val:.4f} {epoch} {test:.4f}", flush=True)
    return {"runs": out}


def main():
    adam_scratch, bias_correction = adam_from_scratch()
    schedules, warmup_table = lr_schedules()
    doc = {
        "what": "Every figure of the optimisers lesson's experiment blocks (content/optimisers/optimisers.md), "
                "by block id and run label: sgd-variants (per-epoch full-train MSE, epoch 10, final, test MAE), "
                "momentum-by-hand and adam-scratch (float64 params and state per step), bias-correction "
                "(the script's scalar table), adam-vs-adamw (test MAE, weight norm), lr-schedules (test MAE, "
                "lr of each epoch's first and last optimiser step; the plateau schedule watches the validation loss), "
                "warmup-effect (the script's table), classification (best validation accuracy, its epoch, the test "
                "accuracy there, per-epoch validation and test accuracy).",
        "how": "scripts/reference/experiment_fixtures.py runs the lesson's scripts' code with the real "
               "libraries: the data from content/optimisers/delivery_data.py, the loops written out call for "
               "call (same seeds, same generator use). Numbers are repr strings of binary64 values (float32 "
               "values as the exact binary64 value of the float32); epochs are JSON integers.",
        "versions": {"torch": torch.__version__, "numpy": np.__version__,
                     "scikit-learn": __import__("sklearn").__version__, "python": sys.version.split()[0],
                     "torch_threads": torch.get_num_threads(),
                     "cpu_capability": torch.backends.cpu.get_cpu_capability()},
        "momentum-by-hand": momentum_by_hand(),
        "adam-scratch": adam_scratch,
        "bias-correction": bias_correction,
        "warmup-effect": warmup_table,
        "sgd-variants": sgd_variants(),
        "adam-vs-adamw": adam_vs_adamw(),
        "lr-schedules": schedules,
        "classification": classification(),
    }
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote", out, os.path.getsize(out), "bytes")


if __name__ == "__main__":
    main()
