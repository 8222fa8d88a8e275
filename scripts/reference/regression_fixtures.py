"""Makes Tests/NumericCoreTests/Fixtures/data_regression.json by running the REAL scikit-learn: make_regression for
several sizes, numbers of informative features, noises, biases and seeds (X and y in full, as repr strings).

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/regression_fixtures.py   (from the repository root; ~1 s)
"""
import os
import sys

from sklearn.datasets import make_regression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data_fixtures import f64, write  # noqa: E402

CASES = [
    {"n_samples": 100, "n_features": 5, "n_informative": 3, "noise": 0.0, "bias": 0.0, "random_state": 0},
    {"n_samples": 200, "n_features": 10, "n_informative": 10, "noise": 5.0, "bias": 2.5, "random_state": 42},
    {"n_samples": 57, "n_features": 3, "n_informative": 8, "noise": 0.1, "bias": -1.0, "random_state": 7},
    {"n_samples": 300, "n_features": 20, "n_informative": 4, "noise": 10.0, "bias": 0.0, "random_state": 123},
    {"n_samples": 64, "n_features": 40, "n_informative": 17, "noise": 1.0, "bias": 100.0, "random_state": 9},
]


def regression():
    cases = []
    for kw in CASES:
        X, y = make_regression(**kw)
        cases.append({"params": kw, "X": f64(X), "y": f64(y)})
    write("data_regression.json",
          "sklearn.datasets.make_regression(n_samples, n_features, n_informative, noise, bias, random_state): X and y "
          "in full.",
          "make_regression(**params) with n_targets=1, effective_rank=None, shuffle=True; numbers as Python repr.",
          {"cases": cases})


if __name__ == "__main__":
    regression()
