"""Golden vectors for NumericCore's Random/, Data/ and Metrics/ code, made by the real numpy, scikit-learn
and PyTorch. Writes Tests/NumericCoreTests/Fixtures/data_*.json (run from the repository root):

    /root/venvs/parity/bin/python scripts/reference/data_fixtures.py

Number formats: binary64 values as JSON *strings* holding Python's `repr` (Foundation's JSONSerialization on
Linux does not parse every double exactly; Swift's `Double(String)` does); float32 values as JSON numbers
holding the exact binary64 value of the float32 (rounding to Float recovers them); `fnv1a64` is FNV-1a 64-bit over the little-endian bytes of the
row-major array (float64: 8 bytes, float32: 4 bytes, int64: 8 bytes), as 16 hex digits.
"""
import json
import os
import sys

import numpy as np
import sklearn
import torch
import torch.nn as nn
from sklearn.datasets import make_classification
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "NumericCoreTests", "Fixtures")
VERSIONS = {"numpy": np.__version__, "scikit-learn": sklearn.__version__, "torch": torch.__version__}


def fnv1a64(array, dtype):
    data = np.ascontiguousarray(np.asarray(array, dtype=dtype)).astype(np.dtype(dtype).newbyteorder("<")).tobytes()
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def f64(values):
    return [repr(float(v)) for v in np.asarray(values, dtype=np.float64).ravel()]


def d64(value):
    return repr(float(value))


def f32(values):
    return [float(v) for v in np.asarray(values, dtype=np.float32).ravel().astype(np.float64)]


def ints(values):
    return [int(v) for v in np.asarray(values).ravel()]


def write(name, what, how, body):
    doc = {"what": what, "how": how, "versions": VERSIONS}
    doc.update(body)
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"{name}: {os.path.getsize(path)} bytes")


# ---------------------------------------------------------------------------------------------------------
def mt19937():
    outputs = {str(s): ints(np.random.RandomState(s)._bit_generator.random_raw(1000)) for s in (42, 5489)}
    outputs[str(2**32 - 1)] = ints(np.random.RandomState(2**32 - 1)._bit_generator.random_raw(8))
    errors = []
    for bad in (2**32, -1):
        try:
            np.random.RandomState(bad)
        except ValueError as e:
            errors.append({"seed": bad, "message": str(e)})
    write("data_mt19937.json", "First MT19937 outputs (init_genrand seeding) and seeds numpy rejects.",
          "np.random.RandomState(seed)._bit_generator.random_raw(n)", {"outputs": outputs, "rejected_seeds": errors})


# ---------------------------------------------------------------------------------------------------------
def numpy_streams():
    calls = [
        ("normal", (4.0, 2.0, 7)), ("normal", (15.0, 5.0, 4)), ("randint", (1, 11, 10)),
        ("random_sample", (5,)), ("uniform", (-3.0, 5.0, 5)), ("standard_normal", (3,)),
        ("randint", (0, 1, 3)), ("randint", (0, 2**40, 4)), ("randint", (-5, 2**32 - 5, 3)),
        ("randint", (10, 20, 6)), ("permutation", (10,)), ("choice", (10, 4)), ("shuffle", (7,)),
        ("choice", (1, 1)), ("normal", (0.0, 1.0, 1)), ("randint", (-(2**40), 2**41, 3)),
    ]
    streams = {}
    for seed in (42, 0, 7):
        r = np.random.RandomState(seed)
        out = []
        for name, args in calls:
            if name == "normal":
                v = f64(r.normal(*args))
            elif name == "randint":
                v = ints(r.randint(*args))
            elif name == "random_sample":
                v = f64(r.random_sample(*args))
            elif name == "uniform":
                v = f64(r.uniform(*args))
            elif name == "standard_normal":
                v = f64(r.standard_normal(*args))
            elif name == "permutation":
                v = ints(r.permutation(*args))
            elif name == "choice":
                v = ints(r.choice(args[0], args[1], replace=False))
            elif name == "shuffle":
                a = np.arange(args[0])
                r.shuffle(a)
                v = ints(a)
            out.append({"call": name, "args": [float(a) if isinstance(a, float) else a for a in args], "values": v})
        streams[str(seed)] = out
    # seeding resets the Gaussian cache
    r = np.random.RandomState(42)
    first = f64(r.normal(0.0, 1.0, 1))
    r.seed(42)
    again = f64(r.normal(0.0, 1.0, 3))
    perm = np.random.RandomState(42).permutation(2000)
    write("data_numpy_legacy.json",
          "numpy legacy RandomState streams: for each seed, the calls in order on ONE RandomState(seed).",
          "np.random.RandomState(seed) methods; choice(n, k, replace=False); shuffle(np.arange(n)).",
          {"streams": streams, "reseed": {"first": first, "after_reseed": again},
           "permutation_2000_seed42": {"fnv1a64": fnv1a64(perm, np.int64), "first": ints(perm[:20])}})


