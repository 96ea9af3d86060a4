"""Tests of the real-browser accessibility audit (Tests/audit/audit.py).

* The `flawed` fixture: each known flaw is caught and counted.
* The `good` fixture: the whole audit reports nothing.
* Keyboard: skip link first, Enter reaches <main>, visible focus indicator on every stop
  (good fixture always; the real site from PLANSITE_SITE, default `site`, when it exists).
* test_real_site_audit: the audit passes on PLANSITE_SITE (skipped if the folder is missing).
Run: python3 -m pytest Tests/audit -q   (after scripts/install-test-deps.sh)
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import pytest

import audit
import beyond_aa
from conftest import FIXTURES, SUMMARY_RE, run_audit, site_dir

GOOD = FIXTURES / "good"
FLAWED = FIXTURES / "flawed"
MAX_TABS = 60


# ---------------------------------------------------------------------------
# flawed fixture: every known flaw is caught and counted
# ---------------------------------------------------------------------------

def test_flawed_exit_status_and_summary(flawed_audit):
    assert flawed_audit.returncode == 1, flawed_audit.stderr
    assert flawed_audit.counts["pages"] == 2
    last = flawed_audit.stdout.strip().splitlines()[-1]
    assert SUMMARY_RE.match(last)
    assert flawed_audit.report["counts"] == flawed_audit.counts


@pytest.mark.parametrize("rule", ["image-alt", "color-contrast", "link-name"])
def test_flawed_axe_rule_caught(flawed_audit, rule):
    found = flawed_audit.findings(page="index.html", check="axe", rule=rule)
    assert found, f"axe did not report {rule}:\n{flawed_audit.stdout}"
    assert all(f["help"].startswith("https://dequeuniversity.com/rules/axe/") for f in found)


def test_flawed_axe_counted_once_per_node_across_runs(flawed_audit):
    assert flawed_audit.counts["axe_violations"] >= 3
    assert flawed_audit.counts["axe_violations"] == len(flawed_audit.findings(check="axe"))
    contrast = [f for f in flawed_audit.findings(page="index.html", check="axe",
                                                 rule="color-contrast")
                if "low-contrast" in f["element"]]
    assert len(contrast) == 1, contrast      # one node, seen in all 4 runs, counted once
    assert sorted(contrast[0]["runs"]) == sorted(r[0] for r in audit.RUNS)


def test_flawed_dark_scheme_and_320_runs_are_real(flawed_audit):
    """Flaws that exist only in the emulated dark scheme / only at 320 px are found there only."""
    contrast = flawed_audit.findings(page="index.html", check="axe", rule="color-contrast")
    runs = {f["element"].split()[0]: sorted(f["runs"]) for f in contrast}
    assert runs.get(".dark-only-flaw") == ["1280-dark", "320-dark"], runs
    assert runs.get(".narrow-only-flaw") == ["320-dark", "320-light"], runs


def test_flawed_reflow_caught(flawed_audit):
    assert flawed_audit.counts["reflow_failures"] >= 1
    (f,) = flawed_audit.findings(page="index.html", check="reflow")
    assert "too-wide" in f["element"], f      # names the widest offending element
    assert "scrollWidth=1000" in f["message"]


def test_flawed_broken_links_caught(flawed_audit):
    assert flawed_audit.counts["broken_links"] >= 1
    links = flawed_audit.findings(page="index.html", check="link")
    elements = " ".join(f["element"] for f in links)
    assert 'href="#nowhere"' in elements                 # same-page fragment
    assert 'href="x.html#nowhere-else"' in elements      # other page's fragment
    assert 'href="missing/"' in elements                 # missing folder
    assert flawed_audit.counts["broken_links"] == 3


def test_flawed_nu_errors_caught(flawed_audit):
    assert flawed_audit.counts["nu_errors"] >= 1
    nu = flawed_audit.findings(check="nu")
    messages = [f["message"] for f in nu if f["page"] == "index.html"]
    assert any("Duplicate ID" in m and "dup" in m for m in messages), messages
    # the <div> inside <span> breaks the tree; vnu reports it
    assert any("span" in m for m in messages), messages
    # the stray </p> on x.html
    assert any("“p” end tag" in f["message"] for f in nu if f["page"] == "x.html"), nu
    # the CSS run (--css) reports the invalid colour
    assert any(f["page"] == "style.css" and "#ggg" in f["message"] for f in nu), nu


def test_flawed_nojs_caught(flawed_audit):
    assert flawed_audit.counts["nojs_failures"] >= 1
    assert flawed_audit.findings(page="x.html", check="nojs", rule="nojs-main-empty")
    assert not flawed_audit.findings(page="index.html", check="nojs")


def test_findings_printed_one_per_line(flawed_audit):
    lines = flawed_audit.stdout.strip().splitlines()
    fails = [ln for ln in lines if ln.startswith("FAIL ")]
    total = sum(v for k, v in flawed_audit.counts.items() if k != "pages")
    assert len(fails) == total == len(flawed_audit.report["findings"])
    for ln in fails:
        assert re.search(r"page=\S+ check=(axe|aaa-contrast|forced-colors|text-spacing|target-size|"
                         r"reflow|nojs|link|nu) rule=\S+ element=.+ help=\S+", ln), ln


# ---------------------------------------------------------------------------
# beyond AA: one known flaw for each check, caught and counted
# ---------------------------------------------------------------------------

def _elements(run, **match) -> list[str]:
    return [f["element"] for f in run.findings(**match)]


def test_flawed_aaa_contrast_caught(flawed_audit):
    """#767676 on white (4.54:1) passes AA and fails AAA: counted as aaa_contrast, not as AA."""
    found = flawed_audit.findings(page="index.html", check="aaa-contrast", rule="color-contrast-enhanced")
    assert [f for f in found if "aa-only-contrast" in f["element"]], found
    assert flawed_audit.counts["aaa_contrast"] == len(flawed_audit.findings(check="aaa-contrast")) >= 1
    aa = _elements(flawed_audit, check="axe", rule="color-contrast")
    assert not any("aa-only-contrast" in e for e in aa), aa


