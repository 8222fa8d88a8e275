#!/usr/bin/env bash
# The lesson notebooks are valid: builds the bundled course and validates every `.ipynb` it writes with
# PyPI's nbformat (the reference implementation of the Jupyter notebook schema, nbformat 4), installed
# into a venv outside the repository. Also checks that no code cell carries outputs.
#
# usage: scripts/notebook-check.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${SITEGEN_NBFORMAT_VENV:-$HOME/.cache/sitegen/nbformat-venv}"

source "$root/scripts/lib/common.sh"
ensure_pypi_venv "$venv" nbformat "$venv/bin/python" -c 'import nbformat'
sitegen="$(sitegen_binary)"

work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-notebook.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$sitegen" --root "$root" --output "$work/out" --drafts >/dev/null

"$venv/bin/python" - "$work/out" <<'PY'
import pathlib, sys
import nbformat

notebooks = sorted(pathlib.Path(sys.argv[1]).rglob("*.ipynb"))
if not notebooks:
    sys.exit("notebook-check: the build wrote no notebook")
for path in notebooks:
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)   # raises ValidationError with the failing path
    assert nb.nbformat == 4, path
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code), f"{path}: a code cell has results"
    print(f"notebook-check: {path.relative_to(sys.argv[1])}: valid nbformat {nb.nbformat}.{nb.nbformat_minor}, "
          f"{len(nb.cells)} cells ({len(code)} code)", file=sys.stderr)
PY