# ---------------------------------------------------------------------------------------------------------
def delivery(seed=42, n=2000, noise=4.0):
    np.random.seed(seed)
    distance = np.abs(np.random.normal(4.0, 2.0, n)).clip(0.5, 15)
    traffic = np.random.randint(1, 11, n).astype(float)
    prep = np.abs(np.random.normal(15, 5, n)).clip(5, 35)
    value = np.abs(np.random.normal(350, 150, n)).clip(50, 1200)
    delivery = (8.6 + 7.3 * distance + 0.8 * prep + 1.5 * traffic
                + np.random.normal(0, noise, n)).clip(10, 120)
    X = np.column_stack([distance, traffic, prep, value])
    return X, delivery.reshape(-1, 1)


def delivery_data():
    X, y = delivery()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=42)
    idx_tr, idx_te = train_test_split(np.arange(2000), test_size=0.2, random_state=42)
    X_mean, X_std = X_tr.mean(0), X_tr.std(0) + 1e-8
    y_mean, y_std = y_tr.mean(), y_tr.std() + 1e-8
    X_tr_t = torch.FloatTensor((X_tr - X_mean) / X_std)
    y_tr_t = torch.FloatTensor((y_tr - y_mean) / y_std)
    X_te_t = torch.FloatTensor((X_te - X_mean) / X_std)
    y_te_t = torch.FloatTensor((y_te - y_mean) / y_std)
    # MAE as the lesson computes it, on made-up float32 predictions: y_te_t + 0.125 * ((i mod 7) - 3)
    offsets = np.array([(i % 7) - 3 for i in range(400)], dtype=np.float32).reshape(-1, 1) * np.float32(0.125)
    pred = (y_te_t.numpy() + offsets).astype(np.float32)
    y_pred = pred * y_std + y_mean
    mae = mean_absolute_error(y_te, y_pred)
    X2, y2 = delivery(seed=7, n=300, noise=2.5)
    write("data_delivery.json",
          "ex1/ex3/ex4 delivery-time data (seed 42, n 2000, noise 4), its split, the lesson's normalisation, "
          "its float32 tensors and a test MAE; plus a variant (seed 7, n 300, noise 2.5).",
          "The seed scripts' numpy / sklearn / torch calls; mae = mean_absolute_error(y_te, pred*y_std+y_mean) "
          "with pred = f32(y_te_t + 0.125*((i mod 7) - 3)).",
          {"X": {"fnv1a64": fnv1a64(X, np.float64), "first_3_rows": f64(X[:3]), "last_row": f64(X[-1])},
           "y": {"fnv1a64": fnv1a64(y, np.float64), "first_5": f64(y[:5, 0]), "last": d64(y[-1, 0])},
           "train_indices": {"fnv1a64": fnv1a64(idx_tr, np.int64), "first_10": ints(idx_tr[:10])},
           "test_indices": {"fnv1a64": fnv1a64(idx_te, np.int64), "first_10": ints(idx_te[:10])},
           "X_mean": f64(X_mean), "X_std_plus_1e-8": f64(X_std), "y_mean": d64(y_mean),
           "y_std_plus_1e-8": d64(y_std),
           "tensors": {"X_tr_t": {"fnv1a64": fnv1a64(X_tr_t.numpy(), np.float32), "first_2_rows": f32(X_tr_t[:2])},
                       "y_tr_t": {"fnv1a64": fnv1a64(y_tr_t.numpy(), np.float32), "first_5": f32(y_tr_t[:5])},
                       "X_te_t": {"fnv1a64": fnv1a64(X_te_t.numpy(), np.float32), "first_2_rows": f32(X_te_t[:2])},
                       "y_te_t": {"fnv1a64": fnv1a64(y_te_t.numpy(), np.float32), "first_5": f32(y_te_t[:5])}},
           "mae": d64(mae),
           "variant_seed7_n300_noise2.5": {"X_fnv1a64": fnv1a64(X2, np.float64), "y_fnv1a64": fnv1a64(y2, np.float64),
                                           "y_first_3": f64(y2[:3, 0])}})


