// SGD's element-wise step on AVX-512 registers: the same fused operations as SGD.swift, sixteen lanes at a time,
// with the step's options decided once per call instead of per element.
#include "wide_sgd.h"
#include <immintrin.h>

__attribute__((target("avx512f"), always_inline))
static inline void element(float *p, const float *g, float *buf, const WideSGDHyper *h, long i, __mmask16 lanes,
                           const int has_decay, const int momentum, const int first, const int nesterov) {
    __m512 pv = _mm512_maskz_loadu_ps(lanes, p + i), gv = _mm512_maskz_loadu_ps(lanes, g + i);
    if (has_decay) gv = _mm512_fmadd_ps(_mm512_set1_ps(h->decay), pv, gv);               // grad.add(p, alpha=λ)
    if (momentum) {
        const __m512 v = first ? gv                                                       // buf.mul_(μ).add_(g, 1−τ)
            : _mm512_fmadd_ps(_mm512_set1_ps(h->keep), gv, _mm512_mul_ps(_mm512_maskz_loadu_ps(lanes, buf + i),
                                                                         _mm512_set1_ps(h->mu)));
        _mm512_mask_storeu_ps(buf + i, lanes, v);
        gv = nesterov ? _mm512_fmadd_ps(_mm512_set1_ps(h->mu), v, gv) : v;               // g.add(buf, alpha=μ)
    }
    pv = _mm512_fmadd_ps(_mm512_set1_ps(h->neg_lr), gv, pv);                             // p.add_(g, alpha=−lr)
    _mm512_mask_storeu_ps(p + i, lanes, pv);
}

__attribute__((target("avx512f"), always_inline))
static inline void steps(long n, float *p, const float *g, float *buf, const WideSGDHyper *h,
                         const int has_decay, const int momentum, const int first, const int nesterov) {
    long i = 0;
    for (; i + 16 <= n; i += 16) element(p, g, buf, h, i, 0xFFFF, has_decay, momentum, first, nesterov);
    if (i < n) element(p, g, buf, h, i, (__mmask16)((1u << (n - i)) - 1), has_decay, momentum, first, nesterov);
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
