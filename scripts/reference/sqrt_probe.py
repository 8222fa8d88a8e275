"""Probes how torch computes a float32 square root on an AVX-512 machine (docs/parity.md §4.4); prints, writes no
fixture. torch's `sqrt` there is not the IEEE root for about 0.6 % of inputs; this compares it, on 200 000 inputs,
with candidate formulas built on the CPU's own `vrsqrt14ps` (a C program compiled with gcc -mavx512f -mfma, so it
runs only on an AVX-512 machine):

    c0  _mm512_sqrt_ps (IEEE)
    c1  x0 = a·e, (−0.5·x0)·fma(x0, e, −3)      e = rsqrt14(a)   (GCC's -mrecip expansion)
    c2  (0.5·x0)·(3 − x0·e) with fnmadd
    c3  x0 = a·e; fma(fnmadd(x0, x0, a), 0.5·e, x0)            (one Newton step on the root)
    c4  (x0·fnmadd(x0, e, 3))·0.5

On the Intel Xeon of §4.2b (torch 2.15.0+cu132) c3 equals torch in every element.

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/sqrt_probe.py   (needs gcc; a few seconds)
"""
import os
import subprocess
import tempfile

import torch

torch.set_num_threads(1)
C_SOURCE = r"""
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
int main(int argc, char **argv){
  int n=atoi(argv[3]); float *x=malloc(n*4),*y=malloc(n*4);
  FILE*f=fopen(argv[1],"rb"); fread(x,4,n,f); fclose(f);
  f=fopen(argv[2],"rb"); fread(y,4,n,f); fclose(f);
  int bad[8]={0};
  for(int i=0;i<n;i+=16){
    __m512 a=_mm512_loadu_ps(x+i);
    __m512 e=_mm512_rsqrt14_ps(a);
    // c0: exact
    __m512 c0=_mm512_sqrt_ps(a);
    // c1: GCC recip: x0=a*e; r = (-0.5*x0) * (x0*e - 3)
    __m512 x0=_mm512_mul_ps(a,e);
    __m512 c1=_mm512_mul_ps(_mm512_mul_ps(_mm512_set1_ps(-0.5f),x0), _mm512_fmadd_ps(x0,e,_mm512_set1_ps(-3.0f)));
    // c2: (0.5*x0)*(3 - x0*e)
    __m512 c2=_mm512_mul_ps(_mm512_mul_ps(_mm512_set1_ps(0.5f),x0), _mm512_fnmadd_ps(x0,e,_mm512_set1_ps(3.0f)));
    // c3: newton on sqrt: h=0.5*e; r = fma(-x0,x0,a); x1 = fma(r,h,x0)
    __m512 h=_mm512_mul_ps(_mm512_set1_ps(0.5f),e);
    __m512 r=_mm512_fnmadd_ps(x0,x0,a);
    __m512 c3=_mm512_fmadd_ps(r,h,x0);
    // c4: (x0 * (3 - x0*e)) * 0.5
    __m512 c4=_mm512_mul_ps(_mm512_mul_ps(x0, _mm512_fnmadd_ps(x0,e,_mm512_set1_ps(3.0f))), _mm512_set1_ps(0.5f));
    __m512 c[5]={c0,c1,c2,c3,c4};
    for(int k=0;k<5;k++){ float t[16]; _mm512_storeu_ps(t,c[k]); for(int l=0;l<16;l++) if(t[l]!=y[i+l]) bad[k]++; }
  }
  for(int k=0;k<5;k++) printf("c%d mismatches %d\n",k,bad[k]);
}
"""

if __name__ == "__main__":
    n = 200000
    with tempfile.TemporaryDirectory() as tmp:
        x = torch.rand(n, generator=torch.Generator().manual_seed(0)) * 1e-3 + 1e-9
        x.numpy().astype("<f4").tofile(os.path.join(tmp, "x.bin"))
        x.sqrt().numpy().astype("<f4").tofile(os.path.join(tmp, "y.bin"))
        with open(os.path.join(tmp, "probe.c"), "w") as f:
            f.write(C_SOURCE)
        subprocess.run(["gcc", "-O2", "-mavx512f", "-mfma", "-o", os.path.join(tmp, "probe"),
                        os.path.join(tmp, "probe.c"), "-lm"], check=True)
        print(f"torch {torch.__version__}, cpu capability {torch.backends.cpu.get_cpu_capability()}; {n} inputs")
        subprocess.run([os.path.join(tmp, "probe"), os.path.join(tmp, "x.bin"), os.path.join(tmp, "y.bin"), str(n)],
                       check=True)
