"""One batch-norm network on two moons, evaluated four ways: after model.eval(), and without it on the whole test
set, in batches of 10 and in batches of 2; and a fifth time after model.eval() with batch norm's momentum at 0.01.

Every run trains the same network from the same seed; only the evaluation after each epoch differs (batch norm
in train mode draws nothing and normalises with the batch's own statistics, so training is unchanged, whatever
the running statistics hold). Prints, per run, the final test loss and accuracy, the test loss and accuracy
after epoch 1, and the sum of the parameter norms (equal in every row: the same trained network).
"""
import torch
import torch.nn as nn

from moons_data import moons

torch.set_num_threads(1)  # batch norm's sums depend on the thread count; the figures assume one thread

X_train, X_test, y_train, y_test = moons()


def evaluate(model, call_eval, batch_size):
    """Test loss and accuracy, in batches of batch_size rows (None: the whole set at once)."""
    if call_eval:
        model.eval()
    loss_fn = nn.CrossEntropyLoss()
    batch_size = batch_size or len(X_test)
    total, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(X_test), batch_size):
            xb, yb = X_test[start:start + batch_size], y_test[start:start + batch_size]
            logits = model(xb)  # in train mode: this batch's statistics, and the running ones are updated
            total += loss_fn(logits, yb).item() * len(xb)
            correct += (logits.argmax(1) == yb).sum().item()
    return total / len(X_test), correct / len(X_test)


def train(call_eval, eval_batch, momentum=0.1, epochs=20):
    torch.manual_seed(42)
    model = nn.Sequential(nn.Linear(2, 32), nn.BatchNorm1d(32, momentum=momentum), nn.ReLU(),
                          nn.Linear(32, 32), nn.BatchNorm1d(32, momentum=momentum), nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_train, y_train), batch_size=32, shuffle=True)
    history = []
    for epoch in range(epochs):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
        history.append(evaluate(model, call_eval, eval_batch))
    norm = sum(p.detach().norm().item() for p in model.parameters())
    return history, norm


print(f"{'Evaluation':<28} {'Test loss':>9} {'Test accuracy':>13} {'Epoch 1 loss':>12} {'Epoch 1 accuracy':>16} "
      f"{'Weight norm':>11}")
for label, call_eval, eval_batch, momentum in [
        ("model.eval()", True, None, 0.1), ("train mode, whole test set", False, None, 0.1),
        ("train mode, batches of 10", False, 10, 0.1), ("train mode, batches of 2", False, 2, 0.1),
        ("model.eval(), momentum 0.01", True, None, 0.01)]:
    history, norm = train(call_eval, eval_batch, momentum)
    print(f"{label:<28} {history[-1][0]:>9.4f} {history[-1][1]:>13.4f} {history[0][0]:>12.4f} {history[0][1]:>16.4f} "
          f"{norm:>11.4f}")
