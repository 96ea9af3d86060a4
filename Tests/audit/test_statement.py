"""The published accessibility statement shows the figures of the audit run before the build.

`make test` runs the audit (which writes PLANSITE_AUDIT_RESULTS), builds the site with
`plansite build --audit-results` into PLANSITE_STATEMENT_SITE, then runs this file: every
figure in the statement's table and sentence must equal the JSON. Skipped when the two
variables are not set (the audit's own run of Tests/audit collects this file too).
"""
from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

STATEMENT = "accessibility/index.html"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


class _Statement(HTMLParser):
    """The test-results section: its summary sentence and each table row's cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, list[str]] = {}
        self.summary = ""
        self.caption = ""
        self._row = None
        self._cell = None
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-check" in a:
            self._row = a["data-check"]
            self.rows[self._row] = []
        elif tag in ("td", "th") and self._row:
            self._cell = ""
        elif tag == "p" and "test-summary" in (a.get("class") or ""):
            self._in = "summary"
        elif tag == "caption" and a.get("id") == "test-results-caption":
            self._in = "caption"

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[self._row].append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr":
            self._row = None
        elif tag in ("p", "caption"):
            self._in = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        elif self._in == "summary":
            self.summary += data
        elif self._in == "caption":
            self.caption += data


def long_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


def statement(html: str) -> _Statement:
    p = _Statement()
    p.feed(html)
    return p


@pytest.fixture
def built():
    site, results = os.environ.get("PLANSITE_STATEMENT_SITE"), os.environ.get("PLANSITE_AUDIT_RESULTS")
    if not (site and results):
        pytest.skip("PLANSITE_STATEMENT_SITE and PLANSITE_AUDIT_RESULTS are set by `make test`")
    page = Path(site) / STATEMENT
    assert page.is_file(), f"{page} was not built"
    return statement(page.read_text(encoding="utf-8")), json.loads(Path(results).read_text(encoding="utf-8"))


def test_statement_figures_equal_the_audit_results(built):
    shown, results = built
    assert list(shown.rows) == [c["id"] for c in results["checks"]], shown.rows
    for check in results["checks"]:
        name, description, failures = shown.rows[check["id"]]
        assert (name, description, failures) == (check["name"], check["description"], str(check["failures"]))
    assert shown.caption == f"Automated tests of {results['pages_tested']} pages on {long_date(results['date'])}"
    chromium = results["tools"]["chromium"].split(".")[0]
    first, second, *others = results["checks"]
    expected = (f"Last tested {long_date(results['date'])} with axe-core {results['tools']['axe-core']} "
                f"in Chromium {chromium}: {results['pages_tested']} pages, "
                f"{first['failures']} failure{'' if first['failures'] == 1 else 's'} at {first['name']}, "
                f"{second['failures']} at {second['name']} and {sum(c['failures'] for c in others)} "
                f"in the other {len(others)} checks below.")
    assert " ".join(shown.summary.split()) == expected


def test_the_published_site_passed_every_check(built):
    _, results = built
    assert results["failures"] == 0 and all(c["failures"] == 0 for c in results["checks"]), results["checks"]


def test_statement_without_results_says_none_are_attached(tmp_path):
    """Parsing check on a statement built without results: no table, no figure."""
    html = ('<section><h2 id="test-results">Results</h2><p class="test-summary">This statement was last '
            'reviewed on 1 December 2026. No automated test results are attached to this copy of the '
            'website, so none are shown here.</p></section>')
    shown = statement(html)
    assert shown.rows == {} and "No automated test results are attached" in shown.summary
    assert not re.search(r"\d+ (failures|pages)", shown.summary)
