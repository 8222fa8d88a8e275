"""Adam written out by hand next to torch.optim.Adam, in float64, on the same five gradients.

Then: what bias correction does in the first steps of a noisy gradient sequence, and what the first
steps would be without it.
"""
import numpy as np
import torch
import torch.optim as optim


class TextbookAdam:
    """m <- b1 m + (1-b1) g;  v <- b2 v + (1-b2) g^2;  W <- W - lr * m_hat / (sqrt(v_hat) + eps)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        self.params, self.lr, self.eps = params, lr, eps
        self.b1, self.b2 = betas
        self.t = 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def step(self, grads):
        self.t += 1
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m[:] = self.b1 * m + (1 - self.b1) * g
            v[:] = self.b2 * v + (1 - self.b2) * g**2
            m_hat = m / (1 - self.b1**self.t)
            v_hat = v / (1 - self.b2**self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


np.random.seed(0)
W_ours = np.array([1.0, -0.5, 0.8, -1.2])
W_torch = torch.tensor(W_ours.copy(), requires_grad=True)
ours = TextbookAdam([W_ours], lr=1e-3)
theirs = optim.Adam([W_torch], lr=1e-3)

print("step  W after the step (torch)                    max |W_ours - W_torch|")
gradients = []
for step in range(1, 6):
    g = np.random.randn(4) * 0.5
    gradients.append(g)
    ours.step([g])
    theirs.zero_grad()
    W_torch.grad = torch.tensor(g.copy())
    theirs.step()
    W_now = W_torch.detach().numpy()
    print(f"{step:>4}  {np.array2string(W_now, precision=6, floatmode='fixed')}  {np.abs(W_ours - W_now).max():.2e}")

# Bias correction on the first weight's gradients above.
b1, b2, lr, eps = 0.9, 0.999, 1e-3, 1e-8
m = v = 0.0
print("\nstep  gradient      m    m_hat      v    v_hat  step/lr corrected  step/lr uncorrected")
for t, g in enumerate((g[0] for g in gradients), 1):
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
    corrected = m_hat / (np.sqrt(v_hat) + eps)
    uncorrected = m / (np.sqrt(v) + eps)
    print(f"{t:>4}  {g:>8.4f}  {m:>6.4f}  {m_hat:>7.4f}  {v:>7.5f}  {v_hat:>7.4f}  {corrected:>17.4f}  {uncorrected:>19.4f}")