def test_flawed_forced_colors_caught(flawed_audit):
    """A dark chart line on a dark Canvas, a bar drawn by background alone, focus by shadow alone."""
    fc = flawed_audit.findings(page="index.html", check="forced-colors")
    by_rule = {}
    for f in fc:
        by_rule.setdefault(f["rule"], []).append(f)
    # Focus styles are read only on a focused page: if the browser would not give one, the test
    # says so (with the browser's own words) instead of failing on a missing finding below.
    assert not by_rule.get("forced-colors-focus-unmeasured"), by_rule.get("forced-colors-focus-unmeasured")
    line = by_rule.get("forced-colors-line-not-drawn", [])
    # the screenshot shows the line on the light palette, not on the dark one
    assert [f for f in line if "fc-flaw-line" in f["element"]], fc
    assert all(f["runs"] == ["forced-dark"] for f in line), line
    assert [f for f in by_rule.get("forced-colors-svg-shape", []) if "fc-flaw-line" in f["element"]], fc
    assert [f for f in by_rule.get("forced-colors-background-only", []) if "fc-flaw-bar" in f["element"]], fc
    assert [f for f in by_rule.get("forced-colors-focus", []) if "shadow-focus" in f["element"]], fc
    # the browser's own focus ring (outline: auto) is visible in forced colours
    assert not [f for f in by_rule.get("forced-colors-focus", []) if "shadow-focus" not in f["element"]], fc
    assert flawed_audit.counts["forced_colors_failures"] == len(flawed_audit.findings(check="forced-colors"))


def test_flawed_text_spacing_caught(flawed_audit):
    (f,) = flawed_audit.findings(page="index.html", check="text-spacing")
    assert f["rule"] == "text-spacing-clipped" and "ts-flaw-clip" in f["element"], f
    assert sorted(f["runs"]) == ["1280-light", "320-light"]
    assert flawed_audit.counts["text_spacing_failures"] == 1


