// The microbenchmark behind the note on Adam's AVX-512 step (docs/parity.md §5.2a): the divider-bound part of the
// step (a square root and two divisions per element) over 2 432 floats, 200 000 times, at 8 and at 16 lanes.
// On the project's AVX-512 Xeon (2026-12-05): 1.00 ns per element at 8 lanes, 0.73 at 16.
//
//   gcc -O2 -mavx512f -o /tmp/divider scripts/checks/divider-throughput.c && /tmp/divider
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(){
  const long N=2432; float p[N],g[N],m[N],v[N];
  for(int i=0;i<N;i++){p[i]=0.01f*i;g[i]=0.001f*(i%7);m[i]=0.0001f*i;v[i]=1e-6f*(i+1);}
  long iters=200000;
  __m256 bc2=_mm256_set1_ps(0.3f), eps=_mm256_set1_ps(1e-8f), ns=_mm256_set1_ps(-1e-3f);
  double t0=now();
  for(long it=0;it<iters;it++){
    for(long i=0;i<N;i+=8){
      __m256 vv=_mm256_loadu_ps(v+i), mm=_mm256_loadu_ps(m+i), pp=_mm256_loadu_ps(p+i);
      __m256 d=_mm256_add_ps(_mm256_div_ps(_mm256_sqrt_ps(vv),bc2),eps);
      pp=_mm256_add_ps(pp,_mm256_div_ps(_mm256_mul_ps(ns,mm),d));
      _mm256_storeu_ps(p+i,pp);
    }
  }
  double t=now()-t0; printf("ymm: %.3f ns/elt  %.2f cycles/elt @2.3GHz\n", t/iters/N*1e9, t/iters/N*2.3e9);
  __m512 bc2z=_mm512_set1_ps(0.3f), epsz=_mm512_set1_ps(1e-8f), nsz=_mm512_set1_ps(-1e-3f);
  t0=now();
  for(long it=0;it<iters;it++){
    for(long i=0;i+16<=N;i+=16){
      __m512 vv=_mm512_loadu_ps(v+i), mm=_mm512_loadu_ps(m+i), pp=_mm512_loadu_ps(p+i);
      __m512 d=_mm512_add_ps(_mm512_div_ps(_mm512_sqrt_ps(vv),bc2z),epsz);
      pp=_mm512_add_ps(pp,_mm512_div_ps(_mm512_mul_ps(nsz,mm),d));
      _mm512_storeu_ps(p+i,pp);
    }
  }
  t=now()-t0; printf("zmm: %.3f ns/elt  %.2f cycles/elt\n", t/iters/N*1e9, t/iters/N*2.3e9);
  printf("%f\n",p[100]);
}
