"""Probes which summation order torch's CPU matrix products (MKL, one thread, AVX2 + FMA) take for every product of
the first module's training runs (content/optimisers: 4→64→32→1 regressions on batches of 64 and 48 rows and
evaluations on 400, 1 200 and 1 600 rows; the 20→128→64→1 classifier on batches of 64 and 8 rows and evaluations
on 600 and 1 800 rows); prints a table, writes no fixture (docs/parity.md §4.2b records what it shows).

Every element of torch's result is compared, over several random draws, with float32 orders computed from the same
inputs (see `ORDERS`): F (the core's fused chain), U (the chain with every product rounded), and vector kernels of
W lanes × A accumulators, fused or not, with their lanes added as a halving tree.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/first_module_products_probe.py  (from the repository root)
"""
import itertools
import sys

import numpy as np
import torch

torch.set_num_threads(1)
f32, f64 = np.float32, np.float64


def fma(a, b, c):
    """float32 fma through binary64 (the product is exact; the sum may round twice, rarely wrong by one ulp)."""
    return (a.astype(f64) * b.astype(f64) + c.astype(f64)).astype(f32)


def chain(a, b, fused):
    """a [m, k], b [k, n]: the sequential chain over k."""
    acc = np.zeros((a.shape[0], b.shape[1]), f32)
    for t in range(a.shape[1]):
        x, y = a[:, t:t + 1], b[t:t + 1, :]
        acc = fma(x, y, acc) if fused else acc + x * y
    return acc


def tree(values):
    """A halving tree: [v0 + v(h), v1 + v(h+1), …] until one is left (the usual horizontal add of a register)."""
    while len(values) > 1:
        half = len(values) // 2
        rest = values[2 * half:]
        values = [values[i] + values[i + half] for i in range(half)] + rest
    return values[0]


def vector(a, b, width, accs, fused, combine, tail):
    """Vector kernel over k: `accs` registers of `width` lanes; register r, lane l takes the products of
    k ≡ r·width + l (mod width·accs) over the whole blocks; registers are added `combine` ("tree": halving,
    "seq": in order), then the lanes as a halving tree. The k left over: "after" added in order after the tree,
    "zero" into the lanes as if the inputs were padded with zeros (a masked load), "vec" into register 0 in
    whole vectors of `width` then the rest after."""
    m, k = a.shape[0], a.shape[1]
    n = b.shape[1]
    block = width * accs
    full = k - k % block
    regs = [[np.zeros((m, n), f32) for _ in range(width)] for _ in range(accs)]

    def add(r, l, t):
        x, y = a[:, t:t + 1], b[t:t + 1, :]
        regs[r][l] = fma(x, y, regs[r][l]) if fused else regs[r][l] + x * y

    for t0 in range(0, full, block):
        for r in range(accs):
            for l in range(width):
                add(r, l, t0 + r * width + l)
    left = list(range(full, k))
    if tail == "zero":
        for i, t in enumerate(left):
            add((i // width) % accs, i % width, t)
        left = []
    elif tail == "vec":
        whole = len(left) - len(left) % width
        for i, t in enumerate(left[:whole]):
            add(0, i % width, t)
        left = left[whole:]
    if combine == "tree":
        lanes = [tree([regs[r][l] for r in range(accs)]) for l in range(width)]
    else:
        lanes = [regs[0][l] for l in range(width)]
        for r in range(1, accs):
            lanes = [lanes[l] + regs[r][l] for l in range(width)]
    total = tree(lanes)
    for t in left:
        x, y = a[:, t:t + 1], b[t:t + 1, :]
        total = total + x * y
    return total


ORDERS = {"F": lambda a, b: chain(a, b, True), "U": lambda a, b: chain(a, b, False)}
for width, accs, fused, combine, tail in itertools.product((4, 8), (1, 2, 4), (False, True), ("tree", "seq"),
                                                           ("after", "zero", "vec")):
    if accs == 1 and combine == "seq":
        continue
    name = f"{'V' if fused else 'L'}{width}x{accs}{'' if combine == 'tree' else 's'}-{tail}"
    ORDERS[name] = (lambda w, c, f, cb, tl: lambda a, b: vector(a, b, w, c, f, cb, tl))(width, accs, fused, combine,
                                                                                          tail)


def draw(rng, kind, fin, fout, rows):
    x = rng.standard_normal((rows, fin)).astype(f32)
    if kind == "relu":
        x = np.maximum(x, 0)
    w = (rng.standard_normal((fout, fin)) * 0.3).astype(f32)
    b = (rng.standard_normal(fout) * 0.1).astype(f32)
    g = (rng.standard_normal((rows, fout)) * 0.01).astype(f32)
    return x, w, b, g


def torch_products(x, w, b, g):
    """The three products of a Linear layer as autograd computes them in training."""
    xt = torch.from_numpy(x).requires_grad_(True)
    wt = torch.from_numpy(w.copy()).requires_grad_(True)
    y = torch.nn.functional.linear(xt, wt, torch.from_numpy(b))
    y.backward(torch.from_numpy(g))
    return y.detach().numpy(), xt.grad.numpy(), wt.grad.numpy()


def classify(product, fin, fout, rows, draws, seed):
    """The orders that match torch in every element of every draw."""
    rng = np.random.default_rng(seed)
    alive = dict(ORDERS)
    for d in range(draws):
        x, w, b, g = draw(rng, "relu" if fin > 4 else "normal", fin, fout, rows)
        y, dx, dw = torch_products(x, w, b, g)
        if product == "forward":
            got, a, m, add = y, x, w.T.copy(), b
        elif product == "input grad":
            got, a, m, add = dx, g, w, 0
        else:
            got, a, m, add = dw, g.T.copy(), x, 0
        for name in list(alive):
            ours = alive[name](a, m) + add
            if (ours.view(np.int32) != got.view(np.int32)).any():
                del alive[name]
        if not alive:
            break
    if len(alive) == len(ORDERS):
        return "all"
    return " ".join(sorted(alive, key=lambda s: (len(s), s))[:6]) or "none"


PRODUCTS = [  # (product, in, out, rows): every product of the first module's runs
    *[("forward", fi, fo, r) for fi, fo in ((4, 64), (64, 32), (32, 1)) for r in (64, 48, 400, 1200, 1600)],
    *[("forward", fi, fo, r) for fi, fo in ((20, 128), (128, 64), (64, 1)) for r in (64, 8, 600, 1800)],
    *[("input grad", fi, fo, r) for fi, fo in ((64, 32), (32, 1)) for r in (64, 48)],
    *[("input grad", fi, fo, r) for fi, fo in ((128, 64), (64, 1)) for r in (64, 8)],
    *[("weight grad", fi, fo, r) for fi, fo in ((4, 64), (64, 32), (32, 1)) for r in (64, 48)],
    *[("weight grad", fi, fo, r) for fi, fo in ((20, 128), (128, 64), (64, 1)) for r in (64, 8)],
]

if __name__ == "__main__":
    print(f"torch {torch.__version__}, cpu capability {torch.backends.cpu.get_cpu_capability()}, threads 1")
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for i, (product, fin, fout, rows) in enumerate(PRODUCTS):
        print(f"{product:<12}{fin:>4} → {fout:<4}{rows:>5} rows: {classify(product, fin, fout, rows, draws, i)}",
              flush=True)
