"""The invented breakdown site (Tests/Fixtures/sites/breakdown-site: an ordered deprivation
breakdown and an unordered ward breakdown, with their bar charts and tables) passes the
whole audit, as the real site must. The Makefile builds it into PLANSITE_BREAKDOWN_SITE."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO_ROOT, run_audit


def test_breakdown_site_audit(capsys):
    raw = os.environ.get("PLANSITE_BREAKDOWN_SITE")
    if not raw:
        pytest.skip("PLANSITE_BREAKDOWN_SITE is not set (make audit builds the breakdown site and sets it)")
    site = Path(raw) if Path(raw).is_absolute() else REPO_ROOT / raw
    assert site.is_dir(), f"PLANSITE_BREAKDOWN_SITE={site} does not exist: the Makefile builds it first"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert "indicators/life-expectancy-by-deprivation/index.html" in pages
    assert "indicators/smoking-by-ward/index.html" in pages
    run = run_audit(site)
    with capsys.disabled():
        print(f"\nbreakdown site ({len(pages)} HTML files): " + run.stdout.strip().splitlines()[-1])
    assert run.counts["pages"] == len(pages)
    assert run.returncode == 0, "audit findings:\n" + run.stdout[-20000:]
