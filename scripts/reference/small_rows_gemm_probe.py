"""Probes which summation order torch's CPU matrix products (MKL sgemm, one thread; AVX2 + FMA or AVX-512) take for a Linear
layer on batches of 2 and 3 rows, and for layers of 2 or 3 outputs; prints tables, writes no fixture
(docs/parity.md §4.2a records what they show).

Why: in the batch-norm lesson's block `bn-batch-size` as first written, the run "BN, batches of 2" (lr 0.1; the run kept in
layers_small_batch.json) was the only run whose figures left
PyTorch's spread. Traced step by step against the core (docs/parity.md §4.2a), its first differing bit was the very
first product of the first step: Linear(2, 32) on a batch of 2 rows, which the core then computed as F. Part 1 of this
script shows that product; part 2 classifies every product of a Linear layer (forward x·Wᵀ + b, input gradient g·W,
weight gradient gᵀ·x) for several layer shapes and row counts against these orders, each element computed in float32
from the same inputs:

    F  sequential fused chain over k:  fma(a_k, b_k, … fma(a_1, b_1, a_0 ⊗ b_0))       (the core's order outside §4.2a)
    U  sequential unfused chain:       ((a_0 ⊗ b_0 ⊕ a_1 ⊗ b_1) ⊕ a_2 ⊗ b_2) ⊕ …
    L4 / L8  L lanes: lane l sums the products of k ≡ l (mod L) unfused, lanes added as a halving tree
           (L8: (l0+l4, l1+l5, l2+l6, l3+l7), then (·+·, ·+·), then the last add), k mod L leftover products
           added afterwards in order
    I16  the AVX-512 machine's kernel (docs/parity.md §4.2a, Intel): 16 lanes; full vectors of 16 products, each lane
           a fused chain from 0, on A accumulators (A = 2 on even rows of the batch, 1 on odd rows; with two, vectors
           2p and 2p + 1 into the first and the second, the two added lane-wise, an odd last vector fused into that
           sum); the K mod 16 products left over fused into lanes 0, 1, …; halving tree (l + l+8, l + l+4, l + l+2,
           l + l+1); then the bias
    Q16  the same machine's kernel where in ≥ 24 · rows: one accumulator of 16 lanes as in I16, then its four
           quarters added in order ((l0…3 + l4…7) + l8…11) + l12…15 and the four sums as (q0 + q1) + (q2 + q3); then
           the bias
    B1   one input: fma(x, w, b), the bias fused into the one product
    (= all orders agree on that shape; ? none matches)

Part 3 maps, for the forward pass of layers of 2 to 11 outputs, on which batch sizes (2 to 32 rows) the I16 kernel
holds, checking each row's accumulator count (two on the batch's even rows, one on its odd rows), against F.

Part 4 checks the rule the core follows for wider inputs (in 41 to 1 500): Q16 on 2 to 15 rows where in ≥ 24 · rows
(any number of outputs), else I16 for 2 outputs up to 15 rows and 3 outputs up to 10, else F (in blocks of k past 384
products, part 5); every row of every forward pass over two seeds, against the rule's order (and how many rows F
alone would match).

Part 5 checks long sums (more than 384 products) where the fused chain applies (16 rows or more): MKL cuts k into
blocks, 384 at a time while more than 768 are left, then the rest in two halves (the first the larger by one), each
block a fused chain from 0; C = first block ⊕ bias, then ⊕ each further block. Forward passes (k = in), input
gradients (k = out) and weight gradients (k = rows), every element, against that model and against one chain.

Part 6 checks input gradients over more than 384 outputs on small batches (2 to 16 rows): the blocks of k of part 5
(which the core takes for 2 rows or more), against one chain. Part 7 checks the forward pass past in 1 500 on 2 to 15
rows against Q16 and lists the shapes where rows differ (none on one thread; docs/parity.md §4.2a).

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/small_rows_gemm_probe.py   (from the repository root; ~4 min)
"""
import numpy as np
import torch
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.set_num_threads(1)
f32 = np.float32


def fused(a, b):  # a [m, k], b [k, n]; float32 fma: the product is exact in binary64, one rounding to float32
    acc = np.zeros((a.shape[0], b.shape[1]), f32)
    for t in range(a.shape[1]):
        acc = (a[:, t:t + 1].astype(np.float64) * b[t:t + 1, :].astype(np.float64) + acc).astype(f32)
    return acc


