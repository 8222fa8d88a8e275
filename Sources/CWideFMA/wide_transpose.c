// The forward pass's Wᵀ (Linear.transpose) on AVX-512 registers: whole 16 × 16 tiles through four rounds of lane
// interleaving, the columns past them gathered, the last rows element by element. Only floats are moved, so the
// result is the Swift transpose's. Every forward pass transposes each layer's weight, since the optimiser changed it:
// 4.4 % of the bundled course's cold build in Swift's 8 × 8 tiles, whose registers the compiler spilled to the stack.
#include "wide_transpose.h"
#include <immintrin.h>

/// Rows r ..< r + 16, columns c ..< c + 16 of `src` (row stride `s`) into `dst` (row stride `d`) as columns.
__attribute__((target("avx512f"), always_inline))
static inline void tile(const float *src, long s, float *dst, long d) {
    __m512 x[16], t[16];
    for (int i = 0; i < 16; i++) x[i] = _mm512_loadu_ps(src + i * s);
    // Pairs of rows, 32-bit lanes interleaved: (a0 b0 a1 b1 | a4 b4 a5 b5 | …).
    for (int i = 0; i < 8; i++) {
        t[2 * i] = _mm512_unpacklo_ps(x[2 * i], x[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_ps(x[2 * i], x[2 * i + 1]);
    }
    // Fours of rows, 64-bit pairs interleaved: each 128-bit quarter holds one column of four rows.
    for (int i = 0; i < 4; i++) {
        x[4 * i] = _mm512_castpd_ps(_mm512_unpacklo_pd(_mm512_castps_pd(t[4 * i]), _mm512_castps_pd(t[4 * i + 2])));
        x[4 * i + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(_mm512_castps_pd(t[4 * i]), _mm512_castps_pd(t[4 * i + 2])));
        x[4 * i + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(_mm512_castps_pd(t[4 * i + 1]), _mm512_castps_pd(t[4 * i + 3])));
        x[4 * i + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(_mm512_castps_pd(t[4 * i + 1]), _mm512_castps_pd(t[4 * i + 3])));
    }
    // Eights of rows, 128-bit quarters: quarters 0 and 2 of two registers, then 1 and 3.
    for (int i = 0; i < 4; i++) {
        t[i] = _mm512_shuffle_f32x4(x[i], x[4 + i], 0x88);
        t[4 + i] = _mm512_shuffle_f32x4(x[i], x[4 + i], 0xDD);
        t[8 + i] = _mm512_shuffle_f32x4(x[8 + i], x[12 + i], 0x88);
        t[12 + i] = _mm512_shuffle_f32x4(x[8 + i], x[12 + i], 0xDD);
    }
    // All sixteen rows: register q is column q.
    for (int i = 0; i < 8; i++) {
        x[i] = _mm512_shuffle_f32x4(t[i], t[8 + i], 0x88);
        x[8 + i] = _mm512_shuffle_f32x4(t[i], t[8 + i], 0xDD);
    }
    for (int q = 0; q < 16; q++) _mm512_storeu_ps(dst + q * d, x[q]);
}

__attribute__((target("avx512f")))
void wide_transpose(long rows, long cols, const float *src, float *dst) {
    const long rows16 = rows & ~15L, cols16 = cols & ~15L;
    for (long r = 0; r < rows16; r += 16)
        for (long c = 0; c < cols16; c += 16) tile(src + r * cols + c, cols, dst + c * rows + r, rows);
    // The columns past the last whole tile (all of them for a layer of fewer than 16 inputs): sixteen rows of one
    // column gathered into a register.
    if (cols16 < cols && cols <= (1L << 26)) {
        const __m512i down = _mm512_mullo_epi32(_mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
                                                _mm512_set1_epi32((int)cols));
        for (long r = 0; r < rows16; r += 16)
            for (long c = cols16; c < cols; c++)
                _mm512_storeu_ps(dst + c * rows + r, _mm512_i32gather_ps(down, src + r * cols + c, 4));
    } else {
        for (long r = 0; r < rows16; r++)
            for (long c = cols16; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
    }
    for (long r = rows16; r < rows; r++)
        for (long c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
}
