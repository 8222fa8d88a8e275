#ifndef SITEGEN_WIDE_TRANSPOSE_H
#define SITEGEN_WIDE_TRANSPOSE_H

/// dst [cols, rows] = src [rows, cols]ᵀ, both row-major (Linear.transpose: a layer's weight [out, in] into the Wᵀ
/// [in, out] the forward product reads): whole 16 × 16 tiles on AVX-512 registers, the columns past them gathered
/// sixteen rows at a time, the rows past the last 16 element by element. Call only where `wide_fma_available()` says
/// AVX-512F is there.
void wide_transpose(long rows, long cols, const float *src, float *dst);

#endif