def unfused(a, b):
    acc = np.zeros((a.shape[0], b.shape[1]), f32)
    for t in range(a.shape[1]):
        acc = acc + a[:, t:t + 1] * b[t:t + 1, :]
    return acc


def lanes(a, b, width):
    k = a.shape[1]
    full = k - k % width
    acc = [np.zeros((a.shape[0], b.shape[1]), f32) for _ in range(width)]
    for t in range(0, full, width):
        for lane in range(width):
            acc[lane] = acc[lane] + a[:, t + lane:t + lane + 1] * b[t + lane:t + lane + 1, :]
    while len(acc) > 1:
        half = len(acc) // 2
        acc = [acc[i] + acc[i + half] for i in range(half)]
    total = acc[0]
    for t in range(full, k):
        total = total + a[:, t:t + 1] * b[t:t + 1, :]
    return total


def intel16(a, b):
    k, width = a.shape[1], 16
    full = k // width
    out = np.zeros((a.shape[0], b.shape[1]), f32)
    for r in range(a.shape[0]):
        count = 2 if r % 2 == 0 else 1
        acc = [[np.zeros(b.shape[1], f32) for _ in range(width)] for _ in range(count)]
        paired = full - full % 2 if count == 2 else full
        for v in range(paired):
            for lane in range(width):
                t = v * width + lane
                acc[v % count][lane] = (np.float64(a[r, t]) * b[t].astype(np.float64) + acc[v % count][lane]).astype(f32)
        reg = acc[0] if count == 1 else [acc[0][i] + acc[1][i] for i in range(width)]
        for v in range(paired, full):   # an odd last vector, fused into the sum of the two
            for lane in range(width):
                t = v * width + lane
                reg[lane] = (np.float64(a[r, t]) * b[t].astype(np.float64) + reg[lane]).astype(f32)
        for t in range(full * width, k):
            reg[t - full * width] = (np.float64(a[r, t]) * b[t].astype(np.float64) + reg[t - full * width]).astype(f32)
        while len(reg) > 1:
            half = len(reg) // 2
            reg = [reg[i] + reg[i + half] for i in range(half)]
        out[r] = reg[0]
    return out


def intel16_rows(a, b, count):
    """I16 on every row with the same number of accumulators (1 or 2), vectorised over rows and columns."""
    k, width = a.shape[1], 16
    full = k // width
    reg = lanes16(a, b, count)
    while reg.shape[0] > 1:
        half = reg.shape[0] // 2
        reg = reg[:half] + reg[half:]
    return reg[0]


def lanes16(a, b, count):
    """The 16 lanes [16, rows, out] of I16 (and, with count 1, of Q16) before they are summed."""
    k, width = a.shape[1], 16
    full = k // width
    acc = np.zeros((count, width, a.shape[0], b.shape[1]), f32)
    paired = full - full % 2 if count == 2 else full
    for v in range(paired):
        for lane in range(width):
            t = v * width + lane
            acc[v % count, lane] = (a[:, t:t + 1].astype(np.float64) * b[t:t + 1, :].astype(np.float64)
                                    + acc[v % count, lane]).astype(f32)
    reg = (acc[0] if count == 1 else acc[0] + acc[1]).copy()
    for v in range(paired, full):
        for lane in range(width):
            t = v * width + lane
            reg[lane] = (a[:, t:t + 1].astype(np.float64) * b[t:t + 1, :].astype(np.float64) + reg[lane]).astype(f32)
    for t in range(full * width, k):
        reg[t - full * width] = (a[:, t:t + 1].astype(np.float64) * b[t:t + 1, :].astype(np.float64)
                                 + reg[t - full * width]).astype(f32)
    return reg


def quarters16(a, b):
    """Q16: one accumulator's lanes, the four quarters added in order, then (q0 + q1) + (q2 + q3)."""
    reg = lanes16(a, b, 1)
    q = ((reg[0:4] + reg[4:8]) + reg[8:12]) + reg[12:16]
    return (q[0] + q[1]) + (q[2] + q[3])


def differing(x, y):
    return int((x.view(np.int32) != y.view(np.int32)).sum())


