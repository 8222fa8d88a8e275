// Adam's element-wise step on AVX-512 registers, with the same bits as Adam.swift's lanes. The divider bounds this
// step (two divisions per element); at sixteen lanes it finishes about a quarter sooner than at eight, and the
// division by the step's constant bc2 is done on the FMA units instead (`divide_by_bc2`). The square root is torch's
// (MKL's, docs/parity.md §4.4): one Newton step from the CPU's `vrsqrt14ps`, which Swift calls only after checking that
// the instruction gives the table Functions/Rsqrt14Table.swift holds (`wide_rsqrt14`).
#include "wide_adam.h"
#include "subnormal.h"
#include <immintrin.h>

/// a ⊘ bc2 without the divider: q = a ⊗ y with y = RN(1/bc2), then one correction q + (a − bc2·q)·y, the residual
/// exact by FMA. Markstein's theorem makes that the correctly rounded quotient when y is the correctly rounded
/// reciprocal and q is within an ulp (docs/parity.md §5.2a); here a = sqrt(v) is 0, at least 2^-75, +inf or NaN and
/// 0 < bc2 ≤ 1, so neither the residual nor the quotient under- or overflows. Where a is +inf or NaN the residual is
/// NaN and q (= a ⊗ y, which is what a ⊘ bc2 gives there: +inf, or a's NaN) is kept.
__attribute__((target("avx512f"), always_inline))
static inline __m512 divide_by_bc2(__m512 a, const WideAdamHyper *h) {
    const __m512 y = _mm512_set1_ps(h->bc2_reciprocal), b = _mm512_set1_ps(h->bc2);
    const __m512 q = _mm512_mul_ps(a, y);
    const __m512 r = _mm512_fnmadd_ps(q, b, a);                                         // a − b·q, exact
    const __m512 corrected = _mm512_fmadd_ps(r, y, q);
    return _mm512_mask_mov_ps(corrected, _mm512_cmp_ps_mask(r, r, _CMP_UNORD_Q), q);
}

/// MKLSquareRoot.root on sixteen lanes: e = rsqrt14(a), x0 = a·e, fma(fnmadd(x0, x0, a), 0.5·e, x0); inputs below
/// 2^-64 scaled by 2^64 and their roots by 2^-32; ±0 and +inf kept (there the step gives NaN); negatives and NaN give NaN.
__attribute__((target("avx512f"), always_inline))
static inline __m512 tensor_sqrt(__m512 a) {
    const __mmask16 tiny = _mm512_cmp_ps_mask(a, _mm512_set1_ps(0x1p-64f), _CMP_LT_OQ);
    const __m512 x = _mm512_mask_mul_ps(a, tiny, a, _mm512_set1_ps(0x1p64f));
    const __m512 e = _mm512_rsqrt14_ps(x);
    const __m512 x0 = _mm512_mul_ps(x, e);
    __m512 root = _mm512_fmadd_ps(_mm512_fnmadd_ps(x0, x0, x), _mm512_mul_ps(_mm512_set1_ps(0.5f), e), x0);
    root = _mm512_mask_mul_ps(root, tiny, root, _mm512_set1_ps(0x1p-32f));
    const __mmask16 kept = _mm512_cmp_ps_mask(a, _mm512_setzero_ps(), _CMP_EQ_OQ)
                         | _mm512_cmp_ps_mask(a, _mm512_set1_ps(__builtin_inff()), _CMP_EQ_OQ);
    return _mm512_mask_mov_ps(root, kept, a);
}

/// Whether subnormal first moments of zero-gradient lanes may skip their float operations (see `element`): ε > 0,
/// |neg_step| ⊘ ε ≤ 2^40, and 0 < 1 − w with at most 30 significant bits, so that k·(1 − w) is exact in binary64.
static int takes_tiny_moments(const WideAdamHyper *h) {
    const double one_minus_w = 1.0 - (double)h->w;                                       // exact
    const double scaled = one_minus_w * 0x1p30;
    return h->epsilon > 0 && __builtin_fabs((double)h->neg_step) / (double)h->epsilon <= 0x1p40
        && one_minus_w > 0 && scaled == __builtin_rint(scaled);
}

