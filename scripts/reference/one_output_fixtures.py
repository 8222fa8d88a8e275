"""Makes Tests/NumericCoreTests/Fixtures/layers_one_output.json with the REAL PyTorch (one thread): a Linear layer of
one output (the first module's last layer, 32→1 and 64→1), where MKL sums in other orders than the fused chain
(docs/parity.md §4.2b; scripts/reference/first_module_products_probe.py shows which), and short training runs of the
first module's two networks, every product of which is then torch's.

    forward        per case (rows, in; rows a multiple of 4, then 2 to 201 rows past a multiple of 4): x [rows, in],
                   W [1, in], b [1] and torch's y = F.linear(x, W, b)
    weight_grad    per case (rows, in; in 16, 32, 64, then in 1 to 100 not a multiple of 16, 2 to 64 rows): x [rows, in],
                   g [rows, 1] and the weight gradient of F.linear(x, W, b).backward(g)
    regression     sgd_variants.py / adam_vs_adamw.py (content/optimisers): the delivery-time data (1 600 training
                   rows), manual_seed(42), Linear(4,64) ReLU Linear(64,32) ReLU Linear(32,1), MSELoss,
                   DataLoader(batch_size=64, shuffle=True); runs "SGD (lr=0.01)" and "SGD (lr=0.1)" for 3 epochs:
                   the loader's row order, the initial parameters, after each epoch the loss on all training rows
                   (eval forward of 1 600 rows) and the parameters
    classification sgd_vs_adam_classification.py: make_classification(3000, 20, 10 informative, 5 redundant, 42),
                   stratified 60/20/20 split, StandardScaler; manual_seed(42), Linear(20,128) ReLU Linear(128,64)
                   ReLU Linear(64,1), BCEWithLogitsLoss, SGD(lr 0.01, momentum 0.9, weight_decay 1e-4), batches of 64 (the last of each epoch 8
                   rows) for 2 epochs: as above, with the validation logits (600 rows) after each epoch

The runs use SGD only: Adam's square root is MKL's, which on this machine is not the IEEE root the core takes
for about 0.7 % of inputs (docs/parity.md §4.4), so an Adam run leaves torch's bits for that reason alone. The cases
and runs were made on an x86-64 machine whose torch reports cpu capability AVX512 (versions below).

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/one_output_fixtures.py   (from the repository root; ~10 s)
"""
import base64
import json
import os
import sys

import numpy as np
import sklearn
import torch
import torch.nn as nn
import torch.nn.functional as Fn
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.set_num_threads(1)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "Tests", "NumericCoreTests", "Fixtures", "layers_one_output.json")
sys.path.insert(0, os.path.join(ROOT, "content", "optimisers"))
from delivery_data import make_delivery_data, split_and_scale  # noqa: E402  (the lesson's data module)

VERSIONS = {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
            "python": sys.version.split()[0], "cpu_capability": torch.backends.cpu.get_cpu_capability(), "threads": 1}


def packed(a, dtype="f32"):
    a = np.ascontiguousarray(np.asarray(a, dtype={"f32": "<f4", "u16": "<u2"}[dtype]))
    return {"dtype": dtype, "shape": list(a.shape), "b64": base64.b64encode(a.tobytes()).decode()}


def tensor(a):
    """A torch-allocated copy (64-byte aligned, as in training), not a view of numpy's memory."""
    return torch.from_numpy(a).clone()


def forward_cases(rng):
    cases = []
    shapes = [(r, k) for k in (32, 64) for r in (4, 8, 48, 64)] + [(400, 32)]
    shapes += [(r, k) for k in (1, 2, 3, 4, 8, 15, 16, 17, 20, 33, 47, 48, 49, 100, 128) for r in (12, 64)]
    for rows, fin in shapes:
        x = np.maximum(rng.standard_normal((rows, fin)), 0).astype(np.float32)
        w = (rng.standard_normal((1, fin)) * 0.3).astype(np.float32)
        b = (rng.standard_normal(1) * 0.1).astype(np.float32)
        y = Fn.linear(tensor(x), tensor(w), tensor(b)).numpy()
        cases.append({"rows": rows, "in": fin, "x": packed(x), "weight": packed(w), "bias": packed(b), "y": packed(y)})
    # Row counts past a multiple of 4 (their last 1 to 3 rows take another order, docs/parity.md §4.2b): a generator of
    # their own, so the cases above keep their inputs.
    tail_rng = np.random.default_rng(29)
    shapes = [(r, k) for k in (1, 2, 3, 16, 17, 20, 32, 33, 40, 49, 64, 65, 81, 97, 100, 129) for r in (2, 3, 5, 6, 7, 10)]
    shapes += [(67, k) for k in (20, 32, 64, 129)] + [(201, 20), (201, 64)]
    for rows, fin in shapes:
        x = tail_rng.standard_normal((rows, fin)).astype(np.float32)
        w = (tail_rng.standard_normal((1, fin)) * 0.3).astype(np.float32)
        b = (tail_rng.standard_normal(1) * 0.1).astype(np.float32)
        y = Fn.linear(tensor(x), tensor(w), tensor(b)).numpy()
        cases.append({"rows": rows, "in": fin, "x": packed(x), "weight": packed(w), "bias": packed(b), "y": packed(y)})
    return cases


