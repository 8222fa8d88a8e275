#ifndef SITEGEN_WIDE_ADAM_H
#define SITEGEN_WIDE_ADAM_H

/// The scalars of one Adam step, each already rounded to float32 (see Adam.swift).
typedef struct {
    float decay;       ///< λ, folded into the gradient (L2, `has_decay` and not `decoupled`)
    float shrink;      ///< 1 − lr·λ, the decoupled decay's factor (AdamW)
    float w;           ///< 1 − β1, lerp's weight
    float w_minus_1;   ///< w − 1
    float b2;          ///< β2
    float one_minus_b2;///< 1 − β2
    float bc2;         ///< sqrt(1 − β2^t), rounded to float32: in (0, 1]
    float bc2_reciprocal; ///< 1 ⊘ bc2, correctly rounded
    float epsilon;     ///< ε
    float neg_step;    ///< −lr / (1 − β1^t), rounded to float32
    int low_weight;    ///< |w| < 0.5: lerp as m + w·(g − m), else g + (w − 1)·(g − m)
    int has_decay, decoupled, amsgrad;
} WideAdamHyper;

/// One Adam step over n float32 elements on AVX-512 registers (16 lanes, the last vector masked), with exactly the
/// per-element operations of Adam.swift's lanes, so the bits are those of its scalar and eight-lane paths:
///
///     g ← fma(λ, p, g)                   if has_decay and not decoupled
///     p ← p ⊗ shrink                     if has_decay and decoupled
///     m ← low_weight ? fma(w, g ⊖ m, m) : fma(w − 1, g ⊖ m, g)
///     v ← fma((1 − β2) ⊗ g, g, v ⊗ β2)
///     s ← amsgrad ? (vmax ← (vmax < v ? v : vmax)) : v
///     p ← p ⊕ ((neg_step ⊗ m) ⊘ (sqrt(s) ⊘ bc2 ⊕ ε))   sqrt: torch's (MKLSquareRoot), on vrsqrt14ps
///
/// Call only where `wide_fma_available()` says AVX-512F is there. `vmax` may be NULL unless `amsgrad`.
void wide_adam_step(long n, float *p, const float *g, float *m, float *v, float *vmax, const WideAdamHyper *h);

/// The CPU's `vrsqrt14ps` of each x (AVX-512F only): Rsqrt14Estimate checks it against its table before Adam's wide
/// step, which relies on it, is used.
void wide_rsqrt14(long n, const float *x, float *estimate);

/// The wide step's square root (MKLSquareRoot.root on sixteen lanes), for the tests.
void wide_tensor_sqrt(long n, const float *x, float *root);

#endif