def first_step():
    """The block's data and model (the first edition's bn_dropout_together.py, batchnorm_only) and its first batch of 2
    rows."""
    X, y = make_moons(n_samples=400, noise=0.2, random_state=0)
    X_train, _, _, _ = train_test_split(X, y, test_size=0.25, random_state=0)
    X_train = torch.FloatTensor(StandardScaler().fit(X_train).transform(X_train))
    torch.manual_seed(42)
    nn = torch.nn      # the whole model is built, so the loader's draws follow the same generator state
    layer = nn.Sequential(nn.Linear(2, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 32), nn.BatchNorm1d(32),
                          nn.ReLU(), nn.Linear(32, 2))[0]
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(300)), batch_size=2, shuffle=True)
    (rows,) = next(iter(loader))
    x, w, b = X_train[rows].numpy(), layer.weight.detach().numpy(), layer.bias.detach().numpy()
    got = layer(X_train[rows]).detach().numpy()
    print(f"Part 1. First step of 'BN, batches of 2': Linear(2, 32) on rows {rows.tolist()}, 64 outputs")
    for name, ours in (("F", fused(x, w.T) + b), ("U", unfused(x, w.T) + b)):
        diff = ours.view(np.int32).astype(np.int64) - got.view(np.int32).astype(np.int64)
        rel = np.abs(ours.astype(np.float64) - got) / np.abs(got).max()
        print(f"  {name:<3} differs from torch in {int((diff != 0).sum())}/64 outputs; ulp counts "
              f"{sorted(set(abs(diff[diff != 0]).tolist()))}; largest difference {rel.max():.2e} of the largest output")


def classify(kind, fin, fout, rows, rng):
    x = rng.standard_normal((rows, fin)).astype(f32)
    w = (rng.standard_normal((fout, fin)) * 0.3).astype(f32)
    b = (rng.standard_normal(fout) * 0.1).astype(f32)
    g = rng.standard_normal((rows, fout)).astype(f32)
    if kind == "forward":
        got = torch.nn.functional.linear(*(torch.from_numpy(v) for v in (x, w, b))).numpy()
        a, m, add = x, w.T, b
    elif kind == "input grad":
        got = (torch.from_numpy(g) @ torch.from_numpy(w)).numpy()
        a, m, add = g, w, 0
    else:
        wt = torch.from_numpy(w.copy()).requires_grad_(True)
        torch.nn.functional.linear(torch.from_numpy(x), wt, torch.from_numpy(b)).backward(torch.from_numpy(g))
        got = wt.grad.numpy()
        a, m, add = g.T.copy(), x, 0
    models = {"F": fused(a, m) + add, "U": unfused(a, m) + add, "L4": lanes(a, m, 4) + add, "L8": lanes(a, m, 8) + add,
              "I16": intel16(a, m) + add}
    if kind == "forward" and fin == 1:
        models["B1"] = (a.astype(np.float64) * m.astype(np.float64) + add).astype(f32)
    matching = [name for name, value in models.items() if differing(value, got) == 0]
    if len(matching) == len(models):
        return "="
    return "/".join(matching) or "?"


def table():
    rng = np.random.default_rng(0)
    shapes = [(2, 32), (32, 32), (32, 2), (32, 3), (32, 4), (2, 16), (4, 64), (64, 32), (12, 12), (32, 8), (32, 6),
              (1, 16), (3, 5), (16, 2), (40, 2), (64, 2), (64, 4)]
    counts = [1, 2, 3, 4, 5, 8, 16, 32, 64, 100, 300]
    print("\nPart 2. Matching orders per layer (in → out) and row count")
    print(f"{'product':<12}{'layer':>8}  " + " ".join(f"{r:>7}" for r in counts))
    for kind in ("forward", "input grad", "weight grad"):
        for fin, fout in shapes:
            cells = [classify(kind, fin, fout, rows, rng) for rows in counts]
            print(f"{kind:<12}{fin:>3} → {fout:<3} " + " ".join(f"{c:>7}" for c in cells))


def row_kernel(fin, fout, rows, seed):
    """Per row of one forward pass: which order each row's outputs follow. One letter a row: 2 or 1 (I16 with two
    or one accumulators only), i (I16 with either, as when in < 32), F (the fused chain only), = (F and I16 agree), ?"""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((rows, fin)).astype(f32)
    w = (rng.standard_normal((fout, fin)) * 0.3).astype(f32)
    b = (rng.standard_normal(fout) * 0.1).astype(f32)
    got = torch.nn.functional.linear(*(torch.from_numpy(v) for v in (x, w, b))).numpy().view(np.int32)
    wt = w.T.copy()
    models = {"F": fused(x, wt) + b, "1": intel16_rows(x, wt, 1) + b, "2": intel16_rows(x, wt, 2) + b}
    letters = ""
    for r in range(rows):
        ok = {name for name, value in models.items() if (value[r].view(np.int32) == got[r]).all()}
        i16 = ok & {"1", "2"}
        letters += ("=" if "F" in ok else "i") if len(i16) == 2 else (
            ("=" if "F" in ok else i16.pop()) if i16 else ("F" if "F" in ok else "?"))
    return letters