# ---------------------------------------------------------------------------------------------------------
CLS_VARIANTS = [
    # ratio 4/1024 -> tracking selection is the lesson's call; these exercise the other two methods
    {"n_samples": 200, "n_features": 6, "n_informative": 2, "n_redundant": 1, "n_repeated": 1,
     "n_clusters_per_class": 1, "flip_y": 0.1, "random_state": 3},                       # 2/4: permutation
    {"n_samples": 300, "n_features": 8, "n_informative": 7, "n_redundant": 0, "n_classes": 127,
     "n_clusters_per_class": 1, "random_state": 5},                                      # 127/128: reservoir
    {"n_samples": 150, "n_features": 5, "n_informative": 3, "n_redundant": 1, "n_classes": 3,
     "n_clusters_per_class": 1, "class_sep": 2.0, "hypercube": False, "shift": None, "scale": None,
     "shuffle": False, "random_state": 11},
    {"n_samples": 97, "n_features": 4, "n_informative": 2, "n_redundant": 2, "n_classes": 2,
     "n_clusters_per_class": 2, "flip_y": 0.0, "random_state": 0},                       # 4/4: reservoir, no draws
    # class weights: all n_classes given, n_classes - 1 given (the last is 1 - sum), two classes
    {"n_samples": 500, "n_features": 10, "n_informative": 4, "n_redundant": 2, "n_classes": 3,
     "weights": [0.7, 0.2, 0.1], "random_state": 8},
    {"n_samples": 333, "n_features": 6, "n_informative": 3, "n_redundant": 1, "n_classes": 4,
     "n_clusters_per_class": 1, "weights": [0.5, 0.25, 0.15], "random_state": 21},
    {"n_samples": 200, "n_features": 5, "n_informative": 2, "n_redundant": 1, "weights": [0.9],
     "random_state": 4},
]


def classification_data():
    X, y = make_classification(n_samples=3000, n_features=20, n_informative=10, n_redundant=5, random_state=42)
    idx_tr, idx_te = train_test_split(np.arange(3000), test_size=0.2, stratify=y, random_state=42)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
    sc = StandardScaler()
    X_tr_t = torch.FloatTensor(sc.fit_transform(X_tr))
    X_te_t = torch.FloatTensor(sc.transform(X_te))
    y_tr_t = torch.FloatTensor(y_tr)
    variants = []
    for kw in CLS_VARIANTS:
        Xv, yv = make_classification(**kw)
        variants.append({"params": kw, "X": f64(Xv), "y": ints(yv)})
    # stratified splits on small label sets (ties in approx_mode's remainders, three classes)
    strat = []
    for labels, test_size, seed in [
        ([0, 1, 2] * 5, 0.2, 0), ([0] * 3 + [1] * 3 + [2] * 4, 0.3, 1),
        (ints(np.random.RandomState(1).choice(3, 50, p=[0.5, 0.3, 0.2])), 0.25, 42),
        ([0] * 7 + [1] * 5 + [2] * 5 + [3] * 4, 0.2, 9),
    ]:
        tr, te = train_test_split(np.arange(len(labels)), test_size=test_size, stratify=labels, random_state=seed)
        strat.append({"labels": labels, "test_size": test_size, "seed": seed, "train": ints(tr), "test": ints(te)})
    plain = []
    for n, test_size, seed in [(10, 0.2, 0), (1000, 0.25, 7), (3001, 0.2, 42), (37, 0.33, 123)]:
        tr, te = train_test_split(np.arange(n), test_size=test_size, random_state=seed)
        plain.append({"n": n, "test_size": test_size, "seed": seed, "train_fnv1a64": fnv1a64(tr, np.int64),
                      "test_fnv1a64": fnv1a64(te, np.int64), "train_first_5": ints(tr[:5]), "test_first_5": ints(te[:5]),
                      "n_train": len(tr), "n_test": len(te)})
    write("data_classification.json",
          "ex5 make_classification(n_samples=3000, n_features=20, n_informative=10, n_redundant=5, random_state=42), "
          "its stratified split, StandardScaler and float32 tensors; make_classification variants; small stratified "
          "and plain train_test_split cases.",
          "sklearn.datasets.make_classification, sklearn.model_selection.train_test_split (on arange(n)), "
          "sklearn.preprocessing.StandardScaler, torch.FloatTensor.",
          {"X": {"fnv1a64": fnv1a64(X, np.float64), "first_2_rows": f64(X[:2]), "column_sums": f64(X.sum(0))},
           "y": {"fnv1a64": fnv1a64(y, np.int64), "first_20": ints(y[:20]), "ones": int(y.sum())},
           "train_indices": {"fnv1a64": fnv1a64(idx_tr, np.int64), "first_10": ints(idx_tr[:10])},
           "test_indices": {"fnv1a64": fnv1a64(idx_te, np.int64), "first_10": ints(idx_te[:10])},
           "scaler_mean": f64(sc.mean_), "scaler_scale": f64(sc.scale_),
           "tensors": {"X_tr_t": fnv1a64(X_tr_t.numpy(), np.float32), "X_te_t": fnv1a64(X_te_t.numpy(), np.float32),
                       "y_tr_t": fnv1a64(y_tr_t.numpy(), np.float32)},
           "variants": variants, "stratified": strat, "plain": plain})


