// SGD's element-wise step on AVX-512 registers: the same fused operations as SGD.swift, sixteen lanes at a time,
// with the step's options decided once per call instead of per element.
#include "wide_sgd.h"
#include "subnormal.h"
#include <immintrin.h>

/// Whether subnormal momentum buffers of lanes with a +0 gradient may skip their float operations (see `element`):
/// 0 < μ < 1 (so k·μ is exact in binary64 and stays below 2^23), 1 − τ > 0 and lr ≤ 2^40.
static int takes_tiny_buffers(const WideSGDHyper *h) {
    return h->mu > 0 && h->mu < 1 && h->keep > 0 && __builtin_fabsf(h->neg_lr) <= 0x1p40f;
}

__attribute__((target("avx512f"), always_inline))
static inline void element(float *p, const float *g, float *buf, const WideSGDHyper *h, int tiny_buffers, long i,
                           __mmask16 lanes, const int has_decay, const int momentum, const int first, const int nesterov) {
    __m512 pv = _mm512_maskz_loadu_ps(lanes, p + i), gv = _mm512_maskz_loadu_ps(lanes, g + i);
    if (has_decay) gv = _mm512_fmadd_ps(_mm512_set1_ps(h->decay), pv, gv);               // grad.add(p, alpha=λ)
    if (momentum) {
        __m512 old = first ? gv : _mm512_maskz_loadu_ps(lanes, buf + i);
        // Lanes with a subnormal buffer, a gradient of +0 and |p| ≥ 2^-60 (a unit whose ReLU switched off: the buffer
        // decays by μ a step through the subnormal range): fma(1 − τ, +0, buf ⊗ μ) is RN(buf·μ), or +0 where that
        // rounds to ±0, computed by `scaled_subnormal` (`takes_tiny_buffers`: 0 < μ < 1, 1 − τ > 0, lr ≤ 2^40), and the rest
        // of the step runs with buf = 0 there. Same bits: the true update lr·g is below 2^-85 in magnitude, under half
        // an ulp of p, so p stays p, which is what fma(−lr, 0, p) gives.
        __mmask16 tiny = 0;
        __m512 decayed = old;
        if (!first && tiny_buffers) {
            tiny = lanes & subnormal_lanes(old) & _mm512_cmpeq_epi32_mask(_mm512_castps_si512(gv), _mm512_setzero_si512())
                 & not_small_lanes(pv);
            if (tiny) {
                decayed = scaled_subnormal(old, (double)h->mu);
                const __mmask16 zero = _mm512_test_epi32_mask(_mm512_castps_si512(decayed), _mm512_set1_epi32(0x7FFFFFFF)) ^ 0xFFFF;
                decayed = _mm512_mask_mov_ps(decayed, zero, _mm512_setzero_ps());            // ±0 + (+0) = +0
                old = _mm512_mask_mov_ps(old, tiny, _mm512_setzero_ps());
            }
        }
        const __m512 v = first ? gv                                                       // buf.mul_(μ).add_(g, 1−τ)
            : _mm512_fmadd_ps(_mm512_set1_ps(h->keep), gv, _mm512_mul_ps(old, _mm512_set1_ps(h->mu)));
        _mm512_mask_storeu_ps(buf + i, lanes, _mm512_mask_mov_ps(v, tiny, decayed));
        gv = nesterov ? _mm512_fmadd_ps(_mm512_set1_ps(h->mu), v, gv) : v;               // g.add(buf, alpha=μ)
    }
    pv = _mm512_fmadd_ps(_mm512_set1_ps(h->neg_lr), gv, pv);                             // p.add_(g, alpha=−lr)
    _mm512_mask_storeu_ps(p + i, lanes, pv);
}

__attribute__((target("avx512f"), always_inline))
static inline void steps(long n, float *p, const float *g, float *buf, const WideSGDHyper *h,
                         const int has_decay, const int momentum, const int first, const int nesterov) {
    const int tiny_buffers = takes_tiny_buffers(h);
    long i = 0;
    for (; i + 16 <= n; i += 16) element(p, g, buf, h, tiny_buffers, i, 0xFFFF, has_decay, momentum, first, nesterov);
    if (i < n) element(p, g, buf, h, tiny_buffers, i, (__mmask16)((1u << (n - i)) - 1), has_decay, momentum, first, nesterov);
}

__attribute__((target("avx512f")))
void wide_sgd_step(long n, float *p, const float *g, float *buf, const WideSGDHyper *h) {
    const int decay = h->has_decay != 0;
    if (!h->momentum) {
        if (decay) steps(n, p, g, buf, h, 1, 0, 0, 0); else steps(n, p, g, buf, h, 0, 0, 0, 0);
        return;
    }
    // One loop per combination: no option is tested inside a loop.
    switch ((decay << 2) | ((h->first != 0) << 1) | (h->nesterov != 0)) {
    case 0: steps(n, p, g, buf, h, 0, 1, 0, 0); break;
    case 1: steps(n, p, g, buf, h, 0, 1, 0, 1); break;
    case 2: steps(n, p, g, buf, h, 0, 1, 1, 0); break;
    case 3: steps(n, p, g, buf, h, 0, 1, 1, 1); break;
    case 4: steps(n, p, g, buf, h, 1, 1, 0, 0); break;
    case 5: steps(n, p, g, buf, h, 1, 1, 0, 1); break;
    case 6: steps(n, p, g, buf, h, 1, 1, 1, 0); break;
    default: steps(n, p, g, buf, h, 1, 1, 1, 1); break;
    }
}
