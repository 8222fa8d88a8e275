#ifndef SITEGEN_WIDE_ONE_OUTPUT_H
#define SITEGEN_WIDE_ONE_OUTPUT_H

/// OneOutputProducts.forward on AVX-512 registers: for each of `rows` rows, y[r] = f32(Σ_k x[r, k]·w[k] ⊕ bias) in
/// MKL's order for a layer of one output (s = x₀ ⊗ w₀; the other k − 1 products sixteen lanes at a time into one
/// register seeded [s, 0, …, 0], halved lane l ⊕ l+8, l ⊕ l+4, l ⊕ l+2, l ⊕ l+1 into the new s after every whole 16
/// and after the last 1…15), then, if `relu`, y < 0 → +0. x is rows × k, row-major; no element past x[rows·k − 1]
/// or w[k − 1] is read. Call only where `wide_fma_available()` says AVX-512F is there.
void wide_one_output_forward(long rows, long k, const float *x, const float *w, float bias, int relu, float *y);

#endif
