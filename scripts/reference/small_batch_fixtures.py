"""Makes Tests/NumericCoreTests/Fixtures/layers_small_batch.json with the REAL PyTorch (one thread): a Linear layer's
products on small batches (2 to 16 rows), where MKL sums in other orders than on larger batches (docs/parity.md §4.2a;
scripts/reference/small_rows_gemm_probe.py shows which), and a whole training run on batches of 2 rows.

    products   per case (rows, in, out; 14 shapes on 2 and 3 rows, then 32→2 and 32→3 on 4, 5, 8, 9, 15 and 16 rows,
               6→8 and 1→16 on 5 and 9 rows): x [rows, in], W [out, in], b [out], g [rows, out], and torch's
               y = F.linear(x, W, b), dx = g·W, and the weight gradient of F.linear(x, W, b).backward(g)
    one_input  the same for a layer of one input: out 2 to 100 (10 widths) on 2 to 67 rows (11 counts)
    wide_inputs  forward passes only (x, W, b, y): in 48, 63, 64, 80, 96, 128, 200 with 2, 3 and 12 outputs on 2 to 16
               rows (2, 3, in // 24, in // 24 + 1; for 2 and 3 outputs also 10, 11, 15, 16)
    one_row    one row: in 1, 2, 3, 5, 17, 20, 33, 64, 100, 128 with 1, 2, 3, 5, 7, 12, 17 and 32 outputs, as products
    run        the batch-norm network of the second module's block bn-batch-size on batches of 2 rows, as the block was
               first written (the lesson now scales the learning rate with the batch; this run keeps lr 0.1, which
               drives the products through 3000 steps of large updates): make_moons(400, noise 0.2, random_state 0),
               train_test_split(0.25, 0),
               StandardScaler, manual_seed(42), Linear(2,32) BatchNorm1d ReLU Linear(32,32) BatchNorm1d ReLU
               Linear(32,2), SGD(lr 0.1, momentum 0.9), CrossEntropyLoss, DataLoader(batch_size=2, shuffle=True);
               the training rows, the initial parameters, the loader's row order, and after 150 and 3000 steps
               (1 and 20 epochs) every parameter, both batch norms' running statistics and that step's loss

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/small_batch_fixtures.py   (from the repository root; ~10 s)
"""
import json
import os
import sys

import numpy as np
import sklearn
import torch
import torch.nn as nn
import torch.nn.functional as Fn
from linear_cases import linear_case, packed
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "NumericCoreTests", "Fixtures",
                   "layers_small_batch.json")
VERSIONS = {"torch": torch.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
            "python": sys.version.split()[0], "cpu_capability": torch.backends.cpu.get_cpu_capability(), "threads": 1}


def products():
    rng = np.random.default_rng(17)
    shapes = [(2, 32), (32, 32), (32, 2), (32, 3), (4, 64), (64, 32), (12, 12), (32, 8), (32, 6), (32, 13), (1, 16),
              (3, 5), (16, 2), (64, 4)]
    # larger batches where the few-output kernel (I16) holds or has just given way to the fused chain
    # (docs/parity.md §4.2a): 32→2 is I16 up to 15 rows, 32→3 up to 10; 6→8 and 1→16 on 5 and 9 rows
    more = [(rows, 32, fout) for fout in (2, 3) for rows in (4, 5, 8, 9, 15, 16)] + [(5, 6, 8), (9, 6, 8), (5, 1, 16),
                                                                                   (9, 1, 16)]
    cases = []
    return [linear_case(rng, rows, fin, fout) for rows, fin, fout in [(rows, fin, fout) for rows in (2, 3) for fin, fout in shapes] + more]


def one_input():
    """A layer of one input, whose gradients MKL computes as matrix-vector products (docs/parity.md §4.2b): a generator
    of its own, so the cases above keep their inputs."""
    rng = np.random.default_rng(19)
    return [linear_case(rng, rows, 1, fout) for fout in (2, 3, 5, 16, 17, 20, 32, 33, 64, 100)
            for rows in (2, 3, 5, 7, 8, 9, 12, 16, 17, 33, 67)]


