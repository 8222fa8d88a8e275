// The one-output layer's forward (OneOutputProducts.swift) on AVX-512 registers: the same products, the same
// sixteen-lane registers and the same halving tree, with the last 1…15 products loaded under a mask.
#include "wide_one_output.h"
#include <immintrin.h>

/// Lanes l ⊕ l+8, then l ⊕ l+4, l ⊕ l+2, l ⊕ l+1: lane 0 of the result.
__attribute__((target("avx512f"), always_inline))
static inline float halve(__m512 v) {
    const __m256 h8 = _mm256_add_ps(_mm512_castps512_ps256(v), _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1)));
    const __m128 h4 = _mm_add_ps(_mm256_castps256_ps128(h8), _mm256_extractf128_ps(h8, 1));
    const __m128 h2 = _mm_add_ps(h4, _mm_movehl_ps(h4, h4));
    return _mm_cvtss_f32(_mm_add_ss(h2, _mm_shuffle_ps(h2, h2, 1)));
}

__attribute__((target("avx512f")))
void wide_one_output_forward(long rows, long k, const float *x, const float *w, float bias, int relu, float *y) {
    const long whole = (k - 1) / 16, left = (k - 1) % 16, tail = 1 + 16 * whole;
    const __mmask16 last = (__mmask16)((1u << left) - 1);
    const __m512 w_tail = _mm512_maskz_loadu_ps(last, w + tail);
    for (long r = 0; r < rows; r++) {
        const float *row = x + r * k;
        float s = row[0] * w[0];
        if (whole > 0) {
            __m512 acc = _mm512_zextps128_ps512(_mm_set_ss(s));
            for (long v = 0; v < whole; v++)
                acc = _mm512_fmadd_ps(_mm512_loadu_ps(row + 1 + 16 * v), _mm512_loadu_ps(w + 1 + 16 * v), acc);
            s = halve(acc);
        }
        if (left > 0)
            s = halve(_mm512_fmadd_ps(_mm512_maskz_loadu_ps(last, row + tail), w_tail, _mm512_zextps128_ps512(_mm_set_ss(s))));
        float v = s + bias;
        if (relu && v < 0) v = 0;
        y[r] = v;
    }
}
