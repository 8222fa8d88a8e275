"""Makes the optimiser-core fixtures in Tests/NumericCoreTests/Fixtures/ (optim_*.json, sched_*.json,
train_*.json) by running the REAL PyTorch / numpy / scikit-learn, following the lesson's scripts call for call.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/optim_fixtures.py   (from the repository root)

Number formats (also written into every file's `how`). Every binary64 array is packed: Foundation's
JSONSerialization on Linux does not parse every decimal to the nearest double, so repr'd float64 values
would not survive the round trip bit for bit.
  * plain JSON numbers: binary64 values via Python repr (exact); float32 values as the exact binary64 value
    of the float32, so Float(Double) recovers the bits;
  * long arrays as {"dtype": "f32" | "f64" | "u16", "shape": [...], "b64": base64 of the little-endian
    row-major bytes} to keep the files small.
"""
import base64
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.model_selection import train_test_split

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "NumericCoreTests", "Fixtures")
VERSIONS = {"torch": torch.__version__, "numpy": np.__version__,
            "python": sys.version.split()[0]}
FORMAT = ("float32 numbers are the exact binary64 value of the float32; arrays as {dtype, shape, b64} are "
          "base64 of little-endian row-major bytes (f32 = binary32, f64 = binary64, u16 = uint16).")
torch.set_num_threads(1)


def packed(a, dtype):
    a = np.ascontiguousarray(np.asarray(a, dtype={"f32": "<f4", "f64": "<f8", "u16": "<u2"}[dtype]))
    return {"dtype": dtype, "shape": list(a.shape), "b64": base64.b64encode(a.tobytes()).decode()}


def f32list(t):
    return [float(x) for x in np.asarray(t, np.float32).ravel()]


def write(name, what, how, body):
    doc = {"what": what, "how": how + " " + FORMAT, "versions": VERSIONS}
    doc.update(body)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, separators=(",", ":"))
    print("wrote", name, os.path.getsize(os.path.join(OUT, name)), "bytes")


# ── optimiser traces ──────────────────────────────────────────────────────────────────────────────────────
OPTIMS = {
    "SGD(lr=0.1)": lambda p: optim.SGD(p, lr=0.1),
    "SGD(lr=0.1, momentum=0.9)": lambda p: optim.SGD(p, lr=0.1, momentum=0.9),
    "SGD(lr=0.1, momentum=0.9, nesterov=True)": lambda p: optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
    "SGD(lr=0.1, momentum=0.9, dampening=0.5)": lambda p: optim.SGD(p, lr=0.1, momentum=0.9, dampening=0.5),
    "SGD(lr=0.1, weight_decay=0.01)": lambda p: optim.SGD(p, lr=0.1, weight_decay=0.01),
    "SGD(lr=0.05, momentum=0.8, dampening=0.1, weight_decay=1e-4)":
        lambda p: optim.SGD(p, lr=0.05, momentum=0.8, dampening=0.1, weight_decay=1e-4),
    "SGD(lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-4)":
        lambda p: optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-4),
    "Adam()": lambda p: optim.Adam(p),
    "Adam(lr=0.01)": lambda p: optim.Adam(p, lr=0.01),
    "Adam(lr=0.01, weight_decay=0.01)": lambda p: optim.Adam(p, lr=0.01, weight_decay=0.01),
    "Adam(lr=0.01, amsgrad=True)": lambda p: optim.Adam(p, lr=0.01, amsgrad=True),
    "Adam(lr=0.01, betas=(0.8, 0.99), eps=1e-6)": lambda p: optim.Adam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-6),
    "Adam(lr=0.01, betas=(0.3, 0.9))": lambda p: optim.Adam(p, lr=0.01, betas=(0.3, 0.9)),
    "AdamW()": lambda p: optim.AdamW(p),
    "AdamW(lr=0.01, weight_decay=0.1)": lambda p: optim.AdamW(p, lr=0.01, weight_decay=0.1),
    "AdamW(lr=0.01, weight_decay=0.1, amsgrad=True)": lambda p: optim.AdamW(p, lr=0.01, weight_decay=0.1, amsgrad=True),
}