__attribute__((target("avx512f"), always_inline))
static inline void element(float *p, const float *g, float *m, float *v, float *vmax, const WideAdamHyper *h,
                           int tiny_moments, long i, __mmask16 lanes) {
    __m512 pv = _mm512_maskz_loadu_ps(lanes, p + i), gv = _mm512_maskz_loadu_ps(lanes, g + i);
    __m512 mv = _mm512_maskz_loadu_ps(lanes, m + i), vv = _mm512_maskz_loadu_ps(lanes, v + i);
    if (h->has_decay) {
        if (h->decoupled) pv = _mm512_mul_ps(pv, _mm512_set1_ps(h->shrink));          // p.mul_(1 − lr·λ)
        else gv = _mm512_fmadd_ps(_mm512_set1_ps(h->decay), pv, gv);                 // grad.add(p, alpha=λ)
    }
    // Lanes with a subnormal m, a zero gradient and |p| ≥ 2^-60 (a unit whose ReLU switched off: m decays by 1 − w a
    // step through the subnormal range): the step's fma(w, 0 − m, m), or fma(w − 1, 0 − m, 0), is RN(m·(1 − w)),
    // computed by `scaled_subnormal` (1 − w has at most 30 significant bits: `takes_tiny_moments`), and the rest of the step
    // runs with m = 0 there. That gives the IEEE bits: the true update r = −stepSize·m′ ⊘ denom is below 2^-85 in
    // magnitude (|m′| < 2^-126, |stepSize| ⊘ ε ≤ 2^40), under half an ulp of p, so p ⊕ r = p, which is what
    // p ⊕ (−stepSize ⊗ 0) ⊘ denom gives; v's update does not read m.
    __mmask16 tiny = 0;
    __m512 decayed = mv;
    if (tiny_moments) {
        tiny = lanes & subnormal_lanes(mv) & _mm512_cmp_ps_mask(gv, _mm512_setzero_ps(), _CMP_EQ_OQ) & not_small_lanes(pv);
        if (tiny) {
            decayed = scaled_subnormal(mv, 1.0 - (double)h->w);
            mv = _mm512_mask_mov_ps(mv, tiny, _mm512_setzero_ps());
        }
    }
    const __m512 d = _mm512_sub_ps(gv, mv);                                            // exp_avg.lerp_(g, 1 − β1)
    mv = h->low_weight ? _mm512_fmadd_ps(_mm512_set1_ps(h->w), d, mv)
                       : _mm512_fmadd_ps(_mm512_set1_ps(h->w_minus_1), d, gv);
    vv = _mm512_fmadd_ps(_mm512_mul_ps(_mm512_set1_ps(h->one_minus_b2), gv), gv,      // mul_(β2).addcmul_(g, g, 1 − β2)
                         _mm512_mul_ps(vv, _mm512_set1_ps(h->b2)));
    __m512 s = vv;
    if (h->amsgrad) {
        const __m512 old = _mm512_maskz_loadu_ps(lanes, vmax + i);                    // vmax < v ? v : vmax
        s = _mm512_mask_mov_ps(old, _mm512_cmp_ps_mask(old, vv, _CMP_LT_OQ), vv);
        _mm512_mask_storeu_ps(vmax + i, lanes, s);
    }
    const __m512 denom = _mm512_add_ps(divide_by_bc2(tensor_sqrt(s), h), _mm512_set1_ps(h->epsilon));  // (sqrt(v) / bc2Sqrt).add_(eps)
    pv = _mm512_add_ps(pv, _mm512_div_ps(_mm512_mul_ps(_mm512_set1_ps(h->neg_step), mv), denom));  // addcdiv_
    _mm512_mask_storeu_ps(p + i, lanes, pv);
    _mm512_mask_storeu_ps(m + i, lanes, _mm512_mask_mov_ps(mv, tiny, decayed));
    _mm512_mask_storeu_ps(v + i, lanes, vv);
}

__attribute__((target("avx512f")))
void wide_adam_step(long n, float *p, const float *g, float *m, float *v, float *vmax, const WideAdamHyper *h) {
    const int tiny_moments = takes_tiny_moments(h);
    long i = 0;
    for (; i + 16 <= n; i += 16) element(p, g, m, v, vmax, h, tiny_moments, i, 0xFFFF);
    if (i < n) element(p, g, m, v, vmax, h, tiny_moments, i, (__mmask16)((1u << (n - i)) - 1));
}

/// y[i] = f(x[i]) sixteen lanes at a time, the last vector under a mask.
__attribute__((target("avx512f"), always_inline))
static inline void map_lanes(long n, const float *x, float *y, __m512 (*f)(__m512)) {
    long i = 0;
    for (; i + 16 <= n; i += 16) _mm512_storeu_ps(y + i, f(_mm512_loadu_ps(x + i)));
    if (i < n) {
        const __mmask16 lanes = (__mmask16)((1u << (n - i)) - 1);
        _mm512_mask_storeu_ps(y + i, lanes, f(_mm512_maskz_loadu_ps(lanes, x + i)));
    }
}

__attribute__((target("avx512f"), always_inline))
static inline __m512 rsqrt14(__m512 x) { return _mm512_rsqrt14_ps(x); }

__attribute__((target("avx512f")))
void wide_rsqrt14(long n, const float *x, float *estimate) { map_lanes(n, x, estimate, rsqrt14); }

__attribute__((target("avx512f")))
void wide_tensor_sqrt(long n, const float *x, float *root) { map_lanes(n, x, root, tensor_sqrt); }
