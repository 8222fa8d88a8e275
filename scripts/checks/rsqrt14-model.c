// docs/parity.md §4.4: is the CPU's `vrsqrt14ps` (the estimate torch's float32 square root refines on the AVX-512
// machine) a table of (exponent parity, top 15 fraction bits), scaled by the exponent? Builds that table from inputs
// in [1, 4), then checks every non-negative finite float against the model: exact powers of 4 give their exact root;
// every other input, subnormals normalised first, gives table[e mod 2][top 15 bits] · 2^-floor(e/2). Also prints
// the special cases and the table's shape (16 fraction bits, exponent −1), i.e. what a fixture of it must hold.
// Needs AVX-512F; about 5 s.
//
//   gcc -O2 -o /tmp/rsqrt14 scripts/checks/rsqrt14-model.c && /tmp/rsqrt14
#include <immintrin.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static float bits(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static uint32_t ubits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
__attribute__((target("avx512f"))) static float rsqrt14(float x) { return _mm_cvtss_f32(_mm_rsqrt14_ss(_mm_setzero_ps(), _mm_set_ss(x))); }
int main(void) {
  static uint32_t table[2][1 << 15];
  // Inputs in [1, 2) (exponent 0, even) and [2, 4) (exponent 1, odd): the first of each group of 256.
  long group_mismatch = 0;
  for (int parity = 0; parity < 2; parity++)
    for (uint32_t top = 0; top < (1u << 15); top++) {
      uint32_t base = ((127u + parity) << 23) | (top << 8);
      table[parity][top] = ubits(rsqrt14(bits(base | 1)));   // not the group's first, in case exact powers differ
      for (uint32_t low = 0; low < 256; low++) {
        uint32_t u = base | low;
        if (ubits(rsqrt14(bits(u))) != table[parity][top] && !(top == 0 && low == 0)) group_mismatch++;
      }
    }
  printf("inputs in [1,4) whose result differs from their group's: %ld\n", group_mismatch);
  printf("rsqrt14(1) = %a, table[0][0] = %a, rsqrt14(4) = %a\n", rsqrt14(1.0f), bits(table[0][0]), rsqrt14(4.0f));
  // Every positive normal float: model = table[e mod 2][top] scaled by 2^-(floor(e/2)).
  long mismatch = 0, checked = 0, powers = 0;
  for (uint32_t u = 0x00800000u; u < 0x7F800000u; u++) {
    int e = (int)(u >> 23) - 127, parity = e & 1, half = (e - parity) / 2;
    uint32_t top = (u >> 8) & 0x7FFF;
    uint32_t t = table[parity][top];
    uint32_t model = t - ((uint32_t)half << 23);         // exponent of the result minus half
    if ((u & 0xFF) == 0 && top == 0) { powers++; continue; } // the group's first element: checked below
    checked++;
    if (ubits(rsqrt14(bits(u))) != model) { if (mismatch < 5) printf("mismatch at %a: %a vs model %a\n", bits(u), rsqrt14(bits(u)), bits(model)); mismatch++; }
  }
  printf("positive normal floats checked: %ld, mismatches with the model: %ld (group-first elements of fraction top 0 left out: %ld)\n", checked, mismatch, powers);
  printf("specials: rsqrt14(0) = %a, (-0) = %a, (subnormal 1e-40) = %a, (inf) = %a, (-1) = %a, (nan) = %a\n",
         rsqrt14(0.0f), rsqrt14(-0.0f), rsqrt14(1e-40f), rsqrt14(__builtin_inff()), rsqrt14(-1.0f), rsqrt14(__builtin_nanf("")));
  long powfail = 0;
  for (int e = -126; e < 128; e++) { float x = bits((uint32_t)(e + 127) << 23); float r = rsqrt14(x); if (e % 2 == 0) { uint32_t exact = (uint32_t)(127 - e / 2) << 23; if (ubits(r) != exact) powfail++; } }
  printf("even powers of two whose rsqrt14 is not the exact 2^(-e/2): %ld\n", powfail);
  // Odd powers of two (2^(2k+1)): the table's first entry of parity 1, scaled?
  long oddfail = 0;
  for (int e = -125; e < 128; e += 2) { float x = bits((uint32_t)(e + 127) << 23); uint32_t model = table[1][0] - ((uint32_t)((e - 1) / 2) << 23); if (ubits(rsqrt14(x)) != model) oddfail++; }
  printf("odd powers of two off the model: %ld\n", oddfail);
  // Subnormal inputs: normalised (significand shifted up to a leading 1, exponent lowered), then the same model.
  long submis = 0;
  for (uint32_t u = 1; u < 0x00800000u; u++) {
    int shift = __builtin_clz(u) - 8;                    // leading 1 to bit 23
    uint32_t frac = (u << shift) & 0x7FFFFF;
    int e = -126 - shift, parity = e & 1, half = (e - parity) / 2;
    uint32_t top = frac >> 8;
    uint32_t model = (frac == 0 && parity == 0) ? (uint32_t)(127 - e / 2) << 23 : table[parity][top] - ((uint32_t)half << 23);
    if (ubits(rsqrt14(bits(u))) != model) { if (submis < 3) printf("subnormal %a: %a vs model %a\n", bits(u), rsqrt14(bits(u)), bits(model)); submis++; }
  }
  printf("subnormal inputs off the model: %ld of %u\n", submis, 0x007FFFFFu);
  long lowbits = 0;
  for (int p = 0; p < 2; p++) for (int t = 0; t < (1 << 15); t++) if (table[p][t] & 0x7F) lowbits++;
  printf("table entries with any of the 7 lowest fraction bits set: %ld; exponent range %d..%d\n", lowbits,
         (int)(table[1][32767] >> 23) - 127, (int)(table[0][1] >> 23) - 127);
  return 0;
}
