"""Makes Tests/NumericCoreTests/Fixtures/functions_sqrt.json with the REAL PyTorch (one thread): torch's `sqrt` of
float32 and float64 CPU tensors, which on the AVX-512 machine is MKL's (docs/parity.md §4.4), and first checks the
model the core follows (Functions/MKLSquareRoot.swift) against torch on every non-negative float32 and on 20 million
float64 spread over every exponent. The model is compiled here in C on the CPU's own `vrsqrt14ps`/`vrsqrt14pd`
(whose table `rsqrt14_table.c` writes for the core), so this runs only on an AVX-512 machine; it stops without
writing if torch and the model differ anywhere.

    float32   x [n], torch.sqrt(x) [n]: 14 000 inputs over every exponent, subnormals, the neighbourhood of the
              scaling threshold 2^-64, ±0 and +inf, and every input of that set whose root is not the IEEE one
    float64   the same for float64 (threshold 2^-960)
    negative  a few negative inputs, whose root is NaN (compared as NaN, not bitwise)

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/sqrt_fixtures.py   (from the repository root; needs gcc; ~2 min)
"""
import base64
import ctypes
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

torch.set_num_threads(1)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "Tests", "NumericCoreTests", "Fixtures", "functions_sqrt.json")
VERSIONS = {"torch": torch.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
            "cpu_capability": torch.backends.cpu.get_cpu_capability(), "threads": 1}

MODEL = r"""
#include <immintrin.h>
#include <math.h>
__attribute__((target("avx512f,fma"))) static float newton(float a) {
  __m128 x = _mm_set_ss(a), e = _mm_rsqrt14_ss(_mm_setzero_ps(), x), x0 = _mm_mul_ss(x, e);
  return _mm_cvtss_f32(_mm_fmadd_ss(_mm_fnmadd_ss(x0, x0, x), _mm_mul_ss(_mm_set_ss(0.5f), e), x0));
}
__attribute__((target("avx512f,fma"))) static double goldschmidt(double a) {
  double e = _mm_cvtsd_f64(_mm_rsqrt14_sd(_mm_setzero_pd(), _mm_set_sd(a)));
  double g = a * e, h = 0.5 * e, r = fma(-g, h, 0.5);
  g = fma(g, r, g); h = fma(h, r, h);
  return fma(fma(-g, g, a), h, g);
}
void root32(const float *a, float *out, long n) {
  for (long i = 0; i < n; i++) { float x = a[i];
    out[i] = !(x > 0) || x == INFINITY ? (x < 0 ? NAN : x) : x < 0x1p-64f ? newton(x * 0x1p64f) * 0x1p-32f : newton(x); }
}
void root64(const double *a, double *out, long n) {
  for (long i = 0; i < n; i++) { double x = a[i];
    out[i] = !(x > 0) || x == INFINITY ? (x < 0 ? NAN : x) : x < 0x1p-960 ? goldschmidt(x * 0x1p128) * 0x1p-64 : goldschmidt(x); }
}
"""


def compile_model(tmp):
    source, library = os.path.join(tmp, "model.c"), os.path.join(tmp, "model.so")
    with open(source, "w") as f:
        f.write(MODEL)
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-ffp-contract=off", "-o", library, source, "-lm"], check=True)
    lib = ctypes.CDLL(library)
    for name in ("root32", "root64"):
        getattr(lib, name).argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long]
    return lib


def model(lib, x):
    x = np.ascontiguousarray(x)
    out = np.empty_like(x)
    (lib.root32 if x.dtype == np.float32 else lib.root64)(x.ctypes.data, out.ctypes.data, x.size)
    return out


def torch_sqrt(x):
    return torch.from_numpy(np.ascontiguousarray(x)).clone().sqrt().numpy()


def same_bits(a, b):
    return a.view(np.uint32 if a.dtype == np.float32 else np.uint64) == b.view(np.uint32 if a.dtype == np.float32 else np.uint64)


