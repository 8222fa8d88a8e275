"""Where dropout goes in a batch-norm network: after the last batch-norm layer, or in front of one.

The two-moons data of moons_data.py, as in eval_mode.py. Both networks have the same layers (two blocks of
Linear → BatchNorm → ReLU and one Dropout(0.5)); only the dropout layer's place differs. A third network has no
dropout. Prints, per network, the final training loss, test loss and test accuracy after model.eval(); `--seeds 1,2,3`
repeats every network with each seed (initial weights, batch order and dropout masks) and prints the mean ± sample
standard deviation.
"""
import torch
import torch.nn as nn

from moons_data import moons, seeds_from_args, stat

torch.set_num_threads(1)  # batch norm's sums depend on the thread count; the figures assume one thread

X_train, X_test, y_train, y_test = moons()


def dropout_after_last_bn():  # no batch-norm layer sees dropped-out activations
    return [nn.Linear(2, 32), nn.BatchNorm1d(32), nn.ReLU(),
            nn.Linear(32, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 2)]


def dropout_before_bn():  # the second batch norm normalises dropped-out, rescaled activations
    return [nn.Linear(2, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.5),
            nn.Linear(32, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 2)]


def no_dropout():
    return [nn.Linear(2, 32), nn.BatchNorm1d(32), nn.ReLU(),
            nn.Linear(32, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 2)]


def train(layers, seed, epochs=20):
    torch.manual_seed(seed)
    model = nn.Sequential(*layers())
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_train, y_train), batch_size=32,
                                         shuffle=True)
    for epoch in range(epochs):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        test_logits = model(X_test)
        return (loss_fn(model(X_train), y_train).item(), loss_fn(test_logits, y_test).item(),
                (test_logits.argmax(1) == y_test).float().mean().item())


seeds = seeds_from_args()

print(f"{'Network':<28} {'Train loss':>17} {'Test loss':>17} {'Test accuracy':>17}")
for label, layers in [("dropout after the last BN", dropout_after_last_bn), ("dropout before a BN", dropout_before_bn),
                      ("no dropout", no_dropout)]:
    results = [train(layers, seed) for seed in seeds]
    print(f"{label:<28} " + " ".join(f"{stat([r[k] for r in results]):>17}" for k in range(3)))
