# PlanSite: the commands the README names.
#   make site    installs what the machine lacks, builds plansite and the site
#   make test    installs test tools, runs every test (unit, golden, end to end, the statistics
#                against scipy and statsmodels, browser audit, the CI files, the Atom feed against
#                RFC 4287 with jing, the CSVW metadata with check-jsonschema) and `plansite check
#                --strict` on the real content
#   make check   builds plansite (the same release build as make site) and checks content/
#   make serve   builds plansite (the same release build) and runs the preview server on content/
#   make changes [BASE=<git ref>]   says what changed in the figures and words since the branch's base
#   make lint    holds the Swift sources to .swift-format (make format rewrites them)
#   make fuzz SECONDS=N   fuzzes the readers for N seconds (docs/robustness.md)
SWIFT ?= swift
export PATH := /opt/swift/usr/bin:$(PATH)

# The Swift build folder. BUILD_DIR=.build-mine keeps a second checkout's builds apart.
BUILD_DIR ?= .build
SWIFT_FLAGS = --scratch-path $(BUILD_DIR)
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
# The content folder and the output folder: CONTENT=priorities/net-zero SITE=out/net-zero.
CONTENT ?= content
SITE ?= site
# PLANSITE=path/to/plansite uses that binary (a release download, or the one in the container
# image) and compiles nothing. Without it, `make site`, `make check` and `make serve` share one
# release build.
PLANSITE ?=
BIN = $(or $(PLANSITE),$(BUILD_DIR)/release/plansite)

.PHONY: site test lint format check serve changes fuzz binary release-binary build-deps test-deps swift-tests debug-build audit \
	content-test workflows feeds statistics content-check clean

# `full_text_search: true` in site.yml: the build runs Pagefind, which `make site` installs
# (scripts/install-pagefind.sh) and hands plansite in PLANSITE_PAGEFIND.
PAGEFIND_LINK = $(BUILD_DIR)/pagefind
FULL_TEXT_SEARCH = $(shell grep -Eqs '^full_text_search:[[:space:]]*(true|yes)[[:space:]]*(\#.*)?$$' "$(CONTENT)/site.yml" && echo on)
PAGEFIND_ENV = $(if $(FULL_TEXT_SEARCH),PLANSITE_PAGEFIND="$(PAGEFIND_LINK)")

# BASE_URL, if given, overrides base_url in content/site.yml (CI passes the Pages address).
site: binary
	$(if $(FULL_TEXT_SEARCH),PAGEFIND_LINK="$(PAGEFIND_LINK)" scripts/install-pagefind.sh)
	$(PAGEFIND_ENV) $(BIN) build --content "$(CONTENT)" --output "$(SITE)" $(if $(BASE_URL),--base-url "$(BASE_URL)") $(AUDIT_RESULTS_FLAG)

check: binary
	$(BIN) check --content "$(CONTENT)" $(CHECK_FLAGS) $(AUDIT_RESULTS_FLAG)

serve: binary
	$(BIN) serve --content "$(CONTENT)" $(SERVE_FLAGS)

# The release binary, compiled once for site, check and serve; or, with PLANSITE=, only the
# libraries that binary needs at run time.
binary:
ifeq ($(PLANSITE),)
	@scripts/install-build-deps.sh
	$(SWIFT) build $(SWIFT_FLAGS) -c release --product plansite
else
	@scripts/install-build-deps.sh --runtime
	@test -x "$(PLANSITE)" || { echo "PLANSITE=$(PLANSITE) is not an executable file" >&2; exit 2; }
endif

# What changed in the figures and words since the branch's base (scripts/changes-base.sh: in CI the
# pull or merge request's base commit, locally the merge base with the upstream branch, or the
# commit before this one), or since BASE=<git ref>. CHANGES_FLAGS=--markdown for a pull-request
# summary. The base's content/ is exported into a temporary folder, never checked out over this
# one; the compiler's output goes to stderr so stdout is only the report.
CHANGES_FLAGS ?=
changes: build-deps
	@$(MAKE) --no-print-directory binary >&2
	@base=$$(scripts/changes-base.sh $(BASE)) && old=$$(mktemp -d) && trap 'rm -rf "$$old"' EXIT && \
	  git archive --format=tar "$$base" "$(CONTENT)" | tar -x -C "$$old" && \
	  $(BIN) changes "$$old/$(CONTENT)" --content "$(CONTENT)" $(CHANGES_FLAGS)

# The binary a release attaches and the container image carries: the Swift runtime linked in, so it
# runs on a Debian 12 without Swift (README, "Without Swift"). Its own build folder, since static
# and dynamic objects differ.
release-binary:
	@scripts/install-build-deps.sh --static
	$(SWIFT) build --scratch-path $(BUILD_DIR)/static -c release --static-swift-stdlib --product plansite
	mkdir -p $(BUILD_DIR)/release-static
	cp $(BUILD_DIR)/static/release/plansite $(BUILD_DIR)/release-static/plansite
	strip $(BUILD_DIR)/release-static/plansite  # symbols only: 90 MB becomes 64 MB

