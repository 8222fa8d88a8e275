#ifndef SITEGEN_WIDE_FMA_H
#define SITEGEN_WIDE_FMA_H

/// Whether this CPU has AVX-512F, and so `wide_fma_multiply` may be called (checked at run time: the Swift
/// modules target Haswell, AVX2 + FMA).
int wide_fma_available(void);

/// C[i, j] = f32(chain(i, j) ⊕ bias[j]) (bias optional), then max(·, 0) if `relu` (x < 0 → +0; NaN and −0 kept),
/// then, if `relu_output` is given (laid out as C), 0 where relu_output[i, j] is not above 0 (the ReLU's backward),
/// for i < m and j < n, n a multiple of 16, where chain(i, j) is the sequential fused multiply-add chain
/// acc = fma(A[i, kk], B[kk, j], acc) over kk = 0 ..< k from acc = +0. A(i, kk) is a[i·a_row + kk·a_col],
/// B[kk, j] is b[kk·ldb + j], C[i, j] is c[i·c_row + j·c_col]. The same bits as SequentialGEMM's eight-lane
/// blocks, sixteen columns to a register.
void wide_fma_multiply(long m, long n, long k, const float *a, long a_row, long a_col, const float *b, long ldb,
                       const float *bias, int relu, const float *relu_output, float *c, long c_row, long c_col);

#endif
