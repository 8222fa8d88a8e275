"""The delivery-time regression data shared by the lesson's regression experiments.

Four features per order (distance in km, a traffic level from 1 to 10, kitchen prep time in minutes,
order value), and the delivery time in minutes as the target. Run as a script to print a summary.
"""
import argparse
import math

import numpy as np
import torch
from sklearn.model_selection import train_test_split


def make_delivery_data(n=2000, seed=42, noise=4.0):
    np.random.seed(seed)
    distance = np.abs(np.random.normal(4.0, 2.0, n)).clip(0.5, 15)
    traffic = np.random.randint(1, 11, n).astype(float)
    prep = np.abs(np.random.normal(15, 5, n)).clip(5, 35)
    value = np.abs(np.random.normal(350, 150, n)).clip(50, 1200)
    minutes = (8.6 + 7.3 * distance + 0.8 * prep + 1.5 * traffic
               + np.random.normal(0, noise, n)).clip(10, 120)
    X = np.column_stack([distance, traffic, prep, value])
    y = minutes.reshape(-1, 1)
    return X, y


def split_and_scale(X, y, seed=42, validation_size=None):
    """80/20 split, then standardise features and target with the training rows' mean and std.

    With `validation_size` (a share of all rows), a second split of the 80 % sets the validation rows apart
    before the statistics are taken (0.2 gives 60/20/20); they are scaled like the test rows.
    """
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=seed)
    if validation_size is not None:
        X_tr, X_val, y_tr, y_val = train_test_split(
            X_tr, y_tr, test_size=validation_size / (1 - 0.2), random_state=seed)
    X_mean, X_std = X_tr.mean(0), X_tr.std(0) + 1e-8
    y_mean, y_std = y_tr.mean(), y_tr.std() + 1e-8
    tensors = {
        "X_train": torch.FloatTensor((X_tr - X_mean) / X_std),
        "y_train": torch.FloatTensor((y_tr - y_mean) / y_std),
        "X_test": torch.FloatTensor((X_te - X_mean) / X_std),
        "y_test": torch.FloatTensor((y_te - y_mean) / y_std),
    }
    if validation_size is not None:
        tensors["X_val"] = torch.FloatTensor((X_val - X_mean) / X_std)
        tensors["y_val"] = torch.FloatTensor((y_val - y_mean) / y_std)
    return tensors, y_te, y_mean, y_std


def seeds_from_args(default=42):
    """`--seeds 1,2,3` on the command line: the model/batch-order seeds to repeat each run with."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", help="comma-separated seeds; prints mean ± sample std over them")
    # parse_known_args: in a notebook, Jupyter's own arguments (-f kernel.json) are on the command line too.
    args, _ = parser.parse_known_args()
    return [int(s) for s in args.seeds.split(",")] if args.seeds else [default]


def mean_std(values):
    """The mean and the sample standard deviation (n - 1), summed in order, as sitegen's tables show them."""
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) * (v - mean) for v in values) / (len(values) - 1))


def stat(values, width, digits):
    """One value as printed: the number alone for one seed, `mean ± std` for several."""
    if len(values) == 1:
        return f"{values[0]:>{width}.{digits}f}"
    mean, std = mean_std(values)
    return f"{mean:>{width}.{digits}f} ± {std:.{digits}f}"


if __name__ == "__main__":
    X, y = make_delivery_data()
    tensors, *_ = split_and_scale(X, y)
    print(f"rows: {len(X)}, train: {len(tensors['X_train'])}, test: {len(tensors['X_test'])}")
    print(f"mean delivery time: {y.mean():.2f} min")
