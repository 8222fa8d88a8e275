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

/// `halve` of four registers at once, the same additions lane for lane: the four results in lanes 0, 4, 8 and 12.
__attribute__((target("avx512f"), always_inline))
static inline __m512 halve_four(__m512 v0, __m512 v1, __m512 v2, __m512 v3) {
    // [v0 lanes 0-7 | v1 lanes 0-7] ⊕ [v0 lanes 8-15 | v1 lanes 8-15]: each row's l ⊕ l+8.
    const __m512 h8_01 = _mm512_add_ps(_mm512_shuffle_f32x4(v0, v1, 0x44), _mm512_shuffle_f32x4(v0, v1, 0xEE));
    const __m512 h8_23 = _mm512_add_ps(_mm512_shuffle_f32x4(v2, v3, 0x44), _mm512_shuffle_f32x4(v2, v3, 0xEE));
    // Each row's lanes 0-3 ⊕ lanes 4-7, one row to each 128-bit quarter.
    const __m512 h4 = _mm512_add_ps(_mm512_shuffle_f32x4(h8_01, h8_23, 0x88), _mm512_shuffle_f32x4(h8_01, h8_23, 0xDD));
    const __m512 h2 = _mm512_add_ps(h4, _mm512_shuffle_ps(h4, h4, 0xEE));         // l ⊕ l+2 in each quarter
    return _mm512_add_ps(h2, _mm512_shuffle_ps(h2, h2, 0x55));                      // l ⊕ l+1
}

/// Four rows' y from their halved sums in lanes 0, 4, 8, 12: ⊕ bias, then ReLU.
__attribute__((target("avx512f"), always_inline))
static inline void store_four(__m512 sums, float bias, int relu, float *y) {
    __m128 v = _mm512_castps512_ps128(_mm512_maskz_compress_ps(0x1111, sums));
    v = _mm_add_ps(v, _mm_set1_ps(bias));
    if (relu) v = _mm_blendv_ps(v, _mm_setzero_ps(), _mm_cmplt_ps(v, _mm_setzero_ps()));
    _mm_storeu_ps(y, v);
}

__attribute__((target("avx512f")))
void wide_one_output_forward(long rows, long k, const float *x, const float *w, float bias, int relu, float *y) {
    const long whole = (k - 1) / 16, left = (k - 1) % 16, tail = 1 + 16 * whole;
    const __mmask16 last = (__mmask16)((1u << left) - 1);
    const __m512 w_tail = _mm512_maskz_loadu_ps(last, w + tail);
    long r = 0;
    // Four rows at a time: their chains side by side, their halvings in shared registers.
    for (; r + 4 <= rows && whole + (left > 0) > 0; r += 4) {
        const float *row = x + r * k;
        __m512 acc[4];
        for (int q = 0; q < 4; q++) acc[q] = _mm512_zextps128_ps512(_mm_set_ss(row[q * k] * w[0]));
        __m512 sums;
        if (whole > 0) {
            for (long v = 0; v < whole; v++) {
                const __m512 wv = _mm512_loadu_ps(w + 1 + 16 * v);
                for (int q = 0; q < 4; q++) acc[q] = _mm512_fmadd_ps(_mm512_loadu_ps(row + q * k + 1 + 16 * v), wv, acc[q]);
            }
            sums = halve_four(acc[0], acc[1], acc[2], acc[3]);
            if (left > 0) {
                // Each row's s back into lane 0 of its own register.
                for (int q = 0; q < 4; q++)
                    acc[q] = _mm512_zextps128_ps512(_mm512_castps512_ps128(_mm512_maskz_compress_ps((__mmask16)(1u << (4 * q)), sums)));
            }
        }
        if (left > 0) {
            for (int q = 0; q < 4; q++) acc[q] = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(last, row + q * k + tail), w_tail, acc[q]);
            sums = halve_four(acc[0], acc[1], acc[2], acc[3]);
        }
        store_four(sums, bias, relu, y + r);
    }
    for (; r < rows; r++) {
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