def wide_inputs():
    """Forward passes with 48 to 200 inputs on 2 to 16 rows, around the limits of the quarters order (in ≥ 24 · rows)
    and of the 16-lane one (2 outputs up to 15 rows, 3 up to 10); a generator of its own."""
    rng = np.random.default_rng(37)
    cases = []
    for fin in (48, 63, 64, 80, 96, 128, 200):
        for fout in (2, 3, 12):
            limits = {2, 3, fin // 24, fin // 24 + 1} | ({10, 11, 15, 16} if fout < 12 else set())
            for rows in sorted(limits):
                x = rng.standard_normal((rows, fin)).astype(np.float32)
                w = (rng.standard_normal((fout, fin)) * 0.3).astype(np.float32)
                b = (rng.standard_normal(fout) * 0.1).astype(np.float32)
                y = Fn.linear(torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b))
                cases.append({"rows": rows, "in": fin, "out": fout, "x": packed(x), "weight": packed(w),
                              "bias": packed(b), "y": packed(y.numpy())})
    return cases


def one_row():
    """Products of one row (MKL's matrix-vector products W·x and Wᵀ·g, docs/parity.md §4.2b); generators of their own."""
    rng, grad_rng = np.random.default_rng(41), np.random.default_rng(43)
    return [linear_case(rng, 1, fin, fout, grad_rng) for fin in (1, 2, 3, 5, 17, 20, 33, 64, 100, 128)
            for fout in (1, 2, 3, 5, 7, 12, 17, 32)]


def run():
    X, y = make_moons(n_samples=400, noise=0.2, random_state=0)
    X_train, _, y_train, _ = train_test_split(X, y, test_size=0.25, random_state=0)
    X_train = torch.FloatTensor(StandardScaler().fit(X_train).transform(X_train))
    y_train = torch.LongTensor(y_train)
    torch.manual_seed(42)
    model = nn.Sequential(nn.Linear(2, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 32), nn.BatchNorm1d(32),
                          nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(300)), batch_size=2, shuffle=True)

    def flat(tensors):
        return torch.cat([t.detach().reshape(-1) for t in tensors]).numpy()

    body = {"x": packed(X_train.numpy()), "y": [int(v) for v in y_train], "init": packed(flat(model.parameters())),
            "checkpoints": []}
    order, step = [], 0
    for _ in range(20):
        model.train()
        for (rows,) in loader:
            order += rows.tolist()
            optimizer.zero_grad()
            loss = loss_fn(model(X_train[rows]), y_train[rows])
            loss.backward()
            optimizer.step()
            step += 1
            if step in (150, 3000):
                body["checkpoints"].append({
                    "step": step, "loss": float(loss.item()), "parameters": packed(flat(model.parameters())),
                    "running": packed(flat([model[1].running_mean, model[1].running_var,
                                            model[4].running_mean, model[4].running_var]))})
    body["order"] = packed(order, "u16")
    return body


doc = {"what": "torch's Linear products on batches of 2 to 16 rows, and 3000 steps of training on batches of 2 rows "
               "(bn-batch-size's batch-norm network at lr 0.1).",
       "how": __doc__.split("\n\n")[1] + " Arrays as {dtype, shape, b64}: base64 of little-endian row-major bytes "
              "(f32 = binary32, u16 = uint16); loss values are the exact binary64 value of the float32.",
       "versions": VERSIONS, "products": products(), "one_input": one_input(), "wide_inputs": wide_inputs(),
       "one_row": one_row(),
       "run": run()}
with open(OUT, "w") as f:
    json.dump(doc, f, separators=(",", ":"))
    f.write("\n")
print("wrote", OUT, os.path.getsize(OUT), "bytes")
