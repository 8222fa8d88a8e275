// The microbenchmark behind README's note on subnormal numbers: a fused multiply-add whose operand or result is
// subnormal takes a microcode assist on this CPU. Eight FMAs per iteration feed one XOR chain (1 ns each when
// every value is normal); on the project's AVX-512 Xeon (2026-12-05) a subnormal addend, result or multiplicand
// makes each about 5.8 ns, a subnormal product added to a normal sum does not.
//
//   gcc -O2 -o /tmp/subnormal scripts/checks/subnormal-assist.c && /tmp/subnormal
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
// 8 independent fma results per iteration, each = fma(a, b, c) with fixed operands; results xor-accumulated so nothing is dead.
__attribute__((target("avx512f"))) double run(float aval, float bval, float cval) {
  __m512 a = _mm512_set1_ps(aval), b = _mm512_set1_ps(bval), c = _mm512_set1_ps(cval);
  __m512i x = _mm512_setzero_si512();
  long iters = 1000000; double t0=now();
  for (long it=0; it<iters; it++) {
    __asm__ volatile("" : "+v"(a), "+v"(b), "+v"(c));
    for (int i=0;i<8;i++) x = _mm512_xor_si512(x, _mm512_castps_si512(_mm512_fmadd_ps(a,b,c)));
  }
  double t=now()-t0; int s=_mm512_reduce_add_epi32(x); if (s==12345) printf("x");
  return t/(iters*8)*1e9;
}
int main(){
  printf("all normal:                         %.2f ns\n", run(0.5f, 0.25f, 1.0f));
  printf("addend subnormal, product normal:   %.2f ns\n", run(0.5f, 0.25f, 1e-40f));
  printf("addend subnormal, product tiny, result subnormal: %.2f ns\n", run(1e-20f, 1e-20f, 1e-40f));
  printf("product subnormal, addend 0, result subnormal: %.2f ns\n", run(1e-20f, 1e-20f, 0.0f));
  printf("product subnormal, addend normal small: %.2f ns\n", run(1e-20f, 1e-20f, 1e-30f));
  printf("a subnormal:                        %.2f ns\n", run(1e-40f, 0.5f, 1.0f));
}