def test_flawed_target_size_caught(flawed_audit):
    """The footer link that stands alone is too small; the one inside a sentence is exempt."""
    found = _elements(flawed_audit, page="index.html", check="target-size")
    assert any("small-target" in e for e in found), found
    assert not any("inline-target" in e for e in found), found
    assert flawed_audit.counts["target_size_aaa_failures"] == len(found) == 1


def test_text_spacing_overlap_caught(browser, tmp_path):
    """Text in a box of fixed height spills over the text below it once spacing grows."""
    _write(tmp_path / "index.html", """<!DOCTYPE html><html lang="en"><title>t</title>
      <style>body { font: 16px/1.2 sans-serif; margin: 0 } .fixed { height: 2.4em; width: 14em; margin: 0 }
      .next { margin: 0 }</style>
      <main><div class="fixed">Two lines of text in a box of a fixed height here</div>
      <p class="next">The paragraph after it</p></main></html>""")
    with audit.SiteServer(tmp_path) as server:
        browser.get(server.url("index.html"))
        found = browser.execute_script(beyond_aa.TEXT_SPACING_JS, beyond_aa.TEXT_SPACING_CSS)
        browser.get(server.url("index.html"))
        plain = browser.execute_script(beyond_aa.TEXT_SPACING_JS, "")
    assert [f for f in found if f["rule"] == "text-spacing-overlap"
            and "fixed" in f["selector"] + f["message"] and "next" in f["selector"] + f["message"]], found
    assert plain == [], plain


def test_png_decoder_reads_chromium_screenshots(browser, tmp_path):
    """The pixel check's decoder against a known picture: a 3 px red line on white."""
    _write(tmp_path / "index.html", """<!DOCTYPE html><html lang="en"><title>t</title>
      <style>body { margin: 0; background: #fff }</style>
      <svg width="100" height="20"><line x1="0" y1="10" x2="100" y2="10" stroke="#ff0000" stroke-width="4"/></svg></html>""")
    with audit.SiteServer(tmp_path) as server:
        browser.get(server.url("index.html"))
        png = beyond_aa.screenshot(browser, 2, 0, 96, 20)
    width, height, _, _ = png
    assert (width, height) == (100, 24)
    red = beyond_aa.line_pixels(png, {"r": 255, "g": 0, "b": 0}, {"r": 255, "g": 255, "b": 255})
    assert 300 <= red <= 500, red
    assert beyond_aa.line_pixels(png, {"r": 250, "g": 250, "b": 250}, {"r": 255, "g": 255, "b": 255}) == 0


# ---------------------------------------------------------------------------
# good fixture: nothing to report
# ---------------------------------------------------------------------------

def test_scratch_removed(flawed_audit, good_audit):
    """Chromium's profile and TMPDIR live in the audit's scratch folder, deleted at the end."""
    assert flawed_audit.tmp_leftovers == []
    assert good_audit.tmp_leftovers == []


def test_good_fixture_is_clean(good_audit):
    assert good_audit.stdout.strip().splitlines()[-1] == (
        "audit: pages=2 axe_violations=0 reflow_failures=0 nojs_failures=0 "
        "broken_links=0 nu_errors=0 aaa_contrast=0 forced_colors_failures=0 "
        "text_spacing_failures=0 target_size_aaa_failures=0"), good_audit.stdout
    assert good_audit.returncode == 0
    # its chart line was photographed in both forced-colours palettes and showed
    assert good_audit.results["forced_colors_chart_lines_photographed"] == 2


