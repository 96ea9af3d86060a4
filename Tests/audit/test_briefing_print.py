"""Each outcome's printable briefing (issue 24 part 4), printed to PDF by Chromium as a reader's
"Save as PDF" would: A4 pages; each indicator whole on a page of its own (so the page count is the
number of indicators, plus the commitments and sources after them); in print, no header,
navigation or footer; and every chart inside the page's width, never cut off. The Makefile builds
the real site into PLANSITE_SITE (make audit)."""
from __future__ import annotations

import base64
import math
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from audit import SiteServer, make_driver
from conftest import built_site

# A4 in PDF points (1/72 inch) and in CSS pixels (1/96 inch), and print.css's page margins.
A4_POINTS = (595.28, 841.89)
MM = 96 / 25.4
CONTENT_WIDTH = (210 - 15 - 15) * MM
CONTENT_HEIGHT = (297 - 15 - 14) * MM


@pytest.fixture(scope="module")
def site() -> Path:
    return built_site("PLANSITE_SITE", "the real site", "outcomes/*/briefing/index.html")


@pytest.fixture(scope="module")
def printer(site):
    scratch = Path(tempfile.mkdtemp(prefix="pb-"))
    with SiteServer(site) as server:
        driver = make_driver(scratch, "print", javascript=True, extra_args=server.chrome_args)
        try:
            yield driver, server
        finally:
            driver.quit()
            shutil.rmtree(scratch, ignore_errors=True)


def briefings(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.glob("outcomes/*/briefing/index.html"))


def print_to_pdf(driver) -> bytes:
    """What Chromium's print dialog saves, on the page size the page's own CSS asks for."""
    result = driver.execute_cdp_cmd("Page.printToPDF", {
        "preferCSSPageSize": True, "printBackground": True, "paperWidth": 8.27, "paperHeight": 11.69})
    return base64.b64decode(result["data"])


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """The width and height of each page object of a PDF, read from its bytes (Chromium writes
    page objects uncompressed)."""
    sizes = []
    for match in re.finditer(rb"/Type\s*/Page(?![a-zA-Z])", data):
        start = data.rfind(b" obj", 0, match.start())
        end = data.find(b"endobj", match.end())
        box = re.search(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data[start:end])
        assert box, "a page without a MediaBox"
        x0, y0, x1, y1 = (float(v) for v in box.groups())
        sizes.append((x1 - x0, y1 - y0))
    return sizes


def print_layout(driver) -> dict:
    """The briefing's layout as print lays it out on an A4 page's width."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": round(CONTENT_WIDTH), "height": round(CONTENT_HEIGHT), "deviceScaleFactor": 1, "mobile": False})
    try:
        return driver.execute_script("""
            const box = e => e.getBoundingClientRect();
                    const sections = Array.from(document.querySelectorAll('.briefing-indicator'));
            return {
              chrome: Array.from(document.querySelectorAll('.site-header, .site-nav, .breadcrumbs, .site-footer, .skip-link'))
                .filter(e => getComputedStyle(e).display !== 'none').map(e => e.className),
              indicators: sections.map(s => ({
                title: s.querySelector('h3').textContent,
                height: box(s).height,
                breakBefore: getComputedStyle(s).breakBefore,
                charts: Array.from(s.querySelectorAll('svg.chart')).filter(c => getComputedStyle(c.parentElement).display !== 'none')
                  .map(c => { const r = box(c); return {left: r.left, right: r.right, width: r.width, height: r.height}; }),
              })),
              documentWidth: document.documentElement.scrollWidth,
              commitments: document.querySelectorAll('.briefing-commitment').length,
            };""")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_each_briefing_prints_on_a4_one_indicator_a_page(site, printer):
    driver, server = printer
    counts = {}
    for page in briefings(site):
        driver.get(server.url(page))
        pages = pdf_pages(print_to_pdf(driver))
        layout = print_layout(driver)
        indicators = layout["indicators"]
        assert indicators, f"{page} shows no indicator"
        for width, height in pages:
            assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, f"{page}: a page of {width} x {height} points, not A4"
        assert layout["chrome"] == [], f"{page} prints the site's {layout['chrome']}"
        for index, indicator in enumerate(indicators):
            # Whole on one page, and (but for the first, which follows the title) on a page of its own.
            assert indicator["height"] <= CONTENT_HEIGHT, f"{page}: {indicator['title']} is taller than a page"
            assert indicator["breakBefore"] == ("auto" if index == 0 else "page"), f"{page}: {indicator['title']}"
        # One page per indicator (the title shares the first); then the commitments and sources, on a new page.
        expected = len(indicators) + (1 if layout["commitments"] else 0)
        assert expected <= len(pages) <= expected + 2, f"{page}: {len(pages)} pages for {len(indicators)} indicators"
        counts[page] = len(pages)
    print("briefing pages:", counts)


def test_no_chart_is_cut_off_in_print(site, printer):
    driver, server = printer
    for page in briefings(site):
        driver.get(server.url(page))
        layout = print_layout(driver)
        assert layout["documentWidth"] <= math.ceil(CONTENT_WIDTH), f"{page} is wider than an A4 page in print"
        for indicator in layout["indicators"]:
            charts = indicator["charts"]
            assert len(charts) == 1, f"{page}: {indicator['title']} prints {len(charts)} charts, not its one wide chart"
            chart = charts[0]
            assert chart["width"] > CONTENT_WIDTH / 3 and chart["height"] > 0, f"{page}: {indicator['title']}'s chart is too small"
            assert chart["left"] >= -0.5 and chart["right"] <= CONTENT_WIDTH + 0.5, \
                f"{page}: {indicator['title']}'s chart runs past the page ({chart})"
