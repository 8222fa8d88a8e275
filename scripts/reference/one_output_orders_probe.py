"""Probes the orders in which torch (MKL, one thread, AVX-512) sums the products of a Linear layer of one output, and
of one input, where `first_module_products_probe.py` leaves them open; prints tables, writes no fixture
(docs/parity.md §4.2b records what they show).

Part 1, the tree. With every weight (or upstream gradient) 1, a product is its input; ±2⁴⁰ at two positions and 1
everywhere else leaves as many ones as are added after the two big values meet (a one added to a sum holding one big
value is lost, 2⁴⁰ + 1 rounding back to 2⁴⁰), so K minus the result is the size of the subtree that joins the two
positions. From the sizes of every pair the script prints the tree (nested tuples of positions).

Part 2, what is fused. Random inputs, every element compared with float32 models of the tree found in part 1, in
which each addition is either fused into a multiply (fma) or not:

    BLOCKS   forward, rows in whole blocks of 4: s = x₀ ⊗ w₀; the other products in 16 lanes (k = 1 + 16v + l), the
             whole vectors fused into one register seeded [s, 0, …, 0] and halved (l ⊕ l+8, l ⊕ l+4, l ⊕ l+2, l ⊕ l+1)
             into the new s, the last 1 … 15 the same in one more register; then ⊕ b
    TAIL     forward, the 1 … 3 rows past the last block of 4: s = x₀ ⊗ w₀ kept apart; the other products in the same
             lanes; tail rows 0 and 2 on two accumulators (vector 2p into the first, 2p + 1 into the second, fused
             from 0, then added, an odd last vector fused into the sum), tail row 1 on one; the last 1 … 15 fused into
             lanes 0, 1, …; halved to h; (s ⊕ h) ⊕ b
    ROWS8    weight gradient Σ_r g[r]·x[r, k], columns in whole blocks of 16, on 8 rows or more: blocks of 8 rows with
             f(i, a) = fma(x_i, g_i, a): S ← f(o+4, f(o+6, S)); S ← S ⊕ f(o+5, x_(o+7) ⊗ g_(o+7));
             S ← S ⊕ (f(o, x_(o+2) ⊗ g_(o+2)) ⊕ f(o+1, x_(o+3) ⊗ g_(o+3))), then the rows left over fused in order
    F        the fused chain in order (every other column, every product on fewer than 8 rows)

Part 3, a layer of one input (Linear(1, out)): its input gradient dx[r] = Σ_j g[r, j]·W[j] against the one-output
forward's model (BLOCKS/TAIL with g as the input, W as the weight, no bias) and its weight gradient dW[j] =
Σ_r g[r, j]·x[r] against ROWS8/F (g as the input, x as the upstream gradient), and both against F.

Part 4, any layer on one row: torch's forward pass of a batch of one row is a matrix-vector product of the weight
W [out, in] with the row, so output j is row j of that product: BLOCKS for the outputs in whole blocks of 4, TAIL (by
position after them) for the out mod 4 others, each with its own bias.

Part 5, the input gradient of one row, dx[i] = Σ_j g[j]·W[j, i] (layers of 2 inputs or more): the other
matrix-vector product, Wᵀ·g, against ROWS8/F with W as the input rows and g as the upstream gradient.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/one_output_orders_probe.py   (from the repository root; ~1 min)
"""
import collections

import numpy as np
import torch
import torch.nn.functional as Fn

torch.set_num_threads(1)
f32, f64 = np.float32, np.float64
BIG = f32(2.0 ** 40)


def fma(a, b, c):
    """float32 fma through binary64 (the product is exact; the sum may round twice, rarely wrong by one ulp)."""
    return (np.asarray(a, f32).astype(f64) * np.asarray(b, f32).astype(f64) + np.asarray(c, f32).astype(f64)).astype(f32)


def halve(v):
    """Lanes l ⊕ l+8, then l ⊕ l+4, l ⊕ l+2, l ⊕ l+1 (v [..., 16])."""
    while v.shape[-1] > 1:
        h = v.shape[-1] // 2
        v = (v[..., :h] + v[..., h:]).astype(f32)
    return v[..., 0]


