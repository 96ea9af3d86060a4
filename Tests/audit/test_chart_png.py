"""The "Download as PNG" button beside each trend chart (issue 24 part 2): assets/chart-png.js
adds it only when JavaScript runs, and clicking it saves the chart's SVG file drawn at twice its
width and height. The Makefile builds the mini site into PLANSITE_MINI_SITE; the browser is the
audit's (Chromium through /usr/bin/chromedriver), with its downloads sent to a scratch folder."""
from __future__ import annotations

import os
import re
import shutil
import struct
import tempfile
import time
from pathlib import Path

import pytest

from conftest import built_site

PAGE = "indicators/litter/index.html"
CHART = "data/litter-chart.svg"


def mini_site() -> Path:
    return built_site("PLANSITE_MINI_SITE", "the mini site", PAGE, CHART)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_button_saves_the_chart_at_twice_its_size():
    import audit
    from selenium.webdriver.common.by import By

    site = mini_site()
    svg = (site / CHART).read_text(encoding="utf-8")
    root = re.search(r"<svg [^>]*>", svg).group(0)
    width = float(re.search(r' width="([\d.]+)"', root).group(1))
    height = float(re.search(r' height="([\d.]+)"', root).group(1))

    scratch = Path(tempfile.mkdtemp(prefix="plansite-png-"))
    downloads = scratch / "downloads"
    downloads.mkdir()
    try:
        with audit.SiteServer(site) as server:
            nojs = audit.make_driver(scratch, "png-nojs", javascript=False, extra_args=server.chrome_args)
            try:
                nojs.get(server.url(PAGE))
                assert nojs.find_elements(By.CSS_SELECTOR, "a[data-png-label]"), "the SVG link is there"
                assert not nojs.find_elements(By.CSS_SELECTOR, "button.chart-png"), "no PNG button without JavaScript"
            finally:
                nojs.quit()

            driver = audit.make_driver(scratch, "png", javascript=True, extra_args=server.chrome_args)
            try:
                driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                       {"behavior": "allow", "downloadPath": str(downloads)})
                driver.get(server.url(PAGE))
                link = driver.find_element(By.CSS_SELECTOR, "a[data-png-label]")
                buttons = driver.find_elements(By.CSS_SELECTOR, "button.chart-png")
                assert len(buttons) == 1
                assert buttons[0].text == link.get_attribute("data-png-label") == "Download as PNG"
                buttons[0].click()
                target = downloads / "litter-chart.png"
                deadline = time.time() + 30
                while time.time() < deadline and not target.is_file():
                    time.sleep(0.2)
                assert target.is_file(), f"no PNG saved; the folder holds {sorted(os.listdir(downloads))}"
                time.sleep(0.5)  # let Chromium finish writing the file
                assert png_size(target) == (round(width * 2), round(height * 2))
            finally:
                driver.quit()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
