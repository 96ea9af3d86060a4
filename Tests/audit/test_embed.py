"""Embeds (issue 24 part 3): the code on each indicator page, copied as a reader would copy it,
is valid HTML to the Nu checker, and in another site's page the frame shows the embed page,
whose "See the full indicator page" link opens the full page in the whole window. The Makefile
builds the mini site into PLANSITE_MINI_SITE; the browser is the audit's (Chromium through
/usr/bin/chromedriver), with the site's base URL mirrored from the built folder."""
from __future__ import annotations

import shutil
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import built_site

INDICATOR = "litter"


def mini_site() -> Path:
    return built_site("PLANSITE_MINI_SITE", "the mini site", f"embed/{INDICATOR}/index.html")


class _Textareas(HTMLParser):
    """Each <textarea>'s text as a browser shows it (entities decoded), by id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self._id: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "textarea":
            self._id = dict(attrs).get("id")
            self.texts[self._id] = ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._id = None

    def handle_data(self, data):
        if self._id is not None:
            self.texts[self._id] += data


def copied_code(site: Path, indicator: str) -> tuple[str, str]:
    parser = _Textareas()
    parser.feed((site / f"indicators/{indicator}/index.html").read_text(encoding="utf-8"))
    return parser.texts["embed-iframe"], parser.texts["embed-image"]


def pasted(code: str) -> str:
    """A minimal page of another site with the code pasted into it."""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>A partner's page</title>\n"
            "</head>\n<body>\n<main>\n<h1>A partner's page</h1>\n" + code + "\n</main>\n</body>\n</html>\n")


def nu_errors(folder: Path, pages: dict[str, str]) -> list:
    import audit

    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return audit.run_vnu(folder, [folder / name for name in pages], css=False, scratch=folder)


def test_copied_code_is_valid_html():
    site = mini_site()
    with tempfile.TemporaryDirectory(prefix="pa-embed-") as tmp:
        folder = Path(tmp)
        pages = {}
        for page in sorted(site.glob("indicators/*/index.html")):
            indicator = page.parent.name
            iframe, image = copied_code(site, indicator)
            assert iframe.startswith("<iframe ") and image.startswith("<img "), (iframe, image)
            pages[f"{indicator}-iframe.html"] = pasted(iframe)
            pages[f"{indicator}-image.html"] = pasted(image)
        assert len(pages) >= 4
        errors = nu_errors(folder, pages)
        assert not errors, "\n".join(f"{e.page} {e.element}: {e.message}" for e in errors)
        # The check can fail: a title whose quote is not escaped breaks the element.
        iframe, _ = copied_code(site, INDICATOR)
        broken = iframe.replace('title="', 'title="Say "hello" ', 1)
        assert nu_errors(folder, {"broken.html": pasted(broken)}), "Nu accepted a broken iframe"


def test_frame_shows_the_embed_page_and_its_link_leaves_the_frame():
    import audit
    from selenium.webdriver.common.by import By

    site = mini_site()
    base = audit.detect_base_url(site)
    assert base, "the mini site's index.html names its base URL"
    iframe, _ = copied_code(site, INDICATOR)
    with tempfile.TemporaryDirectory(prefix="pa-embed-") as tmp:
        scratch = Path(tmp)
        host = scratch / "host"
        host.mkdir()
        (host / "index.html").write_text(pasted(iframe), encoding="utf-8")
        with audit.SiteServer(site, base, scratch) as server, audit.SiteServer(host) as other:
            driver = audit.make_driver(scratch, "embed", extra_args=server.chrome_args)
            try:
                audit.set_viewport(driver, 320, 900)
                driver.get(other.url("index.html"))
                frame = driver.find_element(By.TAG_NAME, "iframe")
                assert frame.size["width"] <= 320
                driver.switch_to.frame(frame)
                deadline = time.time() + 20
                while time.time() < deadline and not driver.find_elements(By.TAG_NAME, "h1"):
                    time.sleep(0.2)
                heading = driver.find_element(By.TAG_NAME, "h1").text
                assert heading == "Streets with litter"
                # At the frame's width: the narrow chart, no sideways scroll, the table closed.
                width, scroll = driver.execute_script(
                    "return [innerWidth, document.documentElement.scrollWidth]")
                assert scroll <= width, f"the embed page scrolls sideways in a {width} px frame"
                assert not driver.find_element(By.CSS_SELECTOR, "details").get_attribute("open")
                assert driver.find_elements(By.CSS_SELECTOR, ".chart-narrow svg")[0].is_displayed()
                link = driver.find_element(By.LINK_TEXT, "See the full indicator page")
                link.click()
                driver.switch_to.default_content()
                deadline = time.time() + 20
                while time.time() < deadline and not driver.current_url.startswith(base):
                    time.sleep(0.2)
                assert driver.current_url == base + f"indicators/{INDICATOR}/", driver.current_url
                assert not driver.find_elements(By.TAG_NAME, "iframe"), "the full page opened inside the frame"
            finally:
                driver.quit()
                shutil.rmtree(scratch / "profile-embed", ignore_errors=True)


def test_audit_judges_what_a_closed_details_holds(tmp_path):
    """An embed page's table is in a closed <details>: the audit opens it, so a fault inside is found."""
    from conftest import run_audit

    (tmp_path / "index.html").write_text("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Closed details</title></head>
<body><main><h1>Closed details</h1>
<details><summary>Show the figures</summary><p style="color:#aaaaaa">Pale text no one could read</p></details>
</main></body></html>
""", encoding="utf-8")
    run = run_audit(tmp_path)
    assert run.findings(rule="color-contrast"), run.stdout[-3000:]
