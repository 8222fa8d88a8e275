// Subnormal float32 lanes without float operations on them (each would take a microcode assist on this CPU: a
// dependent FMA 5.8 ns instead of 1.0 ns, scripts/checks/subnormal-assist.c): shared by the optimiser steps whose
// buffers decay through the subnormal range (wide_adam.c, wide_sgd.c).
#ifndef SITEGEN_SUBNORMAL_H
#define SITEGEN_SUBNORMAL_H
#include <immintrin.h>

/// Lanes whose float is subnormal (nonzero, magnitude below 2^-126), read from the bits.
__attribute__((target("avx512f"), always_inline))
static inline __mmask16 subnormal_lanes(__m512 x) {
    const __m512i magnitude = _mm512_and_si512(_mm512_castps_si512(x), _mm512_set1_epi32(0x7FFFFFFF));
    return _mm512_cmplt_epu32_mask(magnitude, _mm512_set1_epi32(0x00800000)) & _mm512_test_epi32_mask(magnitude, magnitude);
}

/// RN(x·factor) for subnormal lanes x = k·2^-149 (|k| < 2^23) and 0 < factor < 1 whose product with k is exact in
/// binary64 (factor with at most 30 significant bits): rint(k·factor)·2^-149, computed on integers and doubles, with
/// x's sign (also when it rounds to 0, as IEEE rounding of the nonzero product does).
__attribute__((target("avx512f"), always_inline))
static inline __m512 scaled_subnormal(__m512 x, double factor) {
    const __m512i bits = _mm512_castps_si512(x);
    const __m512i sign = _mm512_and_si512(bits, _mm512_set1_epi32((int)0x80000000u));
    const __m512i magnitude = _mm512_and_si512(bits, _mm512_set1_epi32(0x7FFFFF));
    const __m512d f = _mm512_set1_pd(factor);
    const __m256i low = _mm512_cvtpd_epi32(_mm512_mul_pd(_mm512_cvtepi32_pd(_mm512_castsi512_si256(magnitude)), f));
    const __m256i high = _mm512_cvtpd_epi32(_mm512_mul_pd(_mm512_cvtepi32_pd(_mm512_extracti64x4_epi64(magnitude, 1)), f));
    const __m512i rounded = _mm512_inserti64x4(_mm512_castsi256_si512(low), high, 1);
    return _mm512_castsi512_ps(_mm512_or_si512(sign, rounded));
}

/// Lanes whose |p| is at least 2^-60 (or p is ±∞ or NaN), read from the bits: there an update below 2^-85 in
/// magnitude is under half an ulp of p, so p ⊕ update = p.
__attribute__((target("avx512f"), always_inline))
static inline __mmask16 not_small_lanes(__m512 p) {
    const __m512i magnitude = _mm512_and_si512(_mm512_castps_si512(p), _mm512_set1_epi32(0x7FFFFFFF));
    return _mm512_cmpge_epu32_mask(magnitude, _mm512_set1_epi32(0x21800000));
}
#endif