def test_results_file_for_the_statement(good_audit, flawed_audit):
    """--results writes what the accessibility statement shows, and its figures are the counts."""
    for run in (good_audit, flawed_audit):
        r = run.results
        assert r["format"] == "plansite-audit-results/1"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) and r["tested_at"].startswith(r["date"])
        assert re.fullmatch(r"4\.\d+\.\d+", r["tools"]["axe-core"]), r["tools"]
        assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", r["tools"]["chromium"]), r["tools"]
        assert r["tools"]["nu-html-checker"], r["tools"]
        assert r["pages_tested"] == run.counts["pages"] == len(r["pages"])
        assert {c["id"]: c["failures"] for c in r["checks"]} == {
            k: v for k, v in run.counts.items() if k != "pages"}
        assert r["failures"] == sum(c["failures"] for c in r["checks"])
        assert "wcag22aa" in r["wcag_tags"]
    assert good_audit.results["failures"] == 0 and flawed_audit.results["failures"] > 0


# ---------------------------------------------------------------------------
# link checker (no browser)
# ---------------------------------------------------------------------------

def _write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_link_checker_resolution(tmp_path):
    _write(tmp_path / "index.html", """<!DOCTYPE html><title>x</title>
      <a href="a/">folder</a> <a href="a">folder, no slash</a> <a href="/a/#x">root-relative</a>
      <a href="a/index.html#x">file+fragment</a> <a href="#top-id">same page</a>
      <a href="https://example.org/nope.html">external</a> <a href="mailto:a@b.c">mail</a>
      <img src="img/p%20q.svg" alt="" srcset="img/p%20q.svg 1x, img/gone.svg 2x">
      <a href="../outside.html">escapes</a> <a href="b/">missing folder</a>
      <a href="a/#y">missing id</a> <a id="top-id" href="">empty</a>
      <link rel="stylesheet" href="css/none.css">""")
    _write(tmp_path / "a" / "index.html", '<!DOCTYPE html><title>a</title><p id="x">x</p>')
    _write(tmp_path / "img" / "p q.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    found = audit.check_links(tmp_path, audit.html_files(tmp_path))
    bad = sorted(f.element.split(" ", 2)[2] for f in found)
    assert bad == sorted(['<a href="../outside.html">', '<a href="b/">', '<a href="a/#y">',
                          '<img srcset="img/gone.svg">', '<link href="css/none.css">'])


def _base_url_site(root: Path) -> Path:
    """A site published at https://audit.example/sub/ whose 404 page uses absolute URLs."""
    _write(root / "index.html", """<!DOCTYPE html><html lang="en"><title>i</title>
      <link rel="canonical" href="https://audit.example/sub/">
      <main><h1>i</h1></main></html>""")
    _write(root / "css" / "s.css", "body { background: rgb(1, 2, 3); }")
    _write(root / "404.html", """<!DOCTYPE html><html lang="en"><title>404</title>
      <link rel="stylesheet" href="https://audit.example/sub/css/s.css">
      <main><h1 id="h">Not found</h1>
      <a href="https://audit.example/sub/">home</a> <a href="https://audit.example/sub/#nope">x</a>
      <a href="https://audit.example/sub/gone/">gone</a> <a href="https://audit.example/other/">out</a>
      <a href="https://elsewhere.example/sub/gone/">external</a></main></html>""")
    return root


def test_base_url_detected_and_links_under_it_checked(tmp_path):
    site = _base_url_site(tmp_path)
    base = audit.detect_base_url(site)
    assert base == "https://audit.example/sub/"
    found = audit.check_links(site, audit.html_files(site), base)
    bad = sorted(f.element.split(" ", 2)[2] for f in found)
    assert bad == ['<a href="https://audit.example/sub/#nope">',
                   '<a href="https://audit.example/sub/gone/">']
    assert audit.check_links(site, audit.html_files(site), None) == []   # all external then


def test_base_url_is_served_from_site_dir(tmp_path):
    """An absolute-URL stylesheet under the base URL loads from SITE_DIR, not the network."""
    site = _base_url_site(tmp_path / "site")
    # (a short scratch path: Chromium's socket path under TMPDIR must stay < 108 bytes)
    with tempfile.TemporaryDirectory(prefix="plansite-audit-") as tmp:
        scratch = Path(tmp)
        with audit.SiteServer(site, audit.detect_base_url(site), scratch) as server:
            driver = audit.make_driver(scratch, "base", extra_args=server.chrome_args)
            try:
                driver.get(server.url("404.html"))
                bg = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
            finally:
                driver.quit()
    assert bg == "rgb(1, 2, 3)"


# ---------------------------------------------------------------------------
# keyboard: skip link, then a visible focus indicator on every stop
# ---------------------------------------------------------------------------

FOCUS_STYLE_JS = """
var el = arguments[0];
function st() {
  var s = getComputedStyle(el);
  return {outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth,
          outlineColor: s.outlineColor, boxShadow: s.boxShadow};
}
var focused = st();
el.blur();
var blurred = st();
el.focus({preventScroll: true});   // keep the sequential focus navigation point here
var label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.getAttribute('href') ? '[href="' + el.getAttribute('href') + '"]' : '')
  + ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
return {focused: focused, blurred: blurred, label: label};
"""

SKIP_LINK_JS = """
var el = document.activeElement, r = el.getBoundingClientRect();
return {tag: el.tagName.toLowerCase(), href: el.getAttribute('href'),
        text: (el.textContent || '').trim(),
        inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                    && r.top < innerHeight && r.left < innerWidth};
"""

AFTER_ENTER_JS = """
var main = document.querySelector('main'); if (!main) return {main: false};
var a = document.activeElement, t = document.querySelector(':target');
return {main: true, hash: location.hash,
        focusInMain: !!a && (a === main || main.contains(a)),
        targetInMain: !!t && (t === main || main.contains(t)),
        active: a ? a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') : null};
"""


def press(driver, key) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(key).perform()


def keyboard_problems(driver, url: str) -> list[str]:
    """Real key presses through a page; returns a list of problems (empty = pass)."""
    from selenium.webdriver.common.keys import Keys

    problems: list[str] = []
    driver.get(url)
    press(driver, Keys.TAB)
    first = driver.execute_script(SKIP_LINK_JS)
    href = first["href"] or ""
    if not (first["tag"] == "a" and href.startswith("#") and len(href) > 1
            and "skip" in first["text"].lower()):
        problems.append(f"first Tab did not focus a skip link (a[href^='#'] containing 'Skip'): {first}")
    else:
        if not first["inViewport"]:
            problems.append(f"focused skip link is not visible in the viewport: {first}")
        press(driver, Keys.ENTER)
        state = {}
        for _ in range(20):   # the fragment navigation is synchronous, but allow a moment
            state = driver.execute_script(AFTER_ENTER_JS)
            if state.get("focusInMain") or state.get("targetInMain"):
                break
            time.sleep(0.05)
        if not state.get("main"):
            problems.append("page has no <main> element")
        elif not (state.get("focusInMain") or state.get("targetInMain")):
            problems.append(f"Enter on the skip link did not move focus/target to <main>: {state}")

    # Fresh load; Tab from the top and check every stop.
    driver.get(url)
    seen: set[str] = set()
    stops = 0
    for _ in range(MAX_TABS):
        press(driver, Keys.TAB)
        el = driver.switch_to.active_element
        tag = el.tag_name.lower()
        if tag in ("body", "html"):
            break                       # focus left the last element: cycle done
        if el.id in seen:               # selenium's element id: same DOM node again
            break
        seen.add(el.id)
        stops += 1
        res = driver.execute_script(FOCUS_STYLE_JS, el)
        if res["focused"] == res["blurred"]:
            problems.append(f"no visible focus indicator on {res['label']}: "
                            f"focused and blurred styles are the same {res['focused']}")
    if stops == 0:
        problems.append("Tab reached no focusable element")
    return problems


def first_indicator_page(site: Path) -> str | None:
    for p in sorted(site.glob("indicators/*/index.html")):
        return p.relative_to(site).as_posix()
    return None


def _keyboard(browser, site: Path, which: str) -> None:
    if which == "home":
        page = "index.html"
        if not (site / page).is_file():
            pytest.fail(f"{site}/index.html does not exist")
    else:
        page = first_indicator_page(site)
        if page is None:
            pytest.skip(f"no indicators/*/index.html in {site}: indicator-page keyboard check skipped")
    with tempfile.TemporaryDirectory(prefix="plansite-audit-kb-") as scratch, \
            audit.SiteServer(site, audit.detect_base_url(site), Path(scratch)) as server:
        if server.chrome_args:   # the site's base URL is mirrored: needs its own browser
            driver = audit.make_driver(Path(scratch), "keyboard-site", extra_args=server.chrome_args)
            try:
                audit.set_viewport(driver, 1280, 900)
                problems = keyboard_problems(driver, server.url(page))
            finally:
                driver.quit()
        else:
            problems = keyboard_problems(browser, server.url(page))
    assert not problems, f"{page}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("which", ["home", "indicator"])
def test_keyboard_good_fixture(browser, which):
    _keyboard(browser, GOOD, which)


@pytest.mark.parametrize("which", ["home", "indicator"])
def test_keyboard_real_site(browser, which):
    site = site_dir()
    if not site.is_dir():
        pytest.skip(f"{site} does not exist (build the site first; PLANSITE_SITE overrides)")
    _keyboard(browser, site, which)


def test_keyboard_check_catches_missing_focus_indicator(browser, tmp_path):
    """The keyboard check itself fails a page without skip link and with outline: none."""
    _write(tmp_path / "index.html", """<!DOCTYPE html><html lang="en"><title>t</title>
      <style>a:focus, a:focus-visible { outline: none; }</style>
      <main><h1>t</h1><p><a href="#x">one</a> <a href="#y">two</a></p></main></html>""")
    with audit.SiteServer(tmp_path) as server:
        problems = keyboard_problems(browser, server.url("index.html"))
    assert any("skip link" in p for p in problems), problems
    assert sum("no visible focus indicator" in p for p in problems) == 2, problems


# ---------------------------------------------------------------------------
# the real site
# ---------------------------------------------------------------------------

def test_real_site_audit(capsys):
    site = site_dir()
    if not site.is_dir():
        if os.environ.get("PLANSITE_SITE"):
            pytest.fail(f"PLANSITE_SITE={site} does not exist: the Makefile builds it first")
        pytest.skip(f"{site} does not exist (build the site first; PLANSITE_SITE overrides)")
    n_html = sum(1 for p in site.rglob("*.html") if p.is_file())
    # PLANSITE_AUDIT_RESULTS (the Makefile sets it): where the results the accessibility
    # statement shows are kept, for `make site` to read (plansite build --audit-results).
    results = os.environ.get("PLANSITE_AUDIT_RESULTS")
    run = run_audit(site, results_out=Path(results).resolve() if results else None)
    with capsys.disabled():  # CI's log shows the audit's counts, not just "passed"
        print(f"\nreal site ({n_html} HTML files): " + run.stdout.strip().splitlines()[-1])
    assert run.counts["pages"] == n_html
    assert run.returncode == 0, "audit findings:\n" + run.stdout[-20000:]


@pytest.mark.parametrize("name, variable", [("mini site", "PLANSITE_MINI_SITE"),
                                             ("starter site", "PLANSITE_STARTER_SITE"),
                                             ("search site", "PLANSITE_SEARCH_SITE")])
def test_fixture_site_audit(capsys, name, variable):
    """The mini site the golden tests build, `plansite new`'s starter site as written, and the mini
    site with `full_text_search: true` pass the same audit (make test builds them and names them in
    these variables)."""
    site = os.environ.get(variable)
    if not site:
        pytest.skip(f"{variable} is set by `make test` (the built {name})")
    run = run_audit(Path(site))
    with capsys.disabled():
        print(f"\n{name}: " + run.stdout.strip().splitlines()[-1])
    assert run.returncode == 0, "audit findings:\n" + run.stdout[-20000:]

