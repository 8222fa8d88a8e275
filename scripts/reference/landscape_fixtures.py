"""Makes Tests/ExperimentsTests/Fixtures/landscape_paths.json: optimiser paths on 2-D objectives, computed by the
REAL PyTorch in float32 (and float64), the way a landscape block runs them: p = torch.tensor([x0, y0]),
each step loss = f(p[0], p[1]); optimizer.zero_grad(); loss.backward(); optimizer.step(), and the loss at
every point (step 0 is the start).

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/landscape_fixtures.py

Numbers: float.hex() strings of the binary64 value (for float32 runs the exact value of the float32, so Float(Double)
recovers the bits), which Swift's Double(String) reads exactly.  The `objective` of each case is the formula in sitegen's expression
syntax; the script ran it as Python after ^ → ** and sqrt → torch.sqrt.
"""
import json
import os
import platform
import sys

import torch
import torch.optim as optim

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "ExperimentsTests", "Fixtures", "landscape_paths.json")

OBJECTIVES = {
    "ravine": "0.05*x^2 + 5*y^2",
    "rosenbrock": "(1 - x)^2 + 100*(y - x^2)^2",
    "beale": "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
    "saddle": "x^2 - y^2",
    "quotients": "x^2/4 + 2/(1 + y^2) + (x - y)/(3 + x^2)",
    "sqrt": "sqrt(1 + x^2 + 4*y^2)",
}
STARTS = {"ravine": [-4.5, 1.0], "rosenbrock": [-1.5, 2.0], "beale": [1.0, 1.5], "saddle": [-1.5, 0.01],
          "quotients": [2.0, -1.5], "sqrt": [2.0, 1.0]}
OPTIMISERS = {
    "SGD": ({"name": "SGD", "lr": 0.01}, lambda p: optim.SGD(p, lr=0.01)),
    "momentum": ({"name": "SGD", "lr": 0.01, "momentum": 0.9}, lambda p: optim.SGD(p, lr=0.01, momentum=0.9)),
    "Nesterov": ({"name": "SGD", "lr": 0.01, "momentum": 0.9, "nesterov": True},
                 lambda p: optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True)),
    "Adam": ({"name": "Adam", "lr": 0.05}, lambda p: optim.Adam(p, lr=0.05)),
    "AdamW": ({"name": "AdamW", "lr": 0.05, "weight_decay": 0.1}, lambda p: optim.AdamW(p, lr=0.05, weight_decay=0.1)),
}
# Rosenbrock and Beale are steep: smaller steps keep plain SGD finite.
LR_SCALE = {"rosenbrock": 0.1, "beale": 0.1}


def python_formula(text):
    return text.replace("^", "**").replace("sqrt(", "torch.sqrt(")


def path(objective, start, make, dtype, steps):
    f = eval("lambda x, y: " + python_formula(objective), {"torch": torch})
    p = torch.tensor(start, dtype=dtype, requires_grad=True)
    opt = make([p])
    xs, ys, losses = [], [], []
    for _ in range(steps):
        loss = f(p[0], p[1])
        xs.append(p[0].item().hex()); ys.append(p[1].item().hex()); losses.append(loss.item().hex())
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        xs.append(p[0].item().hex()); ys.append(p[1].item().hex()); losses.append(f(p[0], p[1]).item().hex())
    return xs, ys, losses


cases = []
for name, objective in OBJECTIVES.items():
    for label, (spec, _) in OPTIMISERS.items():
        scale = LR_SCALE.get(name, 1.0)
        spec = dict(spec, lr=float(f"{spec['lr'] * scale:.12g}"))   # 0.005, not 0.005000000000000001: a short decimal
        # survives JSONSerialization, which on Linux can misread a long one by an ulp
        kwargs = {k: v for k, v in spec.items() if k != "name"}
        make = lambda p, spec=spec, kwargs=kwargs: getattr(optim, spec["name"])(p, **kwargs)
        for dtype, precision in [(torch.float32, "float32"), (torch.float64, "float64")]:
            xs, ys, losses = path(objective, STARTS[name], make, dtype, 40)
            cases.append({"objective": objective, "name": name, "start": STARTS[name], "steps": 40,
                          "precision": precision, "label": label, "optimizer": spec, "x": xs, "y": ys, "loss": losses})

doc = {"what": "optimiser paths on 2-D objectives (step 0 = start), x, y and loss per step",
       "how": "scripts/reference/landscape_fixtures.py; numbers are float.hex() of the binary64 value (for float32 runs the exact binary64 value of the float32)",
       "versions": {"torch": torch.__version__, "python": sys.version.split()[0]},
       "cpu_capability": torch.backends.cpu.get_cpu_capability(), "machine": platform.machine(),
       "cases": cases}
with open(OUT, "w") as out:
    json.dump(doc, out, separators=(",", ":"))
print("wrote", OUT, len(cases), "cases", os.path.getsize(OUT), "bytes")