def blocks_forward(x, w, b):
    m, k = x.shape
    whole, left = (k - 1) // 16, (k - 1) % 16
    s = (x[:, 0] * w[0]).astype(f32)
    if whole:
        reg = np.zeros((m, 16), f32)
        reg[:, 0] = s
        for v in range(whole):
            t = 1 + 16 * v
            reg = fma(x[:, t:t + 16], w[t:t + 16], reg)
        s = halve(reg)
    if left:
        t = 1 + 16 * whole
        reg = np.zeros((m, 16), f32)
        reg[:, 0] = s
        reg[:, :left] = fma(x[:, t:], w[t:], reg[:, :left])
        s = halve(reg)
    return (s + b).astype(f32)


def tail_forward(x, w, b, accumulators):
    m, k = x.shape
    whole, left = (k - 1) // 16, (k - 1) % 16

    def vec(v):
        t = 1 + 16 * v
        return x[:, t:t + 16], w[t:t + 16]

    if accumulators == 1:
        reg = np.zeros((m, 16), f32)
        for v in range(whole):
            reg = fma(*vec(v), reg)
    else:
        first, second = np.zeros((m, 16), f32), np.zeros((m, 16), f32)
        for p in range(whole // 2):
            first = fma(*vec(2 * p), first)
            second = fma(*vec(2 * p + 1), second)
        reg = (first + second).astype(f32) if whole >= 2 else first
        if whole % 2:
            reg = fma(*vec(whole - 1), reg)
    if left:
        t = 1 + 16 * whole
        reg = reg.copy()
        reg[:, :left] = fma(x[:, t:], w[t:], reg[:, :left])
    s = (x[:, 0] * w[0]).astype(f32)
    return ((s + halve(reg)).astype(f32) + b).astype(f32)


def one_output_forward(x, w, b):
    """BLOCKS on the rows in whole blocks of 4, TAIL on the rest."""
    m = x.shape[0]
    blocks = m - m % 4
    y = np.empty(m, f32)
    y[:blocks] = blocks_forward(x[:blocks], w, b)
    for r in range(blocks, m):
        y[r] = tail_forward(x[r:r + 1], w, b, 1 if r - blocks == 1 else 2)[0]
    return y


def fused_chain(x, g):
    """Σ_r g[r]·x[r, :] as the fused chain over r."""
    s = np.zeros(x.shape[1], f32)
    for r in range(x.shape[0]):
        s = fma(x[r], g[r], s)
    return s


def rows8_gradient(x, g):
    """Σ_r g[r]·x[r, :]: ROWS8 on the columns in whole blocks of 16 (8 rows or more), F on the others."""
    rows, k = x.shape
    out = fused_chain(x, g)
    if rows < 8:
        return out
    cols = k - k % 16
    p = lambda i: (x[i, :cols] * g[i]).astype(f32)
    f = lambda i, a: fma(x[i, :cols], g[i], a)
    s = np.zeros(cols, f32)
    whole = rows - rows % 8
    for o in range(0, whole, 8):
        s = f(o + 4, f(o + 6, s))
        s = (s + f(o + 5, p(o + 7))).astype(f32)
        s = (s + (f(o, p(o + 2)) + f(o + 1, p(o + 3))).astype(f32)).astype(f32)
    for r in range(whole, rows):
        s = f(r, s)
    out[:cols] = s
    return out


def tensor(a):
    """A torch copy with row-major strides. (A view such as w[None, :] has stride 0 on its first axis, which numpy
    calls contiguous and torch keeps; with such a weight torch takes another path on one row.)"""
    return torch.from_numpy(np.array(a, copy=True, order="C")).clone()


def torch_forward(x, w, b):
    return Fn.linear(tensor(x), tensor(w.reshape(1, -1)), torch.tensor([b])).numpy()[:, 0]


def torch_weight_grad(x, g):
    w = torch.zeros((1, x.shape[1]), requires_grad=True)
    Fn.linear(tensor(x), w, torch.zeros(1)).backward(tensor(g[:, None]))
    return w.grad.numpy()[0]


def subtree_tree(size, n):
    """The tree whose pairs (i, j) are joined in subtrees of size[i, j] leaves."""
    def build(leaves):
        if len(leaves) == 1:
            return leaves[0]
        parts, seen = [], set()
        for a in leaves:
            if a not in seen:
                part = [c for c in leaves if c == a or size[a, c] < len(leaves)]
                seen.update(part)
                parts.append(part)
        return ("?", leaves) if len(parts) == 1 else tuple(build(p) for p in parts)
    return build(list(range(n)))


def cancellation_tree(n, left):
    """The tree of a sum of n ones, from `left(i, j)`: what the sum comes to with ±BIG at positions i and j (the ones
    added after the two have met, which is n minus the size of the subtree joining them)."""
    size = np.zeros((n, n), int)
    for i in range(n):
        for j in range(i + 1, n):
            size[i, j] = size[j, i] = n - left(i, j)
    return subtree_tree(size, n)


def forward_tree(rows, k, row):
    def left(i, j):
        x = np.ones((rows, k), f32)
        x[row, i], x[row, j] = BIG, -BIG
        return int(torch_forward(x, np.ones(k, f32), f32(0))[row])
    return cancellation_tree(k, left)


def gradient_tree(rows, k, col):
    def left(i, j):
        x = np.ones((rows, k), f32)
        x[i, col], x[j, col] = BIG, -BIG
        return int(torch_weight_grad(x, np.ones(rows, f32))[col])
    return cancellation_tree(rows, left)


if __name__ == "__main__":
    print(f"torch {torch.__version__}, cpu capability {torch.backends.cpu.get_cpu_capability()}, threads 1\n")
    print("Part 1: trees (positions k of one row; rows r of one column)")
    for rows, k, row in ((4, 20, 3), (3, 20, 2), (3, 49, 0), (3, 65, 1), (3, 65, 2), (7, 97, 6), (6, 40, 5)):
        print(f"  forward, row {row} of {rows}, in {k}: {forward_tree(rows, k, row)}")
    for rows, k, col in ((16, 20, 0), (16, 20, 16), (12, 5, 3)):
        print(f"  weight gradient, column {col} of {k}, {rows} rows: {gradient_tree(rows, k, col)}")

    print("\nPart 2: random inputs, elements equal to the model / elements")
    rng = np.random.default_rng(7)
    counts = collections.Counter()
    for k in (1, 2, 3, 5, 16, 17, 18, 20, 32, 33, 40, 48, 49, 64, 65, 81, 97, 100, 128, 129, 200):
        for rows in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 66, 67):
            for _ in range(2):
                x = rng.standard_normal((rows, k)).astype(f32)
                w = (rng.standard_normal(k) * 0.3).astype(f32)
                b = f32(rng.standard_normal() * 0.1)
                y, ours = torch_forward(x, w, b), one_output_forward(x, w, b)
                blocks = rows - rows % 4
                for r in range(rows):
                    kind = "one row" if rows == 1 else "blocks of 4" if r < blocks else f"tail row {r - blocks}"
                    counts[kind, "model"] += int(y[r] == ours[r])
                    counts[kind, "chain"] += int(y[r] == fused_chain(x[r:r + 1].T, w)[0] + b)
                    counts[kind, "n"] += 1
    for kind in ("blocks of 4", "tail row 0", "tail row 1", "tail row 2", "one row"):
        print(f"  forward, {kind:<12} BLOCKS/TAIL {counts[kind, 'model']:>5} / {counts[kind, 'n']:<5}"
              f"  F {counts[kind, 'chain']:>5}")
    counts.clear()
    for k in (1, 5, 16, 17, 20, 24, 31, 32, 33, 40, 47, 50, 64, 65, 100, 130):
        for rows in (2, 5, 7, 8, 9, 12, 15, 16, 17, 24, 33, 50, 64, 100, 257):
            x = rng.standard_normal((rows, k)).astype(f32)
            g = (rng.standard_normal(rows) * 0.01).astype(f32)
            d, ours, chain = torch_weight_grad(x, g), rows8_gradient(x, g), fused_chain(x, g)
            cols = k - k % 16 if rows >= 8 else 0
            for part, sl in (("columns in blocks of 16", slice(0, cols)), ("the other columns", slice(cols, k))):
                counts[part, "model"] += int((d[sl] == ours[sl]).sum())
                counts[part, "chain"] += int((d[sl] == chain[sl]).sum())
                counts[part, "n"] += len(d[sl])
    for part in ("columns in blocks of 16", "the other columns"):
        print(f"  weight gradient, {part:<24} ROWS8/F {counts[part, 'model']:>5} / {counts[part, 'n']:<5}"
              f"  F {counts[part, 'chain']:>5}")

    print("\nPart 3: a layer of one input, elements equal to the model / elements")
    counts.clear()
    for n in (2, 3, 5, 8, 15, 16, 17, 20, 32, 33, 40, 64, 65, 100, 128):
        for rows in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 16, 17, 24, 33, 64, 67, 100):
            x = rng.standard_normal((rows, 1)).astype(f32)
            w = (rng.standard_normal((n, 1)) * 0.3).astype(f32)
            g = (rng.standard_normal((rows, n)) * 0.01).astype(f32)
            xt, wt = tensor(x).requires_grad_(True), tensor(w).requires_grad_(True)
            Fn.linear(xt, wt, torch.zeros(n)).backward(tensor(g))
            dx, dw = xt.grad.numpy()[:, 0], wt.grad.numpy()[:, 0]
            kind = "one row" if rows == 1 else "2 rows or more"
            counts["dx", kind, "model"] += int((one_output_forward(g, w[:, 0], f32(0)) == dx).sum())
            counts["dx", kind, "chain"] += int((fused_chain(np.ascontiguousarray(g.T), w[:, 0]) == dx).sum())
            counts["dx", kind, "n"] += rows
            kind = "8 rows or more" if rows >= 8 else "fewer than 8"
            counts["dW", kind, "model"] += int((rows8_gradient(g, x[:, 0]) == dw).sum())
            counts["dW", kind, "chain"] += int((fused_chain(g, x[:, 0]) == dw).sum())
            counts["dW", kind, "n"] += n
    for product, kind in (("dx", "2 rows or more"), ("dx", "one row"), ("dW", "8 rows or more"), ("dW", "fewer than 8")):
        print(f"  {'input' if product == 'dx' else 'weight'} gradient, {kind:<15} model {counts[product, kind, 'model']:>5}"
              f" / {counts[product, kind, 'n']:<5}  F {counts[product, kind, 'chain']:>5}")

    print("\nPart 4: one row, any number of outputs: outputs equal to the model / outputs")
    counts.clear()
    for k in (1, 2, 3, 4, 5, 8, 16, 17, 20, 32, 33, 48, 64, 65, 100, 128, 200):
        for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 17, 32, 64, 128):
            for _ in range(2):
                x = rng.standard_normal((1, k)).astype(f32)
                w = (rng.standard_normal((n, k)) * 0.3).astype(f32)
                b = (rng.standard_normal(n) * 0.1).astype(f32)
                y = Fn.linear(tensor(x), tensor(w), tensor(b)).numpy()[0]
                blocks = n - n % 4
                ours = np.empty(n, f32)
                if blocks:
                    ours[:blocks] = blocks_forward(w[:blocks], x[0], b[:blocks])
                for j in range(blocks, n):
                    ours[j] = tail_forward(w[j:j + 1], x[0], b[j], 1 if j - blocks == 1 else 2)[0]
                chain = fused_chain(np.ascontiguousarray(w.T), x[0]) + b
                for j in range(n):
                    kind = "in blocks of 4" if j < blocks else "after them"
                    counts[kind, "model"] += int(ours[j] == y[j])
                    counts[kind, "chain"] += int(chain[j] == y[j])
                    counts[kind, "n"] += 1
    for kind in ("in blocks of 4", "after them"):
        print(f"  outputs {kind:<15} BLOCKS/TAIL {counts[kind, 'model']:>5} / {counts[kind, 'n']:<5}"
              f"  F {counts[kind, 'chain']:>5}")

    print("\nPart 5: input gradient of one row (in ≥ 2): elements equal to the model / elements")
    counts.clear()
    for k in (2, 5, 12, 16, 17, 20, 32, 33, 48, 64, 100, 128):
        for n in (2, 3, 4, 7, 8, 9, 12, 16, 17, 32, 64, 100):
            for _ in range(2):
                x = rng.standard_normal((1, k)).astype(f32)
                w = (rng.standard_normal((n, k)) * 0.3).astype(f32)
                g = rng.standard_normal((1, n)).astype(f32)
                xt, wt = tensor(x).requires_grad_(True), tensor(w).requires_grad_(True)
                Fn.linear(xt, wt, torch.zeros(n)).backward(tensor(g))
                dx = xt.grad.numpy()[0]
                counts["model"] += int((rows8_gradient(w, g[0]) == dx).sum())
                counts["chain"] += int((fused_chain(w, g[0]) == dx).sum())
                counts["n"] += k
    print(f"  input gradient, one row  ROWS8/F {counts['model']:>5} / {counts['n']:<5}  F {counts['chain']:>5}")