def kernel_map():
    """For each layer (in 2–40 and 64, out 2–11) and batch (2 to 32 rows), over three seeds: I if every row follows
    I16 with two accumulators on the batch's even rows and one on its odd rows, F if every row is the fused chain,
    = if both hold, ? otherwise (a row that follows neither, or I16 with the other accumulator count)."""
    counts = range(2, 33)
    print("\nPart 3. Forward pass, few outputs, by batch size: I16 with A = 2 on even rows, 1 on odd rows (I), fused chain (F)")
    print(f"{'in → out':<9} rows " + "".join(str(r % 10) for r in counts) + "   (rows 2 … 32, last digit shown)")
    for fin in list(range(2, 41)) + [64]:
        for fout in range(2, 12):
            cells = ""
            for rows in counts:
                codes = [row_kernel(fin, fout, rows, seed) for seed in (0, 1, 2)]
                lanes = all(c in "i=" or c == ("2" if r % 2 == 0 else "1") for cs in codes for r, c in enumerate(cs))
                chain = all(c in "F=" for cs in codes for c in cs)
                cells += "=" if lanes and chain else "I" if lanes else "F" if chain else "?"
            print(f"{fin:>2} → {fout:<4}     {cells}")


def rule(fin, fout, rows):
    """The order the core takes for a forward pass of 2 outputs or more (SmallBatchProducts)."""
    if 2 <= rows <= 15 and fin >= 24 * rows:
        return "Q16"
    if rows >= 2 and fin >= 2 and ((fout == 2 and rows <= 15) or (fout == 3 and rows <= 10)):
        return "I16"
    return "F"


def wide_inputs():
    ins = [41, 47, 48, 50, 56, 63, 64, 65, 71, 72, 80, 95, 96, 100, 119, 120, 128, 144, 200, 256, 513, 600, 1000, 1500]
    outs = [2, 3, 4, 5, 8, 12, 32, 64]
    print("\nPart 4. Forward pass, in 41 to 1 500: rows equal to the rule's order (Q16 where in ≥ 24 · rows, else I16 for "
          "2 outputs up to 15 rows and 3 up to 10, else F) / rows, and F alone; rows 2 … 16, two seeds")
    total, equal, chain = 0, 0, 0
    for fin in ins:
        for fout in outs:
            cells = []
            for rows in range(2, 17):
                for seed in (0, 1):
                    rng = np.random.default_rng(1000 * fin + 10 * fout + seed)
                    x = rng.standard_normal((rows, fin)).astype(f32)
                    w = (rng.standard_normal((fout, fin)) * 0.3).astype(f32)
                    b = (rng.standard_normal(fout) * 0.1).astype(f32)
                    got = torch.nn.functional.linear(*(torch.from_numpy(v) for v in (x, w, b))).numpy().view(np.int32)
                    wt = w.T.copy()
                    order = rule(fin, fout, rows)
                    ours = {"Q16": lambda: quarters16(x, wt) + b, "I16": lambda: intel16(x, wt) + b,
                            "F": lambda: blocked(x, wt, b)}[order]().view(np.int32)   # blocks of k past 384
                    f = (fused(x, wt) + b).view(np.int32)
                    ok = (ours == got).all(axis=1)
                    total += rows
                    equal += int(ok.sum())
                    chain += int((f == got).all(axis=1).sum())
                    if not ok.all():
                        cells.append(f"{rows} rows ({order}): {int((~ok).sum())} rows differ")
            if cells:
                print(f"  {fin:>3} → {fout:<3} " + "; ".join(sorted(set(cells))))
    print(f"  rows equal to the rule's order: {equal} of {total} (F alone: {chain})")


def k_blocks(k):
    blocks, start, left = [], 0, k
    while left > 384:
        size = 384 if left > 768 else (left + 1) // 2
        blocks.append((start, start + size))
        start, left = start + size, left - size
    return blocks + [(start, k)]


def blocked(a, b, add):
    """a [m, K] · b [K, n] in MKL's k blocks, `add` (the bias, or 0) after the first block."""
    (lo, hi), *rest = k_blocks(a.shape[1])
    total = fused(a[:, lo:hi], b[lo:hi]) + add
    for lo, hi in rest:
        total = total + fused(a[:, lo:hi], b[lo:hi])
    return total