def run_trace(make, start, grads):
    p = nn.Parameter(torch.tensor(start))
    opt = make([p])
    params, states = [], []
    for g in grads:
        p.grad = torch.tensor(g)
        opt.step()
        params.append(f32list(p.detach()))
        st = opt.state[p]
        states.append({key: f32list(val) if torch.is_tensor(val) and val.numel() > 1 else float(val)
                       for key, val in st.items()})
    return {"params": params, "state": states}


def optimizer_traces():
    n, steps, seed = 7, 10, 0
    rng = np.random.RandomState(seed)
    start = rng.normal(0, 1, n).astype(np.float32)
    grads = (rng.normal(0, 1, (steps, n)) * rng.choice([0.01, 1.0, 30.0], (steps, n))).astype(np.float32)
    traces = {name: run_trace(make, start, grads) for name, make in OPTIMS.items()}
    write("optim_traces.json",
          "10 torch.optim steps on one float32 parameter of 7 elements with a fixed gradient sequence: the "
          "parameter and the optimiser state after each step, for every SGD / Adam / AdamW option.",
          f"p = nn.Parameter(start); opt = <config>([p]); for each g: p.grad = g; opt.step(). torch CPU. The inputs "
          f"come from RandomState({seed}); Adam's square root is torch's, MKL's on the AVX-512 machine (docs/parity.md §4.4).",
          {"start": f32list(start), "grads": [f32list(g) for g in grads], "traces": traces})


def adam_float64():
    """ex2: torch.optim.Adam on a float64 tensor with the lesson's gradients."""
    np.random.seed(0)
    w = torch.tensor(np.array([1.0, -0.5, 0.8, -1.2]), requires_grad=True)
    opt = optim.Adam([w], lr=0.001)
    grads, params, ms, vs = [], [], [], []
    for _ in range(5):
        g = np.random.randn(4) * 0.5
        grads.append(g.tolist())
        opt.zero_grad()
        w.grad = torch.tensor(g.copy())
        opt.step()
        params.append(w.detach().numpy().tolist())
        ms.append(opt.state[w]["exp_avg"].numpy().tolist())
        vs.append(opt.state[w]["exp_avg_sq"].numpy().tolist())
    write("optim_adam_float64.json",
          "The lesson's ex2: torch.optim.Adam(lr=0.001) on a float64 tensor, 5 steps with np.random.seed(0) "
          "gradients randn(4)*0.5: parameter, exp_avg and exp_avg_sq after each step (binary64).",
          "Exactly the seed script's loop with real torch.",
          {"start": packed([1.0, -0.5, 0.8, -1.2], "f64"), "grads": packed(grads, "f64"),
           "params": packed(params, "f64"), "exp_avg": packed(ms, "f64"), "exp_avg_sq": packed(vs, "f64")})


# ── losses and Linear ─────────────────────────────────────────────────────────────────────────────────────
def losses():
    rng = np.random.RandomState(3)
    cases = {}
    for n in (64, 48, 7):
        x = torch.tensor(rng.normal(0, 1.5, (n, 1)).astype(np.float32), requires_grad=True)
        y = torch.tensor(rng.normal(0, 1, (n, 1)).astype(np.float32))
        loss = nn.MSELoss()(x, y)
        loss.backward()
        cases[f"mse_{n}"] = {"x": f32list(x.detach()), "y": f32list(y), "loss": float(loss.item()),
                             "grad": f32list(x.grad)}
    for n in (64, 7):
        x = torch.tensor((rng.normal(0, 3, n) * rng.choice([1, 10], n)).astype(np.float32), requires_grad=True)
        y = torch.tensor(rng.randint(0, 2, n).astype(np.float32))
        loss = nn.BCEWithLogitsLoss()(x, y)
        loss.backward()
        cases[f"bce_{n}"] = {"x": f32list(x.detach()), "y": f32list(y), "loss": float(loss.item()),
                             "grad": f32list(x.grad)}
    write("optim_losses.json",
          "nn.MSELoss() and nn.BCEWithLogitsLoss() (mean): value and gradient w.r.t. the input, float32.",
          "loss = loss_fn(x, y); loss.backward(); x.grad. MSE on [n, 1]; BCE on [n] (ex5 squeezes).",
          {"cases": cases})


