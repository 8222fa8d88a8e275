"""The two-moons data of the lesson's batch-norm and dropout experiments, and the `--seeds` option and printing that
its five-seed scripts share. Run as a script to print a summary.
"""
import argparse
import math

import torch
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def moons(n_samples=400, noise=0.2, test_size=0.25):
    """make_moons (random_state 0), split (random_state 0) and standardised with the training rows' mean and std:
    float32 features and integer labels, as (X_train, X_test, y_train, y_test)."""
    X, y = make_moons(n_samples=n_samples, noise=noise, random_state=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=test_size, random_state=0)
    scaler = StandardScaler().fit(X_train)
    X_train, X_test = (torch.tensor(scaler.transform(a), dtype=torch.float32) for a in (X_train, X_test))
    return X_train, X_test, torch.tensor(y_train), torch.tensor(y_test)


def seeds_from_args(default=42):
    """`--seeds 1,2,3` on the command line: the seeds (initial weights, batch order, dropout masks) to repeat each
    run with."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", help="comma-separated seeds; prints mean ± sample std over them")
    args, _ = parser.parse_known_args()  # in a notebook, Jupyter's own arguments are on the command line too
    return [int(s) for s in args.seeds.split(",")] if args.seeds else [default]


def stat(values, digits=4):
    """The number alone for one seed, `mean ± std` (sample standard deviation) for several, with `digits` decimals."""
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    mean = sum(values) / len(values)
    std = math.sqrt(sum((v - mean) * (v - mean) for v in values) / (len(values) - 1))
    return f"{mean:.{digits}f} ± {std:.{digits}f}"


if __name__ == "__main__":
    X_train, X_test, y_train, y_test = moons()
    print(f"{len(X_train)} training and {len(X_test)} test rows; class 1 share {y_train.float().mean().item():.2f} "
          f"(training), {y_test.float().mean().item():.2f} (test)")
