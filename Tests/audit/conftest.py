"""Shared fixtures for the accessibility audit tests (Tests/audit)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
AUDIT = HERE / "audit.py"
FIXTURES = HERE / "fixtures"
SUMMARY_RE = re.compile(
    r"^audit: pages=(?P<pages>\d+) axe_violations=(?P<axe_violations>\d+) "
    r"reflow_failures=(?P<reflow_failures>\d+) nojs_failures=(?P<nojs_failures>\d+) "
    r"broken_links=(?P<broken_links>\d+) nu_errors=(?P<nu_errors>\d+) "
    r"aaa_contrast=(?P<aaa_contrast>\d+) forced_colors_failures=(?P<forced_colors_failures>\d+) "
    r"text_spacing_failures=(?P<text_spacing_failures>\d+) "
    r"target_size_aaa_failures=(?P<target_size_aaa_failures>\d+)$")

if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


def site_dir() -> Path:
    """PLANSITE_SITE (default `site`), relative to the repository root unless absolute."""
    p = Path(os.environ.get("PLANSITE_SITE", "site"))
    return p if p.is_absolute() else REPO_ROOT / p


def built_site(variable: str, what: str, *needs: str) -> Path:
    """The site the Makefile built and named in `variable` (relative to the repository root
    unless absolute), holding each of `needs` (paths or globs); the test is skipped when
    `variable` is unset (make audit sets it), and fails when a needed file is missing."""
    raw = os.environ.get(variable)
    if not raw:
        pytest.skip(f"{variable} is not set (make audit builds {what} and sets it)")
    path = Path(raw) if Path(raw).is_absolute() else REPO_ROOT / raw
    for need in needs:
        assert list(path.glob(need)), f"{path} has no {need}: the Makefile builds the site first"
    return path


@dataclass
class AuditRun:
    returncode: int
    stdout: str
    stderr: str
    counts: dict
    report: dict
    tmp_leftovers: list[str]
    results: dict

    def findings(self, **match) -> list[dict]:
        return [f for f in self.report["findings"]
                if all(f.get(k) == v for k, v in match.items())]


def run_audit(site: Path, timeout: int = 900, results_out: Path | None = None) -> AuditRun:
    """Runs audit.py on `site` with its own empty TMPDIR, to see what it leaves behind.
    `results_out`: where the results for the accessibility statement go (default: a temporary file)."""
    with tempfile.TemporaryDirectory(prefix="pa-") as tmp:  # short: see make_driver
        out = Path(tmp) / "findings.json"
        results_path = results_out or Path(tmp) / "results.json"
        tmpdir = Path(tmp) / "t"
        tmpdir.mkdir()
        env = dict(os.environ, TMPDIR=str(tmpdir))
        cmd = [sys.executable, str(AUDIT), str(site), "--json", str(out), "--results", str(results_path)]
        proc = subprocess.run(cmd,
                              capture_output=True, text=True, timeout=timeout, cwd=REPO_ROOT,
                              env=env)
        report = json.loads(out.read_text()) if out.exists() else {"findings": []}
        results = json.loads(results_path.read_text()) if results_path.exists() else {}
        leftovers = sorted(p.name for p in tmpdir.iterdir())
    lines = proc.stdout.strip().splitlines()
    m = SUMMARY_RE.match(lines[-1]) if lines else None
    assert m, f"last line is not the summary:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    return AuditRun(proc.returncode, proc.stdout, proc.stderr,
                    {k: int(v) for k, v in m.groupdict().items()}, report, leftovers, results)


@pytest.fixture(scope="session")
def flawed_audit() -> AuditRun:
    return run_audit(FIXTURES / "flawed")


@pytest.fixture(scope="session")
def good_audit() -> AuditRun:
    return run_audit(FIXTURES / "good")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (JavaScript on) for the keyboard tests."""
    import audit

    scratch = Path(tempfile.mkdtemp(prefix="plansite-audit-kb-"))
    driver = audit.make_driver(scratch, "keyboard", javascript=True)
    try:
        audit.set_viewport(driver, 1280, 900)
        audit.set_scheme(driver, "light")
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(scratch, ignore_errors=True)
