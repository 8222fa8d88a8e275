#ifndef SITEGEN_WIDE_SGD_H
#define SITEGEN_WIDE_SGD_H

/// The scalars of one SGD step, each already rounded to float32 (see SGD.swift).
typedef struct {
    float decay;     ///< λ
    float mu;        ///< μ
    float keep;      ///< 1 − τ (dampening)
    float neg_lr;    ///< −lr
    int has_decay;   ///< λ ≠ 0
    int momentum;    ///< μ ≠ 0: `buf` is read and written
    int first;       ///< the first step with momentum: `buf` is only written
    int nesterov;
} WideSGDHyper;

/// One SGD step over n float32 elements on AVX-512 registers (16 lanes, the last vector masked), with exactly the
/// per-element operations of SGD.swift, so the bits are those of its eight-lane path:
///
///     g ← fma(λ, p, g)                                 if has_decay
///     buf ← first ? g : fma(1 − τ, g, buf ⊗ μ)         if momentum
///     g ← nesterov ? fma(μ, buf, g) : buf              if momentum
///     p ← fma(−lr, g, p)
///
/// Call only where `wide_fma_available()` says AVX-512F is there. `buf` may be NULL unless `momentum`.
void wide_sgd_step(long n, float *p, const float *g, float *buf, const WideSGDHyper *h);

#endif
