// The exhaustive check behind docs/parity.md §5.2a: for each divisor b, does the division Adam's AVX-512 step uses,
// q = a ⊗ y with y = RN(1/b), then fma(fnmadd(q, b, a), y, q), equal the IEEE quotient a ⊘ b for every one of the
// 2^23 significands of a in [1, 2)? (Scaling a by a power of two scales both exactly, so one binade is all of them.)
// Divisors: bc2 = f32(sqrt(1 − β2^t)) for t = 1 … T, then 2 000 random divisors in [1, 2). Needs AVX-512F.
//
//   gcc -O2 -mavx512f -mfma -o /tmp/markstein scripts/checks/markstein-division.c -lm && /tmp/markstein 0.999 2000
#include <immintrin.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
__attribute__((target("avx512f")))
long check(float b) {
  float yr = 1.0f / b;
  __m512 y = _mm512_set1_ps(yr), bv = _mm512_set1_ps(b);
  long bad = 0;
  __m512i base = _mm512_set_epi32(15,14,13,12,11,10,9,8,7,6,5,4,3,2,1,0);
  for (unsigned s = 0; s < (1u << 23); s += 16) {
    __m512i bits = _mm512_add_epi32(_mm512_set1_epi32(0x3f800000 + s), base);
    __m512 a = _mm512_castsi512_ps(bits);
    __m512 q = _mm512_mul_ps(a, y);
    __m512 r = _mm512_fnmadd_ps(q, bv, a);
    __m512 q1 = _mm512_fmadd_ps(r, y, q);
    __m512 e = _mm512_div_ps(a, bv);
    __mmask16 ne = _mm512_cmpneq_epi32_mask(_mm512_castps_si512(q1), _mm512_castps_si512(e));
    bad += __builtin_popcount(ne);
  }
  return bad;
}
int main(int argc, char **argv) {
  double beta2 = atof(argv[1]); long T = atol(argv[2]);
  long total = 0, badb = 0;
  for (long t = 1; t <= T; t++) {
    float b = (float)pow(1 - pow(beta2, (double)t), 0.5);
    long bad = check(b);
    if (bad) { badb++; if (badb < 5) printf("t=%ld b=%a bad=%ld\n", t, b, bad); }
    total += bad;
  }
  printf("beta2=%g T=%ld: %ld divisors with mismatches, %ld mismatches\n", beta2, T, badb, total);
  // random divisors
  srand(1); long rb = 0;
  for (int i = 0; i < 2000; i++) { unsigned u = 0x3f800000 | (rand() & 0x7fffff); float b; memcpy(&b,&u,4); if (check(b)) rb++; }
  printf("random divisors in [1,2): %ld of 2000 with mismatches\n", rb);
}
