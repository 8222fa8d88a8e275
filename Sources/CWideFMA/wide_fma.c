// SequentialGEMM's blocks on AVX-512 registers (16 float lanes): each element of C keeps its own chain of fused
// multiply-adds in k order, so the bits are those of the eight-lane Swift kernel; only more of them are in flight.
#include "wide_fma.h"
#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

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

/// What a product does to its sums before storing them. The three the layers use most have their own copies of the
/// loops below, with no test left in them (and the accumulators kept in registers); `anyEpilogue` reads the flags.
enum Epilogue {
    plain,          // C = A·B into contiguous rows: the weight gradient, a last layer without bias
    biasReLU,       // max(A·B ⊕ bias, 0) into contiguous rows: a hidden layer's forward
    reluMask,       // A·B where the ReLU output y > 0, else 0, into contiguous rows: the input gradient through a ReLU
    anyEpilogue,    // whatever the flags say: C written transposed, bias or ReLU alone, a mask with bias or ReLU
};

/// acc ⊕ bias[col] (one rounding), then x < 0 ? +0 : x lane by lane, then y > 0 ? x : 0 for the ReLU output y,
/// stored at (row, col).
__attribute__((target("avx512f"), always_inline))
static inline void store(const Product *p, __m512 v, long row, long col, const enum Epilogue e) {
    if (e == biasReLU || (e == anyEpilogue && p->bias)) v = _mm512_add_ps(v, _mm512_loadu_ps(p->bias + col));
    if (e == biasReLU || (e == anyEpilogue && p->relu))
        v = _mm512_mask_mov_ps(v, _mm512_cmp_ps_mask(v, _mm512_setzero_ps(), _CMP_LT_OQ), _mm512_setzero_ps());
    if (e != anyEpilogue) {
        const long offset = row * p->c_row + col;
        if (e == reluMask) {
            __mmask16 positive = _mm512_cmp_ps_mask(_mm512_loadu_ps(p->relu_output + offset), _mm512_setzero_ps(), _CMP_GT_OQ);
            v = _mm512_maskz_mov_ps(positive, v);
        }
        _mm512_storeu_ps(p->c + offset, v);
        return;
    }
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
static inline void block(const Product *p, long i, long j, const int R, const int V, const enum Epilogue e) {
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
        for (int v = 0; v < V; v++) store(p, acc[r][v], i + r, j + 16 * v, e);
}

/// Every row over columns j ..< j + 16·V, in blocks of 6 rows, then 4, then single rows (SequentialGEMM.RowBlocks).
__attribute__((target("avx512f"), always_inline))
static inline void columns(const Product *p, long m, long j, const int V, const enum Epilogue e) {
    long fours = 0;
    switch (m % 6) {
    case 2: case 3: fours = m >= 8 ? 2 : 0; break;
    case 4: case 5: fours = 1; break;
    default: break;
    }
    long sixes = (m - 4 * fours) / 6, i = 0;
    for (long s = 0; s < sixes; s++, i += 6) block(p, i, j, 6, V, e);
    for (long f = 0; f < fours; f++, i += 4) block(p, i, j, 4, V, e);
    for (; i < m; i++) block(p, i, j, 1, V, e);
}

/// A short sum (k ≤ 4: a first layer on a few features) over columns j ..< j + 16·V: B's K × V registers are loaded
/// once and stay, and each row of C is K broadcasts of its row of A and V chains of K fused multiply-adds. The row
/// blocks above reload B for every six rows, which costs as much as the products when k is this short (Linear(4, 64)
/// on 64 rows: 0.37 µs in row blocks, 0.29 µs here); the chains are the same.
__attribute__((target("avx512f"), always_inline))
static inline void short_sum_columns(const Product *p, long m, long j, const int K, const int V, const enum Epilogue e) {
    __m512 bv[4][4];
    for (int kk = 0; kk < K; kk++)
        for (int v = 0; v < V; v++) bv[kk][v] = _mm512_loadu_ps(p->b + kk * p->ldb + j + 16 * v);
    for (long i = 0; i < m; i++) {
        const float *row = p->a + i * p->a_row;
        __m512 acc[4];
        for (int v = 0; v < V; v++) acc[v] = _mm512_setzero_ps();
        for (int kk = 0; kk < K; kk++) {
            const __m512 av = _mm512_set1_ps(row[kk * p->a_col]);
            for (int v = 0; v < V; v++) acc[v] = _mm512_fmadd_ps(av, bv[kk][v], acc[v]);   // acc + A·B, one rounding
        }
        for (int v = 0; v < V; v++) store(p, acc[v], i, j + 16 * v, e);
    }
}

/// Every column block of a short sum, 64 columns at a time, then 32, then 16.
__attribute__((target("avx512f"), always_inline))
static inline void short_sum(const Product *p, long m, long n, const int K, const enum Epilogue e) {
    long j = 0;
    for (; j + 64 <= n; j += 64) short_sum_columns(p, m, j, K, 4, e);
    if (j + 32 <= n) { short_sum_columns(p, m, j, K, 2, e); j += 32; }
    if (j + 16 <= n) short_sum_columns(p, m, j, K, 1, e);
}

/// The whole product with one epilogue: short sums, or column blocks of 32, then 16.
__attribute__((target("avx512f"), always_inline))
static inline void product(const Product *p, long m, long n, const enum Epilogue e) {
    switch (p->k) {
    case 1: short_sum(p, m, n, 1, e); return;
    case 2: short_sum(p, m, n, 2, e); return;
    case 3: short_sum(p, m, n, 3, e); return;
    case 4: short_sum(p, m, n, 4, e); return;
    default: break;
    }
    long j = 0;
    for (; j + 32 <= n; j += 32) columns(p, m, j, 2, e);
    if (j + 16 <= n) columns(p, m, j, 1, e);
}

/// The epilogue the flags ask for, with its own copy of the loops.
__attribute__((target("avx512f")))
static void run(const Product *p, long m, long n) {
    if (p->c_col != 1) product(p, m, n, anyEpilogue);
    else if (!p->bias && !p->relu && !p->relu_output) product(p, m, n, plain);
    else if (p->bias && p->relu && !p->relu_output) product(p, m, n, biasReLU);
    else if (!p->bias && !p->relu && p->relu_output) product(p, m, n, reluMask);
    else product(p, m, n, anyEpilogue);
}

// Tiny weights. Adam leaves the weights out of a dead unit (its ReLU output 0 on every row, so their only gradient
// is the decay) far below 1, some below 2^-126. An FMA takes a microcode assist when a factor of a nonzero product,
// its addend or its result is subnormal (scripts/checks/subnormal-assist.c: about 6 ns instead of 1.0–1.5 for each of
// eight independent FMAs, and the kernel below, which otherwise finishes two FMAs a cycle, waits for each): all happen in
// the chains through such weights, and a weight in B meets every row of A. In the lesson's adam-vs-adamw runs, one
// dead unit made the input gradient of Linear(64, 32) on 64 rows take 72 µs instead of 2. That gradient is stored
// through the ReLU's backward mask (`relu_output`), as 0 on every row of the dead unit's column: the column's chains
// are not stored at all. So a weight below 2^-64 in a column of C that is masked on every row is read as +0, from a
// copy of B, and the bits are the same. (A forward pass stores every chain it makes: its tiny weights keep their
// assists; so does a chain through a unit that is alive on some rows.)

/// Lanes whose float is nonzero and below 2^-64 in magnitude, read from the bits (subnormals among them).
__attribute__((target("avx512f"), always_inline))
static inline __mmask16 tiny_lanes(__m512 x) {
    const __m512i magnitude = _mm512_and_si512(_mm512_castps_si512(x), _mm512_set1_epi32(0x7FFFFFFF));
    return _mm512_cmplt_epu32_mask(magnitude, _mm512_set1_epi32(0x1F800000)) & _mm512_test_epi32_mask(magnitude, magnitude);
}

/// Whether B's k × n block holds a tiny weight: the least of |x| − 1 over its bits (unsigned, so 0 becomes the
/// largest), three instructions a register.
__attribute__((target("avx512f")))
static int has_tiny(const Product *p, long n) {
    const __m512i magnitude_bits = _mm512_set1_epi32(0x7FFFFFFF), one = _mm512_set1_epi32(1);
    __m512i least = _mm512_set1_epi32(-1);
    for (long kk = 0; kk < p->k; kk++) {
        const float *row = p->b + kk * p->ldb;
        for (long j = 0; j < n; j += 16) {
            const __m512i magnitude = _mm512_and_si512(_mm512_castps_si512(_mm512_loadu_ps(row + j)), magnitude_bits);
            least = _mm512_min_epu32(least, _mm512_sub_epi32(magnitude, one));
        }
    }
    return _mm512_cmplt_epu32_mask(least, _mm512_set1_epi32(0x1F800000 - 1)) != 0;
}

/// Whether C's column j is stored as 0 on all m rows: its ReLU output is not above 0 on any.
static int masked_column(const Product *p, long m, long j) {
    for (long i = 0; i < m; i++)
        if (p->relu_output[i * p->c_row + j * p->c_col] > 0) return 0;
    return 1;
}

/// A copy of B [k, n] (row stride n) with the tiny weights of masked columns read as +0; NULL when there are none,
/// or no memory (then B is used as it is).
__attribute__((target("avx512f")))
static float *without_masked_tiny_weights(const Product *p, long m, long n) {
    float *copy = NULL;
    signed char *masked = malloc((size_t)n);    // per column of C, once asked: 1 masked on every row, else 0
    if (!masked) return NULL;
    memset(masked, -1, (size_t)n);
    for (long kk = 0; kk < p->k; kk++) {
        const float *row = p->b + kk * p->ldb;
        for (long j0 = 0; j0 < n; j0 += 16) {
            for (unsigned lanes = tiny_lanes(_mm512_loadu_ps(row + j0)); lanes; lanes &= lanes - 1) {
                const long j = j0 + __builtin_ctz(lanes);
                if (masked[j] < 0) masked[j] = (signed char)masked_column(p, m, j);
                if (!masked[j]) continue;
                if (!copy) {
                    if (!(copy = malloc(sizeof(float) * (size_t)(p->k * n)))) goto done;
                    for (long r = 0; r < p->k; r++) memcpy(copy + r * n, p->b + r * p->ldb, sizeof(float) * (size_t)n);
                }
                copy[kk * n + j] = 0;
            }
        }
    }
done:
    free(masked);
    return copy;
}

__attribute__((target("avx512f")))
void wide_fma_multiply(long m, long n, long k, const float *a, long a_row, long a_col, const float *b, long ldb,
                       const float *bias, int relu, const float *relu_output, float *c, long c_row, long c_col) {
    Product p = { k, a, a_row, a_col, b, ldb, bias, relu, relu_output, c, c_row, c_col };
    float *copy = relu_output && has_tiny(&p, n) ? without_masked_tiny_weights(&p, m, n) : NULL;
    if (copy) {
        p.b = copy;
        p.ldb = n;
    }
    run(&p, m, n);
    free(copy);
}