# Coverage-guided fuzzing of the readers (docs/robustness.md); its own build folder, so the normal
# build is untouched.
SECONDS ?= 60
fuzz: build-deps
	FUZZ_DIR=$(BUILD_DIR)-fuzz scripts/fuzz.sh $(SECONDS)

build-deps:
	@scripts/install-build-deps.sh

test-deps:
	@scripts/install-test-deps.sh

# The debug binary and the tests, in one build: building the product alone and then the tests
# compiles the executable's module twice (tests build it with other flags).
debug-build: build-deps
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests

# The Swift tests also write the statistics methods' answers on seeded inputs to this file,
# which `make statistics` checks against scipy, statsmodels and numpy.
STATISTICS_REFERENCE = $(BUILD_DIR)/statistics-reference.json
swift-tests: debug-build
	PLANSITE_STATISTICS_REFERENCE=$(STATISTICS_REFERENCE) $(SWIFT) test $(SWIFT_FLAGS) --skip-build

# Wilson, exact Poisson, Byar and the trend test against independent implementations
# (Tests/statistics); runs after the Swift tests, which write the answers it checks.
statistics: test-deps swift-tests
	PLANSITE_STATISTICS_REFERENCE=$(STATISTICS_REFERENCE) $(PYTHON) -m pytest -q Tests/statistics

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
	rm -rf $(BUILD_DIR)/search-content && cp -R $(MINI_SITE) $(BUILD_DIR)/search-content
	echo "full_text_search: true" >> $(BUILD_DIR)/search-content/site.yml
	PLANSITE_PAGEFIND="$$($(PYTHON) -c 'import pagefind_bin; print(pagefind_bin.get_executable())')" \
	  $(BUILD_DIR)/debug/plansite build --quiet --content $(BUILD_DIR)/search-content --output $(BUILD_DIR)/audit-search-site
	rm -rf $(BUILD_DIR)/starter && $(BUILD_DIR)/debug/plansite new $(BUILD_DIR)/starter
	cd $(BUILD_DIR)/starter && $(abspath $(BUILD_DIR))/debug/plansite check --strict && \
	  $(abspath $(BUILD_DIR))/debug/plansite build --quiet --output ../audit-starter-site
	PLANSITE_SITE=$(BUILD_DIR)/audit-site PLANSITE_MINI_SITE=$(BUILD_DIR)/audit-mini-site \
	  PLANSITE_BREAKDOWN_SITE=$(BUILD_DIR)/audit-breakdown-site PLANSITE_STARTER_SITE=$(BUILD_DIR)/audit-starter-site \
	  PLANSITE_SEARCH_SITE=$(BUILD_DIR)/audit-search-site PLANSITE_AUDIT_RESULTS="$(AUDIT_RESULTS)" $(PYTHON) -m pytest -q Tests/audit
	$(BUILD_DIR)/debug/plansite build --quiet --output $(BUILD_DIR)/statement-site --audit-results "$(AUDIT_RESULTS)"
	PLANSITE_STATEMENT_SITE=$(BUILD_DIR)/statement-site PLANSITE_AUDIT_RESULTS="$(AUDIT_RESULTS)" \
	  $(PYTHON) -m pytest -q Tests/audit/test_statement.py

# What CI runs when a change touches only the content: the strict check, the build and the browser
# audit of the built site, with the release binary (or PLANSITE=); no Swift test is compiled.
content-test: binary test-deps
	rm -f "$(AUDIT_RESULTS)"
	$(BIN) check --strict --content "$(CONTENT)"
	$(BIN) build --quiet --content "$(CONTENT)" --output $(BUILD_DIR)/audit-site
	PLANSITE_SITE=$(BUILD_DIR)/audit-site PLANSITE_AUDIT_RESULTS="$(AUDIT_RESULTS)" \
	  $(PYTHON) -m pytest -q Tests/audit/test_audit.py -k real_site

workflows: test-deps
	$(PYTHON) -m pytest -q Tests/workflows

# The Atom feed of updates against RFC 4287's RELAX NG schema (jing), and the CSVW metadata
# beside each CSV, on a build of the site whose indicators carry `updated:` (Tests/feeds).
UPDATES_SITE = Tests/Fixtures/sites/updates-site/content
feeds: test-deps debug-build
	rm -rf $(BUILD_DIR)/updates-site
	$(BUILD_DIR)/debug/plansite build --quiet --content $(UPDATES_SITE) --output $(BUILD_DIR)/updates-site
	PLANSITE_UPDATES_SITE=$(BUILD_DIR)/updates-site $(PYTHON) -m pytest -q Tests/feeds

test: lint test-deps content-check swift-tests statistics audit workflows feeds

# The Swift sources in the house style (.swift-format): `swift format` comes with the toolchain.
# `make format` rewrites them in place; `make lint` fails on any finding, and `make test` runs it.
SWIFT_SOURCES = Sources Tests Fuzz Package.swift
lint:
	$(SWIFT) format lint --strict --parallel --recursive $(SWIFT_SOURCES)

format:
	$(SWIFT) format format --in-place --parallel --recursive $(SWIFT_SOURCES)

clean:
	rm -rf $(BUILD_DIR) site .site.plansite-back