def weight_grad_cases(rng):
    cases = []
    for fin in (16, 32, 64):
        for rows in (8, 9, 15, 16, 24, 48, 64):
            x = np.maximum(rng.standard_normal((rows, fin)), 0).astype(np.float32)
            g = (rng.standard_normal((rows, 1)) * 0.01).astype(np.float32)
            w = torch.zeros((1, fin), requires_grad=True)
            Fn.linear(tensor(x), w, torch.zeros(1)).backward(tensor(g))
            cases.append({"rows": rows, "in": fin, "x": packed(x), "grad_output": packed(g),
                          "grad_weight": packed(w.grad.numpy())})
    # in not a multiple of 16 (the columns past the last multiple of 16 take the fused chain), and fewer than 8 rows.
    tail_rng = np.random.default_rng(31)
    shapes = [(r, k) for k in (1, 5, 17, 20, 24, 33, 40, 50, 100) for r in (2, 5, 8, 9, 15, 16, 24, 50, 64)]
    for rows, fin in shapes:
        x = tail_rng.standard_normal((rows, fin)).astype(np.float32)
        g = (tail_rng.standard_normal((rows, 1)) * 0.01).astype(np.float32)
        w = torch.zeros((1, fin), requires_grad=True)
        Fn.linear(tensor(x), w, torch.zeros(1)).backward(tensor(g))
        cases.append({"rows": rows, "in": fin, "x": packed(x), "grad_output": packed(g),
                      "grad_weight": packed(w.grad.numpy())})
    return cases


def flat(tensors):
    return torch.cat([t.detach().reshape(-1) for t in tensors]).numpy()


def train(model, optimizer, loss_fn, x, y, epochs, evaluate):
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(len(x))), batch_size=64,
                                         shuffle=True)
    order, epochs_out = [], []
    for _ in range(epochs):
        model.train()
        for (rows,) in loader:
            order += rows.tolist()
            optimizer.zero_grad()
            loss_fn(model(x[rows]).squeeze(-1), y[rows]).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            epochs_out.append({"parameters": packed(flat(model.parameters())), **evaluate(model)})
    return packed(order, "u16"), epochs_out


def regression():
    torch.manual_seed(42)
    X, y = make_delivery_data(n=2000, seed=42, noise=4.0)
    data, *_ = split_and_scale(X, y)
    x, t = data["X_train"], data["y_train"].squeeze(-1)
    runs = {}
    for label, make in (("SGD (lr=0.01)", lambda p: torch.optim.SGD(p, lr=0.01)),
                        ("SGD (lr=0.1)", lambda p: torch.optim.SGD(p, lr=0.1))):
        torch.manual_seed(42)
        model = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
        init = packed(flat(model.parameters()))
        loss_fn = nn.MSELoss()
        order, epochs = train(model, make(model.parameters()), loss_fn, x, t, 3,
                              lambda m: {"train_loss": float(loss_fn(m(x).squeeze(-1), t).item())})
        runs[label] = {"init": init, "order": order, "epochs": epochs}
    return {"x": packed(x.numpy()), "y": packed(t.numpy()), "runs": runs}


def classification():
    torch.manual_seed(42)
    X, y = make_classification(n_samples=3000, n_features=20, n_informative=10, n_redundant=5, random_state=42)
    X_rest, _, y_rest, _ = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
    X_train, X_val, y_train, _ = train_test_split(X_rest, y_rest, test_size=0.2 / (1 - 0.2), stratify=y_rest,
                                                  random_state=42)
    scaler = StandardScaler()
    x = torch.FloatTensor(scaler.fit_transform(X_train))
    xv = torch.FloatTensor(scaler.transform(X_val))
    t = torch.FloatTensor(y_train)
    torch.manual_seed(42)
    model = nn.Sequential(nn.Linear(20, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 1))
    init = packed(flat(model.parameters()))
    order, epochs = train(model, torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9,
                                                                 weight_decay=1e-4), nn.BCEWithLogitsLoss(), x, t, 2,
                          lambda m: {"val_logits": packed(m(xv).numpy())})
    return {"x": packed(x.numpy()), "y": packed(t.numpy()), "x_val": packed(xv.numpy()), "init": init,
            "order": order, "epochs": epochs}


rng = np.random.default_rng(23)
doc = {"what": "torch's products of a Linear layer of one output (forward, weight gradient) and short training runs "
               "of the first module's two networks.",
       "how": __doc__.split("\n\n")[1] + " Arrays as {dtype, shape, b64}: base64 of little-endian row-major bytes "
              "(f32 = binary32, u16 = uint16); losses are the exact binary64 value of the float32.",
       "versions": VERSIONS, "forward": forward_cases(rng), "weight_grad": weight_grad_cases(rng),
       "regression": regression(), "classification": classification()}
with open(OUT, "w") as f:
    json.dump(doc, f, separators=(",", ":"))
    f.write("\n")
print("wrote", OUT, os.path.getsize(OUT), "bytes")
