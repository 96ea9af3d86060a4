# PlanSite: the commands the README names.
#   make site    installs what the machine lacks, builds plansite and the site
#   make test    installs test tools, runs every test (unit, golden, end to end, browser audit,
#                the CI files) and `plansite check --strict` on the real content
#   make check   builds plansite (debug; CONFIG=release for the release build) and checks content/
#   make serve   builds plansite (debug) and runs the preview server on content/
#   make changes [BASE=<git ref>]   says what changed in the figures and words since the branch's base
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
# The browser audit's results, which the accessibility statement shows: written by the audit
# (`make test`), read by `make site` and `make check` when the file exists. Never committed: a
# fresh clone's `make site` builds a statement that says no test results are attached, and CI
# builds the published site after `make test` in the same job (GitLab) or hands the file from
# the test job to the site job as an artifact (GitHub). AUDIT_RESULTS=FILE names another file.
AUDIT_RESULTS ?= $(BUILD_DIR)/accessibility-results.json
AUDIT_RESULTS_FLAG = $(if $(wildcard $(AUDIT_RESULTS)),--audit-results "$(AUDIT_RESULTS)")
# The small site the golden tests build: the audit holds it to the same bar as content/.
MINI_SITE = Tests/PlanSiteKitTests/Fixtures/mini-site/content
BREAKDOWN_SITE = Tests/Fixtures/sites/breakdown-site/content
# Extra flags for `make check` and `make serve`, e.g. CHECK_FLAGS=--strict, SERVE_FLAGS="--port 9000 --drafts".
CHECK_FLAGS ?=
SERVE_FLAGS ?=

.PHONY: site test check serve changes build-deps test-deps swift-tests debug-build audit workflows content-check clean

# BASE_URL, if given, overrides base_url in content/site.yml (CI passes the Pages address).
site: build-deps
	$(SWIFT) build $(SWIFT_FLAGS) -c release --product plansite
	$(BUILD_DIR)/release/plansite build $(if $(BASE_URL),--base-url "$(BASE_URL)") $(AUDIT_RESULTS_FLAG)

check: build-deps
	$(SWIFT) build $(SWIFT_FLAGS) -c $(CONFIG) --product plansite
	$(BUILD_DIR)/$(CONFIG)/plansite check $(CHECK_FLAGS) $(AUDIT_RESULTS_FLAG)

serve: build-deps
	$(SWIFT) build $(SWIFT_FLAGS) -c $(CONFIG) --product plansite
	$(BUILD_DIR)/$(CONFIG)/plansite serve $(SERVE_FLAGS)

# What changed in the figures and words since the branch's base (scripts/changes-base.sh: in CI the
# pull or merge request's base commit, locally the merge base with the upstream branch, or the
# commit before this one), or since BASE=<git ref>. CHANGES_FLAGS=--markdown for a pull-request
# summary. The base's content/ is exported into a temporary folder, never checked out over this
# one; the compiler's output goes to stderr so stdout is only the report.
CHANGES_FLAGS ?=
changes: build-deps
	@$(SWIFT) build $(SWIFT_FLAGS) -c $(CONFIG) --product plansite >&2
	@base=$$(scripts/changes-base.sh $(BASE)) && old=$$(mktemp -d) && trap 'rm -rf "$$old"' EXIT && \
	  git archive --format=tar "$$base" content | tar -x -C "$$old" && \
	  $(BUILD_DIR)/$(CONFIG)/plansite changes "$$old/content" $(CHANGES_FLAGS)

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

# The audit over the real site and the mini site writes $(AUDIT_RESULTS) (removed first, so a
# failed run leaves no older results behind); then the statement built from them is checked
# against them, figure by figure.
audit: test-deps debug-build
	rm -f "$(AUDIT_RESULTS)"
	$(BUILD_DIR)/debug/plansite build --output $(BUILD_DIR)/audit-site
	$(BUILD_DIR)/debug/plansite build --quiet --content $(MINI_SITE) --output $(BUILD_DIR)/audit-mini-site
	$(BUILD_DIR)/debug/plansite check --strict --content $(BREAKDOWN_SITE)
	$(BUILD_DIR)/debug/plansite build --quiet --content $(BREAKDOWN_SITE) --output $(BUILD_DIR)/audit-breakdown-site
	PLANSITE_SITE=$(BUILD_DIR)/audit-site PLANSITE_MINI_SITE=$(BUILD_DIR)/audit-mini-site \
	  PLANSITE_BREAKDOWN_SITE=$(BUILD_DIR)/audit-breakdown-site \
	  PLANSITE_AUDIT_RESULTS="$(AUDIT_RESULTS)" $(PYTHON) -m pytest -q Tests/audit
	$(BUILD_DIR)/debug/plansite build --quiet --output $(BUILD_DIR)/statement-site --audit-results "$(AUDIT_RESULTS)"
	PLANSITE_STATEMENT_SITE=$(BUILD_DIR)/statement-site PLANSITE_AUDIT_RESULTS="$(AUDIT_RESULTS)" \
	  $(PYTHON) -m pytest -q Tests/audit/test_statement.py

workflows: test-deps
	$(PYTHON) -m pytest -q Tests/workflows

test: test-deps content-check swift-tests audit workflows

clean:
	rm -rf $(BUILD_DIR) site .site.plansite-back
