# The two commands of the README: `make site` builds the bundled module into public/,
# `make test` runs every test. Both install what they need first.
SWIFT ?= swift

.PHONY: site test setup bench clean

site: setup
	$(SWIFT) run sitegen

test: setup
	$(SWIFT) test

bench:
	scripts/bench.sh

setup:
	@scripts/setup.sh

clean:
	rm -rf .build .sitegen-cache
