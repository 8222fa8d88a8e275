# The two commands of the README: `make site` builds the bundled course (both modules) into public/,
# `make test` runs every test. Both install what they need first.
SWIFT ?= swift

.PHONY: site test setup bench verify clean fuzz

site: setup
	$(SWIFT) run sitegen

test: setup
	$(SWIFT) test
	scripts/browser-check.sh
	scripts/disk-check.sh
	scripts/publish-check.sh
	scripts/nginx-check.sh bundled
	scripts/html-check.sh
	scripts/notebook-check.sh
	scripts/fault-check.sh
	scripts/load-check.sh

bench:
	scripts/bench.sh

# `make fuzz`: libFuzzer on the spec parser, the lesson pipeline and TeX→MathML (docs/fuzzing.md);
# FUZZ=spec|lesson|tex|all, FUZZ_SECONDS per fuzzer (they run in parallel).
FUZZ ?= all
FUZZ_SECONDS ?= 600
fuzz: setup
	scripts/fuzz.sh $(FUZZ) $(FUZZ_SECONDS)

setup:
	@scripts/setup.sh

clean:
	rm -rf .build .sitegen-cache

# `make verify`: a venv with torch, numpy and scikit-learn outside the repository (several GB, made once),
# then every experiment's PyTorch script, and every lesson notebook, run and compared with sitegen's tables.
VENV ?= $(HOME)/.cache/sitegen/venv
verify: setup
	@[ -x "$(VENV)/bin/python" ] || python3 -m venv "$(VENV)"
	@"$(VENV)/bin/python" -c "import torch, numpy, sklearn" 2>/dev/null || "$(VENV)/bin/pip" install -q torch numpy scikit-learn
	$(SWIFT) run sitegen verify --python "$(VENV)/bin/python"
	$(SWIFT) run sitegen verify --notebooks --python "$(VENV)/bin/python"