# ---------------------------------------------------------------------------------------------------------
def mlp(sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def torch_data():
    archs = {}
    for name, sizes, n in (("ex1", [4, 64, 32, 1], 1600), ("ex5", [20, 128, 64, 1], 2400)):
        torch.manual_seed(42)
        model = mlp(sizes)
        params = []
        for pname, p in model.named_parameters():
            v = p.detach().numpy().ravel()
            params.append({"name": pname, "shape": list(p.shape), "fnv1a64": fnv1a64(v, np.float32),
                           "first_4": f32(v[:4]), "last": f32(v[-1:])[0]})
        norm_sum = sum(p.norm().item() for p in model.parameters())
        ds = torch.utils.data.TensorDataset(torch.arange(n))
        loader = torch.utils.data.DataLoader(ds, batch_size=64, shuffle=True)
        epochs = []
        for _ in range(3):
            order = torch.cat([b[0] for b in loader]).numpy()
            epochs.append({"fnv1a64": fnv1a64(order, np.int64), "first_70": ints(order[:70]), "last": int(order[-1])})
        nxt = int(torch.empty((), dtype=torch.int64).random_().item())
        archs[name] = {"sizes": sizes, "n": n, "parameters": params, "parameter_norm_sum": d64(norm_sum),
                       "epoch_orders": epochs, "next_int64_after_3_epochs": nxt}
    # uniform_ with non-power-of-two bounds, seed reduction mod 2^32, randomInt64, randperm
    torch.manual_seed(7)
    uni = f32(torch.empty(12).uniform_(-0.3, 0.7))
    torch.manual_seed(2**40 + 5)
    big = f32(torch.empty(3).uniform_(0.0, 1.0))
    torch.manual_seed(5)
    small = f32(torch.empty(3).uniform_(0.0, 1.0))
    torch.manual_seed(42)
    int64s = [int(torch.empty((), dtype=torch.int64).random_().item()) for _ in range(3)]
    perms = {}
    for seed, n in ((3, 10), (11, 65), (2024, 1000)):
        g = torch.Generator().manual_seed(seed)
        p = torch.randperm(n, generator=g).numpy()
        perms[f"{seed}_{n}"] = {"seed": seed, "n": n, "fnv1a64": fnv1a64(p, np.int64), "first_10": ints(p[:10])}
    # shuffle off still draws the loader's base seed; drop_last; one epoch with n = 100
    torch.manual_seed(42)
    seq = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(100)), batch_size=64, shuffle=False)
    seq_batches = [ints(b[0]) for b in seq]
    after_seq = int(torch.empty((), dtype=torch.int64).random_().item())
    torch.manual_seed(42)
    dl = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(100)), batch_size=64, shuffle=True,
                                     drop_last=True)
    drop_batches = [ints(b[0]) for b in dl]
    after_drop = int(torch.empty((), dtype=torch.int64).random_().item())
    # accuracy from logits as ex5 computes it
    logits = (torch.arange(600, dtype=torch.float32) * 0.37).sin() * 3.0 + 0.25
    labels = (torch.arange(600) % 3 == 0).float()
    acc = ((logits > 0).float() == labels).float().mean().item()
    write("data_torch.json",
          "torch.manual_seed(42) nn.Linear initialisation of 4-64-32-1 and 20-128-64-1 (digest and samples of each "
          "parameter, the sum of parameter norms), then 3 DataLoader(batch_size=64, shuffle=True) epoch orders; "
          "uniform_, int64 random_, randperm, shuffle off, drop_last and ex5-style accuracy.",
          "torch CPU default generator; DataLoader over TensorDataset(arange(n)); accuracy = "
          "((logits > 0).float() == labels).float().mean().item() with logits = f32 values listed.",
          {"architectures": archs, "uniform_seed7_-0.3_0.7": uni, "uniform_seed_2^40+5": big, "uniform_seed5": small,
           "int64_seed42": int64s, "randperm": perms,
           "sequential_n100": {"batches": seq_batches, "next_int64": after_seq},
           "drop_last_n100": {"batches": drop_batches, "next_int64": after_drop},
           "accuracy": {"logits": f32(logits), "labels": ints(labels), "value": acc}})


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for job in (mt19937, numpy_streams, delivery_data, classification_data, torch_data):
        job()
    sys.exit(0)
