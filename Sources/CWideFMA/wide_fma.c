// SequentialGEMM's blocks on AVX-512 registers (16 float lanes): each element of C keeps its own chain of fused
// multiply-adds in k order, so the bits are those of the eight-lane Swift kernel; only more of them are in flight.
#include "wide_fma.h"
#include <immintrin.h>

int wide_fma_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}

typedef struct {
    long k;
    const float *a; long a_row, a_col;
    const float *b; long ldb;
    const float *bias; int relu; const float *relu_output;
    float *c; long c_row, c_col;
} Product;

/// acc ⊕ bias[col] (one rounding), then x < 0 ? +0 : x lane by lane, then y > 0 ? x : 0 for the ReLU output y,
/// stored at (row, col).
__attribute__((target("avx512f"), always_inline))
static inline void store(const Product *p, __m512 v, long row, long col) {
    if (p->bias) v = _mm512_add_ps(v, _mm512_loadu_ps(p->bias + col));
    if (p->relu) v = _mm512_mask_mov_ps(v, _mm512_cmp_ps_mask(v, _mm512_setzero_ps(), _CMP_LT_OQ), _mm512_setzero_ps());
    const long offset = row * p->c_row + col * p->c_col;
    float *out = p->c + offset;
    if (p->c_col == 1) {
        if (p->relu_output) {
            __mmask16 positive = _mm512_cmp_ps_mask(_mm512_loadu_ps(p->relu_output + offset), _mm512_setzero_ps(), _CMP_GT_OQ);
            v = _mm512_maskz_mov_ps(positive, v);
        }
        _mm512_storeu_ps(out, v);
    } else {
        float lanes[16];
        _mm512_storeu_ps(lanes, v);
        for (int l = 0; l < 16; l++) {
            const long at = l * p->c_col;
            out[at] = p->relu_output && !(p->relu_output[offset + at] > 0) ? 0 : lanes[l];
        }
    }
}

/// Rows i ..< i + R of C over columns j ..< j + 16·V: R·V chains, each register one row's 16 columns.
__attribute__((target("avx512f"), always_inline))
static inline void block(const Product *p, long i, long j, const int R, const int V) {
    __m512 acc[6][2];
    for (int r = 0; r < R; r++)
        for (int v = 0; v < V; v++) acc[r][v] = _mm512_setzero_ps();
    // One pointer per row and one offset along k: the rows' addresses do not wait on one another.
    const float *rows[6];
    for (int r = 0; r < R; r++) rows[r] = p->a + (i + r) * p->a_row;
    const float *bp = p->b + j;
    long offset = 0;
    for (long kk = 0; kk < p->k; kk++) {
        __m512 bv[2];
        for (int v = 0; v < V; v++) bv[v] = _mm512_loadu_ps(bp + 16 * v);
        for (int r = 0; r < R; r++) {
            __m512 av = _mm512_set1_ps(rows[r][offset]);
            for (int v = 0; v < V; v++) acc[r][v] = _mm512_fmadd_ps(av, bv[v], acc[r][v]);   // acc + A·B, one rounding
        }
        bp += p->ldb;
        offset += p->a_col;
    }
    for (int r = 0; r < R; r++)
        for (int v = 0; v < V; v++) store(p, acc[r][v], i + r, j + 16 * v);
}

/// Every row over columns j ..< j + 16·V, in blocks of 6 rows, then 4, then single rows (SequentialGEMM.RowBlocks).
__attribute__((target("avx512f"), always_inline))
static inline void columns(const Product *p, long m, long j, const int V) {
    long fours = 0;
    switch (m % 6) {
    case 2: case 3: fours = m >= 8 ? 2 : 0; break;
    case 4: case 5: fours = 1; break;
    default: break;
    }
    long sixes = (m - 4 * fours) / 6, i = 0;
    for (long s = 0; s < sixes; s++, i += 6) block(p, i, j, 6, V);
    for (long f = 0; f < fours; f++, i += 4) block(p, i, j, 4, V);
    for (; i < m; i++) block(p, i, j, 1, V);
}

__attribute__((target("avx512f")))
void wide_fma_multiply(long m, long n, long k, const float *a, long a_row, long a_col, const float *b, long ldb,
                       const float *bias, int relu, const float *relu_output, float *c, long c_row, long c_col) {
    const Product p = { k, a, a_row, a_col, b, ldb, bias, relu, relu_output, c, c_row, c_col };
    long j = 0;
    for (; j + 32 <= n; j += 32) columns(&p, m, j, 2);
    if (j + 16 <= n) columns(&p, m, j, 1);
}
