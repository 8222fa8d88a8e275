"""Makes Tests/NumericCoreTests/Fixtures/layers_long_sums.json with the REAL PyTorch (one thread): a Linear layer's
products whose sums run over more than 384 products: on 16 rows or more MKL cuts them into blocks of k (docs/parity.md
§4.2b; scripts/reference/small_rows_gemm_probe.py part 5 shows the model), on small batches it does not (§4.2a, part 4).

    products   per case (rows, in, out): x [rows, in], W [out, in], b [out], g [rows, out], and torch's
               y = F.linear(x, W, b), dx = g·W, and the weight gradient of F.linear(x, W, b).backward(g); long sums
               over in (forward: in 385, 401, 600, 1 000), over out (input gradient: out 401, 1 000) and over rows
               (weight gradient: 400, 401, 600 and 1 000 rows, both of the core's layouts); two small batches with
               in 600 and 1 000 (8 and 3 rows); and input gradients over out 401 to 1 000 on 4 to 15 rows

Run:  ~/.cache/sitegen/venv/bin/python scripts/reference/long_sum_fixtures.py   (from the repository root; ~2 s)
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as Fn
from linear_cases import linear_case

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "NumericCoreTests", "Fixtures",
                   "layers_long_sums.json")
VERSIONS = {"torch": torch.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
            "cpu_capability": torch.backends.cpu.get_cpu_capability(), "threads": 1}


def products():
    rng = np.random.default_rng(53)
    shapes = [(16, fin, 8) for fin in (385, 401, 600)] + [(16, 1000, 2)]
    shapes += [(16, 4, fout) for fout in (401, 1000)]
    shapes += [(rows, 4, 4) for rows in (401, 1000)] + [(400, 12, 16), (600, 5, 3)]
    shapes += [(8, 600, 2), (3, 1000, 3)]   # small batches: the quarters order of §4.2a, not cut into blocks
    # input gradients over more than 384 outputs on small batches: cut into blocks as on 16 rows
    shapes += [(4, 7, 401), (8, 33, 1000), (12, 16, 600), (15, 5, 800)]
    return [linear_case(rng, rows, fin, fout) for rows, fin, fout in shapes]


doc = {"what": "torch's Linear products whose sums run over more than 384 products (forward over in, input gradient "
               "over out, weight gradient over rows).",
       "how": __doc__.split("\n\n")[1] + " Arrays as {dtype, shape, b64}: base64 of little-endian row-major binary32.",
       "versions": VERSIONS, "products": products()}
with open(OUT, "w") as f:
    json.dump(doc, f, separators=(",", ":"))
    f.write("\n")
print("wrote", OUT, os.path.getsize(OUT), "bytes")