def long_sums():
    print("\nPart 5. Long sums (k > 384) on 16 rows or more: elements equal to the k-blocked model / elements "
          "(one fused chain)")
    rng = np.random.default_rng(5)
    shapes = {"forward": [(fin, fout, rows) for fin in (385, 400, 401, 403, 512, 600, 601, 769, 771, 1000, 1500, 2000)
                          for fout, rows in ((8, 16), (2, 32), (32, 64), (3, 100), (64, 16))],
              "input grad": [(16, 400, 16), (32, 600, 32), (8, 1000, 64), (64, 512, 20), (4, 385, 17)],
              "weight grad": [(16, 16, 400), (32, 8, 600), (8, 32, 1000), (20, 20, 1600), (12, 5, 385)]}
    for kind, cases in shapes.items():
        equal, chain, total = 0, 0, 0
        for fin, fout, rows in cases:
            x = rng.standard_normal((rows, fin)).astype(f32)
            w = (rng.standard_normal((fout, fin)) * 0.3).astype(f32)
            b = (rng.standard_normal(fout) * 0.1).astype(f32)
            g = rng.standard_normal((rows, fout)).astype(f32)
            xt = torch.from_numpy(x.copy()).requires_grad_(True)
            wt = torch.from_numpy(w.copy()).requires_grad_(True)
            y = torch.nn.functional.linear(xt, wt, torch.from_numpy(b))
            y.backward(torch.from_numpy(g))
            got, a, m, add = {"forward": (y.detach().numpy(), x, w.T.copy(), b),
                              "input grad": (xt.grad.numpy(), g, w, 0),
                              "weight grad": (wt.grad.numpy(), g.T.copy(), x, 0)}[kind]
            equal += int((blocked(a, m, add) == got).sum())
            chain += int((fused(a, m) + add == got).sum())
            total += got.size
        print(f"  {kind:<12} {equal} of {total} ({chain})")


def small_batch_input_gradients():
    print("\nPart 6. Input gradients over more than 384 outputs on 2 to 16 rows: shapes equal to the blocks of k (one chain)")
    total, blocks_equal, chain_equal = 0, 0, 0
    rng = np.random.default_rng(7)
    for fout in (385, 401, 600, 800, 1000):
        for fin in (4, 7, 16, 33):
            for rows in (2, 3, 4, 5, 8, 12, 15, 16):
                w = (rng.standard_normal((fout, fin)) * 0.3).astype(f32)
                g = rng.standard_normal((rows, fout)).astype(f32)
                xt = torch.from_numpy(rng.standard_normal((rows, fin)).astype(f32)).requires_grad_(True)
                torch.nn.functional.linear(xt, torch.from_numpy(w)).backward(torch.from_numpy(g))
                got = xt.grad.numpy()
                total += 1
                blocks_equal += int(np.array_equal(blocked(g, w, 0), got))
                chain_equal += int(np.array_equal(fused(g, w), got))
    print(f"  {blocks_equal} of {total} ({chain_equal})")


def inputs_past_1500():
    print("\nPart 7. Forward pass, in 1 501 to 4 096 on 2 to 15 rows: rows equal to Q16 (the rule's order), and the shapes "
          "where some differ")
    total, equal, cells = 0, 0, []
    for fin in (1501, 1800, 2048, 2500, 3000, 4096):
        for fout in (2, 3, 8, 32):
            for rows in (2, 3, 5, 8, 12, 15):
                rng = np.random.default_rng(fin * 7 + fout * 3 + rows)
                x = rng.standard_normal((rows, fin)).astype(f32)
                w = (rng.standard_normal((fout, fin)) * 0.3).astype(f32)
                b = (rng.standard_normal(fout) * 0.1).astype(f32)
                got = torch.nn.functional.linear(*(torch.from_numpy(v) for v in (x, w, b))).numpy().view(np.int32)
                ours = (quarters16(x, w.T.copy()) + b).view(np.int32)
                ok = (ours == got).all(axis=1)
                total += rows
                equal += int(ok.sum())
                if not ok.all():
                    cells.append(f"{fin} → {fout} on {rows} rows: {differing(ours, got)} of {ours.size} elements")
    print(f"  {equal} of {total} rows")
    for cell in cells:
        print("  " + cell)


if __name__ == "__main__":
    print(f"torch {torch.__version__}, cpu capability {torch.backends.cpu.get_cpu_capability()}, threads 1")
    first_step()
    table()
    kernel_map()
    wide_inputs()
    long_sums()
    small_batch_input_gradients()
    inputs_past_1500()
