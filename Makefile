# PlanSite: the two commands the README names.
#   make site   installs what the machine lacks, builds plansite and the site
#   make test   installs test tools, runs every test (unit, golden, end to end, browser audit)
SWIFT ?= swift
PYTHON ?= python3
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: site test build-deps test-deps swift-tests audit workflows clean

# BASE_URL, if given, overrides base_url in content/site.yml (CI passes the Pages address).
site: build-deps
	$(SWIFT) build -c release --product plansite
	.build/release/plansite build $(if $(BASE_URL),--base-url "$(BASE_URL)")

build-deps:
	@scripts/install-build-deps.sh

test-deps: build-deps
	@scripts/install-test-deps.sh

swift-tests: build-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

audit: test-deps
	.build/debug/plansite build --output .build/audit-site
	PLANSITE_SITE=.build/audit-site $(PYTHON) -m pytest -q Tests/audit

workflows: test-deps
	@scripts/install-workflow-lint.sh
	$(PYTHON) -m pytest -q Tests/workflows

test: test-deps swift-tests audit workflows

clean:
	rm -rf .build site