def check_every_float32(lib):
    step, mismatches = 1 << 25, 0
    for low in range(0, 0x7F800001, step):
        x = np.arange(low, min(low + step, 0x7F800001), dtype=np.uint32).view(np.float32)
        mismatches += int(np.sum(~same_bits(torch_sqrt(x), model(lib, x))))
    return mismatches


def float64_spread(rng, n):
    exponents = rng.integers(-1074, 1024, n)
    x = np.ldexp(1 + rng.random(n), exponents)
    return x[np.isfinite(x)]


def packed(a):
    a = np.ascontiguousarray(a)
    dtype = {np.dtype(np.float32): "f32", np.dtype(np.float64): "f64"}[a.dtype]
    return {"dtype": dtype, "shape": list(a.shape), "b64": base64.b64encode(a.astype("<" + a.dtype.str[1:]).tobytes()).decode()}


def fixture_inputs(rng, dtype, threshold, n):
    bits = np.uint32 if dtype == np.float32 else np.uint64
    width = 32 if dtype == np.float32 else 64
    positive_finite = (0x7F800000 if width == 32 else 0x7FF0000000000000)
    spread = rng.integers(1, positive_finite, n, dtype=bits).view(dtype)           # every exponent, uniformly
    typical = (rng.random(n // 2) * 10.0 ** rng.integers(-14, 3, n // 2)).astype(dtype)  # an optimiser's v
    t = np.array(threshold, dtype=dtype).view(bits)
    near = (t + rng.integers(-4096, 4096, 1000).astype(np.int64)).astype(bits).view(dtype)
    tiny = rng.integers(1, 1 << 23 if width == 32 else 1 << 52, 1000, dtype=bits).view(dtype)  # subnormals
    specials = np.array([0.0, -0.0, np.inf, 1.0, 2.0, 4.0, 0.25, np.finfo(dtype).max, np.finfo(dtype).tiny], dtype=dtype)
    return np.concatenate([specials, spread, typical, near, tiny]).astype(dtype)


def main():
    rng = np.random.default_rng(20261205)
    with tempfile.TemporaryDirectory() as tmp:
        lib = compile_model(tmp)
        print(f"torch {torch.__version__}, cpu capability {torch.backends.cpu.get_cpu_capability()}")
        mismatches = check_every_float32(lib)
        print(f"float32: the model differs from torch.sqrt on {mismatches} of the 2 139 095 041 non-negative floats and +inf")
        x64 = float64_spread(rng, 20_000_000)
        mismatches64 = int(np.sum(~same_bits(torch_sqrt(x64), model(lib, x64))))
        print(f"float64: the model differs from torch.sqrt on {mismatches64} of {x64.size} inputs over every exponent")
        if mismatches or mismatches64:
            sys.exit("the model is not torch's square root on this machine: nothing written")
        sections = {}
        for name, dtype, threshold in (("float32", np.float32, 2.0 ** -64), ("float64", np.float64, 2.0 ** -960)):
            x = fixture_inputs(rng, dtype, threshold, 8_000)
            y = torch_sqrt(x)
            not_ieee = int(np.sum(~same_bits(y, np.sqrt(x))))
            print(f"{name}: {x.size} inputs, {not_ieee} of them with a root that is not the IEEE one")
            sections[name] = {"x": packed(x), "sqrt": packed(y), "not_ieee": not_ieee}
        negative = np.array([-1.0, -1e-30, -3.4e38, -1e-45], dtype=np.float32)
        assert np.all(np.isnan(torch_sqrt(negative)))
    fixture = {
        "what": "torch.sqrt of float32 and float64 CPU tensors on an AVX-512 machine (MKL's vsSqrt/vdSqrt), inputs and "
                "roots bit for bit.",
        "how": __doc__.split("\n\n")[1] + "\n\nBefore writing, the model of Functions/MKLSquareRoot.swift, compiled "
               "on the CPU's vrsqrt14 instructions, equalled torch on every non-negative float32 and on 20 000 000 "
               "float64.",
        "versions": VERSIONS,
        **sections,
        "negative": [float(v) for v in negative],
    }
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
    print("wrote", os.path.relpath(OUT, ROOT))


if __name__ == "__main__":
    main()