def linear_layers():
    rng = np.random.RandomState(11)
    cases = {}
    for rows, fin, fout in ((64, 4, 64), (64, 64, 32), (32, 20, 128), (16, 128, 64), (37, 32, 1), (64, 32, 1)):
        lin = nn.Linear(fin, fout)
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(rng.uniform(-0.5, 0.5, (fout, fin)).astype(np.float32)))
            lin.bias.copy_(torch.tensor(rng.uniform(-0.5, 0.5, fout).astype(np.float32)))
        x = torch.tensor(rng.normal(0, 1, (rows, fin)).astype(np.float32), requires_grad=True)
        g = torch.tensor(rng.normal(0, 0.1, (rows, fout)).astype(np.float32))
        y = lin(x)
        y.backward(g)
        cases[f"{rows}x{fin}->{fout}"] = {
            "rows": rows, "in": fin, "out": fout,
            "W": packed(lin.weight.detach(), "f32"), "b": packed(lin.bias.detach(), "f32"),
            "x": packed(x.detach(), "f32"), "g": packed(g, "f32"), "y": packed(y.detach(), "f32"),
            "dx": packed(x.grad, "f32"), "dW": packed(lin.weight.grad, "f32"), "db": packed(lin.bias.grad, "f32"),
        }
    write("optim_linear.json",
          "nn.Linear forward y = x·Wᵀ + b and backward (dx, dW, db for an upstream gradient g), float32, torch CPU.",
          "lin.weight/bias set from uniform(-0.5, 0.5); x ~ N(0,1); g ~ N(0, 0.1); y = lin(x); y.backward(g). "
          "Single thread.", {"cases": cases})


# ── schedulers ────────────────────────────────────────────────────────────────────────────────────────────
def sequence(opt, sched, steps, metrics=None, key=None):
    lrs, moms = [], []

    def read():
        g = opt.param_groups[0]
        lrs.append(float(g["lr"]))
        if key == "betas":
            moms.append(float(g["betas"][0]))
        elif key == "momentum":
            moms.append(float(g["momentum"]))

    read()
    for k in range(steps):
        opt.step()
        if metrics is None:
            sched.step()
        else:
            sched.step(metrics[k])
        read()
    out = {"lr": lrs}
    if key:
        out["momentum"] = moms
    return out


def one_param():
    return [nn.Parameter(torch.zeros(1))]


def regression_tensors():
    """The lesson's ex1/ex3/ex4 data and normalisation (seed script, line for line)."""
    np.random.seed(42)
    torch.manual_seed(42)
    n = 2000
    distance = np.abs(np.random.normal(4.0, 2.0, n)).clip(0.5, 15)
    traffic = np.random.randint(1, 11, n).astype(float)
    prep = np.abs(np.random.normal(15, 5, n)).clip(5, 35)
    value = np.abs(np.random.normal(350, 150, n)).clip(50, 1200)
    delivery = (8.6 + 7.3 * distance + 0.8 * prep + 1.5 * traffic + np.random.normal(0, 4, n)).clip(10, 120)
    X = np.column_stack([distance, traffic, prep, value])
    y = delivery.reshape(-1, 1)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=42)
    X_mean, X_std = X_tr.mean(0), X_tr.std(0) + 1e-8
    y_mean, y_std = y_tr.mean(), y_tr.std() + 1e-8
    return {"X_tr_t": torch.FloatTensor((X_tr - X_mean) / X_std), "y_tr_t": torch.FloatTensor((y_tr - y_mean) / y_std),
            "X_te_t": torch.FloatTensor((X_te - X_mean) / X_std), "y_te_t": torch.FloatTensor((y_te - y_mean) / y_std)}


