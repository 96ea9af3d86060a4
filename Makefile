# PlanSite: the commands the README names.
#   make site    installs what the machine lacks, builds plansite and the site
#   make test    installs test tools, runs every test (unit, golden, end to end, browser audit,
#                the CI files) and `plansite check --strict` on the real content
#   make check   builds plansite (debug; CONFIG=release for the release build) and checks content/
#   make serve   builds plansite (debug) and runs the preview server on content/
SWIFT ?= swift
export PATH := /opt/swift/usr/bin:$(PATH)

# The Swift build folder. BUILD_DIR=.build-mine keeps a second checkout's builds apart.
BUILD_DIR ?= .build
SWIFT_FLAGS = --scratch-path $(BUILD_DIR)
CONFIG ?= debug
# The Python tools for the audit and CI-file tests live in a virtual environment made with
# Debian's /usr/bin/python3 (scripts/install-test-deps.sh), never in a system Python.
TEST_VENV ?= $(BUILD_DIR)/test-venv
export TEST_VENV
PYTHON = $(TEST_VENV)/bin/python
# Extra flags for `make check` and `make serve`, e.g. CHECK_FLAGS=--strict, SERVE_FLAGS="--port 9000 --drafts".
CHECK_FLAGS ?=
SERVE_FLAGS ?=

.PHONY: site test check serve build-deps test-deps swift-tests debug-build audit workflows content-check clean

# BASE_URL, if given, overrides base_url in content/site.yml (CI passes the Pages address).
site: build-deps
	$(SWIFT) build $(SWIFT_FLAGS) -c release --product plansite
	$(BUILD_DIR)/release/plansite build $(if $(BASE_URL),--base-url "$(BASE_URL)")

check: build-deps
	$(SWIFT) build $(SWIFT_FLAGS) -c $(CONFIG) --product plansite
	$(BUILD_DIR)/$(CONFIG)/plansite check $(CHECK_FLAGS)

serve: build-deps
	$(SWIFT) build $(SWIFT_FLAGS) -c $(CONFIG) --product plansite
	$(BUILD_DIR)/$(CONFIG)/plansite serve $(SERVE_FLAGS)

build-deps:
	@scripts/install-build-deps.sh

test-deps: build-deps
	@scripts/install-test-deps.sh

# The debug binary and the tests, in one build: building the product alone and then the tests
# compiles the executable's module twice (tests build it with other flags).
debug-build: build-deps
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests

swift-tests: debug-build
	$(SWIFT) test $(SWIFT_FLAGS) --skip-build

# The real content is gated as content by `check --strict` (warnings fail too) and the browser
# audit. It needs only the binary, so it runs before the (longer) Swift tests.
content-check: debug-build
	$(BUILD_DIR)/debug/plansite check --strict

audit: test-deps debug-build
	$(BUILD_DIR)/debug/plansite build --output $(BUILD_DIR)/audit-site
	$(BUILD_DIR)/debug/plansite check --strict --content Tests/Fixtures/sites/breakdown-site/content
	$(BUILD_DIR)/debug/plansite build --content Tests/Fixtures/sites/breakdown-site/content --output $(BUILD_DIR)/audit-breakdown-site
	PLANSITE_SITE=$(BUILD_DIR)/audit-site PLANSITE_BREAKDOWN_SITE=$(BUILD_DIR)/audit-breakdown-site $(PYTHON) -m pytest -q Tests/audit

workflows: test-deps
	$(PYTHON) -m pytest -q Tests/workflows

test: test-deps content-check swift-tests audit workflows

clean:
	rm -rf $(BUILD_DIR) site .site.plansite-back
