"""Optimisers on a ravine: f(x, y) = 0.05 x^2 + 5 y^2, a bowl 100 times steeper across (y) than along (x).

Every optimiser starts at (-4.5, 1) and takes 50 steps on a float32 parameter p = [x, y], with the exact
gradient autograd computes from f. Prints, per run, the final point, the loss there, and the size of the
first step in each coordinate.
"""
import torch
import torch.optim as optim

torch.set_num_threads(1)


def f(x, y):
    return 0.05 * x**2 + 5 * y**2


RUNS = {
    "SGD": lambda p: optim.SGD(p, lr=0.19),
    "Momentum": lambda p: optim.SGD(p, lr=0.1, momentum=0.9),
    "Nesterov": lambda p: optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
    "Adam": lambda p: optim.Adam(p, lr=0.3),
}

print(f"{'optimiser':<10} {'x':>10} {'y':>10} {'loss':>10} {'|first dx|':>11} {'|first dy|':>11}")
for label, make in RUNS.items():
    p = torch.tensor([-4.5, 1.0], dtype=torch.float32, requires_grad=True)
    optimizer = make([p])
    path = [p.detach().clone()]
    for step in range(50):
        optimizer.zero_grad()
        loss = f(p[0], p[1])
        loss.backward()
        optimizer.step()
        path.append(p.detach().clone())
    x, y = path[-1].tolist()
    final_loss = f(path[-1][0], path[-1][1]).item()
    first = (path[1] - path[0]).abs().tolist()
    print(f"{label:<10} {x:>10.4f} {y:>10.4f} {final_loss:>10.5f} {first[0]:>11.4f} {first[1]:>11.4f}")