def regression_model():
    torch.manual_seed(42)
    return nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))


def plateau_metrics(d, epochs=150):
    """ex4 'plateau': the test MSE fed to ReduceLROnPlateau after each epoch (real training)."""
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(d["X_tr_t"], d["y_tr_t"]),
                                         batch_size=64, shuffle=True)
    model = regression_model()
    loss_fn = nn.MSELoss()
    opt = optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    sched = optim.lr_scheduler.ReduceLROnPlateau(opt, patience=10, factor=0.5)
    vals = []
    for _ in range(epochs):
        model.train()
        for Xb, yb in loader:
            opt.zero_grad()
            loss_fn(model(Xb), yb).backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            val = loss_fn(model(d["X_te_t"]), d["y_te_t"]).item()
        vals.append(val)
        sched.step(val)
    return vals


def schedulers(d):
    S = optim.lr_scheduler
    seqs = {}
    o = optim.AdamW(one_param(), lr=1e-3, weight_decay=0.01)
    seqs["ex4 step"] = sequence(o, S.StepLR(o, step_size=50, gamma=0.1), 150)
    o = optim.AdamW(one_param(), lr=1e-3, weight_decay=0.01)
    seqs["ex4 cosine"] = sequence(o, S.CosineAnnealingLR(o, T_max=150, eta_min=1e-6), 150)
    o = optim.SGD(one_param(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    seqs["ex5 sgd cosine"] = sequence(o, S.CosineAnnealingLR(o, T_max=200), 200)
    o = optim.AdamW(one_param(), lr=1e-3, weight_decay=0.01)
    seqs["ex5 adamw cosine"] = sequence(o, S.CosineAnnealingLR(o, T_max=200), 200)
    o = optim.SGD(one_param(), lr=0.1)
    seqs["cosine T=10 eta=1e-5, 45 steps"] = sequence(o, S.CosineAnnealingLR(o, T_max=10, eta_min=1e-5), 45)
    o = optim.SGD(one_param(), lr=0.1)
    seqs["step size=3 gamma=0.5, 20 steps"] = sequence(o, S.StepLR(o, step_size=3, gamma=0.5), 20)

    metrics = plateau_metrics(d)
    o = optim.AdamW(one_param(), lr=1e-3, weight_decay=0.01)
    seqs["ex4 plateau"] = dict(sequence(o, S.ReduceLROnPlateau(o, patience=10, factor=0.5), 150, metrics),
                               metrics=metrics)
    rng = np.random.RandomState(5)
    noisy = [float(x) for x in np.cumsum(rng.normal(0, 1, 80)) + 0.0]
    for label, kw in {"max rel": dict(mode="max"),
                      "min abs threshold 0.5 cooldown 3": dict(threshold=0.5, threshold_mode="abs", cooldown=3,
                                                               patience=2),
                      "max abs patience 0 factor 0.3 min_lr 1e-3": dict(mode="max", threshold_mode="abs",
                                                                        patience=0, factor=0.3, min_lr=1e-3),
                      "min rel patience 1 factor 0.5 eps 0.02": dict(patience=1, factor=0.5, eps=0.02)}.items():
        o = optim.SGD(one_param(), lr=0.1)
        seqs["plateau " + label] = dict(sequence(o, S.ReduceLROnPlateau(o, **kw), 80, noisy), metrics=noisy,
                                        kwargs=kw)

    o = optim.AdamW(one_param(), lr=1e-3, weight_decay=0.01)
    seqs["ex4 onecycle"] = sequence(o, S.OneCycleLR(o, max_lr=1e-2, steps_per_epoch=25, epochs=150), 3750,
                                    key="betas")
    o = optim.SGD(one_param(), lr=0.05)
    seqs["onecycle SGD no momentum max 0.5 total 40"] = sequence(o, S.OneCycleLR(o, max_lr=0.5, total_steps=40),
                                                                 40, key="momentum")
    o = optim.SGD(one_param(), lr=0.05, momentum=0.9)
    seqs["onecycle SGD linear three_phase max 0.5 total 50 pct 0.25 div 10 final 100"] = sequence(
        o, S.OneCycleLR(o, max_lr=0.5, total_steps=50, pct_start=0.25, anneal_strategy="linear", three_phase=True,
                        div_factor=10, final_div_factor=100, base_momentum=0.8, max_momentum=0.9), 50, key="momentum")
    o = optim.Adam(one_param(), lr=1e-3, betas=(0.7, 0.99))
    seqs["onecycle Adam no cycle_momentum three_phase cos max 0.02 total 33"] = sequence(
        o, S.OneCycleLR(o, max_lr=0.02, total_steps=33, three_phase=True, cycle_momentum=False), 33, key="betas")

    total, warm = 150 * 25, int(0.1 * 150 * 25)

    def lr_lambda(step):
        if step < warm:
            return step / warm
        progress = (step - warm) / (total - warm)
        return 0.5 * (1 + np.cos(np.pi * progress))
    o = optim.AdamW(one_param(), lr=1e-3, weight_decay=0.01)
    seqs["ex4 warmup_cosine"] = sequence(o, S.LambdaLR(o, lr_lambda), 3750)

    for name, s in seqs.items():
        for key in ("lr", "momentum", "metrics"):
            if key in s:
                s[key] = packed(s[key], "f64")
    write("sched_sequences.json",
          "torch.optim.lr_scheduler sequences: lr (and beta1 / momentum) after construction (index 0) and after "
          "each scheduler.step(); ReduceLROnPlateau fed `metrics`.",
          "1-element parameter; optimizer.step() then scheduler.step(), repeated; values read from "
          "optimizer.param_groups[0] (binary64). ex4 plateau metrics: the test MSE of a real ex4 'plateau' run; "
          "the other plateau runs are fed a RandomState(5) random walk.", {"sequences": seqs})


# ── end-to-end ex1 ────────────────────────────────────────────────────────────────────────────────────────
def train_ex1(d, epochs=10, record_steps=30):
    X, y = d["X_tr_t"], d["y_tr_t"]
    model = regression_model()
    init = [f32list(p.detach()) for p in model.parameters()]
    opt = optim.SGD(model.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    idx = torch.arange(len(X))
    # The index tensor rides along: the sampler draws the same, so the batches are the lesson's own.
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, y, idx), batch_size=64, shuffle=True)
    orders, step_losses, epoch_losses = [], [], []
    for _ in range(epochs):
        order = []
        model.train()
        for Xb, yb, ib in loader:
            order.extend(int(i) for i in ib)
            opt.zero_grad()
            loss = loss_fn(model(Xb), yb)
            if len(step_losses) < record_steps:
                step_losses.append(float(loss.item()))
            loss.backward()
            opt.step()
        orders.append(order)
        model.eval()
        with torch.no_grad():
            epoch_losses.append(float(loss_fn(model(X), y).item()))
    with torch.no_grad():
        test_pred = model(d["X_te_t"])
    write("train_ex1.json",
          "The lesson's ex1 'SGD (lr=0.01)' for 10 epochs: train tensors, initial parameters (model.parameters() "
          "order, weights row-major [out, in]), the DataLoader order of each epoch, the first 30 minibatch losses "
          "(loss.item() before backward), the full-train MSE after each epoch, and test predictions after epoch 10.",
          "The seed's data code, make_model() and loop with real torch (single thread); the loader carries an "
          "index tensor to record its order.",
          {"sizes": [4, 64, 32, 1], "X_tr_t": packed(X, "f32"), "y_tr_t": packed(y, "f32"),
           "X_te_t": packed(d["X_te_t"], "f32"), "y_te_t": packed(d["y_te_t"], "f32"),
           "init": [packed(p, "f32") for p in init], "orders": packed(orders, "u16"),
           "step_losses": packed(step_losses, "f64"), "epoch_losses": packed(epoch_losses, "f64"), "test_pred_epoch_10": packed(test_pred, "f32")})


def train_variants(d, epochs=10):
    """Ten epochs of other ex1/ex3/ex4 configurations. Every one of them seeds 42 before building the model and
    then iterates a fresh DataLoader, so init and batch order are ex1's (asserted)."""
    S = optim.lr_scheduler
    X, y = d["X_tr_t"], d["y_tr_t"]
    ref_orders = None
    configs = {
        "SGD(lr=0.1)": (lambda p: optim.SGD(p, lr=0.1), None, False),
        "SGD(lr=0.01, momentum=0.9)": (lambda p: optim.SGD(p, lr=0.01, momentum=0.9), None, False),
        "SGD(lr=0.01, momentum=0.9, nesterov=True)":
            (lambda p: optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True), None, False),
        "Adam(lr=1e-3)": (lambda p: optim.Adam(p, lr=1e-3), None, False),
        "Adam(lr=1e-3, weight_decay=0.01)": (lambda p: optim.Adam(p, lr=1e-3, weight_decay=0.01), None, False),
        "AdamW(lr=1e-3, weight_decay=0.01)": (lambda p: optim.AdamW(p, lr=1e-3, weight_decay=0.01), None, False),
        "AdamW + StepLR(3, 0.5) per epoch": (lambda p: optim.AdamW(p, lr=1e-3, weight_decay=0.01),
                                             lambda o: S.StepLR(o, step_size=3, gamma=0.5), False),
        "AdamW + OneCycleLR(1e-2, 25 x 150) per batch": (lambda p: optim.AdamW(p, lr=1e-3, weight_decay=0.01),
                                                        lambda o: S.OneCycleLR(o, max_lr=1e-2, steps_per_epoch=25,
                                                                               epochs=150), True),
    }
    out = {}
    for name, (make_opt, make_sched, per_batch) in configs.items():
        model = regression_model()
        opt = make_opt(model.parameters())
        sched = make_sched(opt) if make_sched else None
        loss_fn = nn.MSELoss()
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, y, torch.arange(len(X))),
                                             batch_size=64, shuffle=True)
        losses, orders = [], []
        for _ in range(epochs):
            order = []
            for Xb, yb, ib in loader:
                order.extend(int(i) for i in ib)
                opt.zero_grad()
                loss_fn(model(Xb), yb).backward()
                opt.step()
                if sched is not None and per_batch:
                    sched.step()
            if sched is not None and not per_batch:
                sched.step()
            orders.append(order)
            with torch.no_grad():
                losses.append(float(loss_fn(model(X), y).item()))
        assert ref_orders is None or orders == ref_orders
        ref_orders = orders
        out[name] = packed(losses, "f64")
    write("train_variants.json",
          "Full-train MSE after each of the first 10 epochs for other ex1/ex3/ex4 optimiser and schedule "
          "configurations, with ex1's data, init and batch order (train_ex1.json).",
          "The seed's loop with real torch, single thread; schedulers stepped as in ex4 (per batch / per epoch).",
          {"epoch_losses": out})


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    optimizer_traces()
    if "--traces" in sys.argv:
        sys.exit()
    adam_float64()
    losses()
    linear_layers()
    d = regression_tensors()
    train_ex1(d)
    train_variants(d)
    if "--train" in sys.argv:
        sys.exit()
    schedulers(d)
