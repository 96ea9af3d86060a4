"""The audit's checks beyond WCAG 2.2 AA, run in the same headless Chromium as axe.

* forced colours (Windows high contrast), emulated through the DevTools protocol
  (Emulation.setEmulatedMedia, feature forced-colors: active), with a light and a dark
  system palette: every SVG shape and SVG text keeps a contrast with Canvas (shapes 3:1,
  text 4.5:1); an element shown only by its background colour (a progress bar, a swatch)
  stays visible; a tag (text on its own background, with padding) keeps a border; focus
  keeps a visible outline; and a screenshot of each chart line proves its pixels are there.
* text spacing (WCAG 1.4.12): line height 1.5, paragraph spacing 2 em, letter spacing
  0.12 em, word spacing 0.16 em on every element; no text is clipped by an element that
  hides its overflow, and no two pieces of text overlap.
* target size, enhanced (WCAG 2.5.5): links and controls in the header, navigation,
  breadcrumbs and footer, the skip link and data downloads are at least 44 x 44 CSS px,
  unless they are inline links in a sentence.
"""
from __future__ import annotations

import base64
import struct
import zlib

FORCED_HELP = "https://www.w3.org/WAI/WCAG22/Techniques/css/C45"  # + forced-colors media feature
TEXT_SPACING_HELP = "https://www.w3.org/WAI/WCAG22/Understanding/text-spacing.html"
TARGET_HELP = "https://www.w3.org/WAI/WCAG22/Understanding/target-size-enhanced.html"

FORCED_RUNS = [("forced-light", "light"), ("forced-dark", "dark")]
SPACING_RUNS = [("1280", 1280), ("320", 320)]
MIN_TARGET = 44

# Shared JS: a CSS path for an element, colour parsing, contrast, "hidden on purpose".
COMMON_JS = r"""
function cssPath(el) {
  var parts = [];
  while (el && el.nodeType === 1 && el !== document.documentElement) {
    if (el.id && document.querySelectorAll('#' + CSS.escape(el.id)).length === 1) {
      parts.unshift('#' + CSS.escape(el.id)); break;
    }
    var tag = el.tagName.toLowerCase(), i = 1, s = el;
    while ((s = s.previousElementSibling)) { if (s.tagName === el.tagName) i++; }
    var cls = (typeof el.className === 'string' && el.className.trim())
      ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    parts.unshift(tag + cls + ':nth-of-type(' + i + ')');
    el = el.parentElement;
  }
  if (!parts.length || parts[0].charAt(0) !== '#') parts.unshift('html');
  return parts.join(' > ');
}
function rgba(c) {
  var m = /rgba?\(([^)]+)\)/.exec(c || '');
  if (!m) return null;
  var p = m[1].split(/[ ,\/]+/).filter(Boolean).map(parseFloat);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function lum(c) {
  var f = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function contrast(a, b) {
  var x = lum(a), y = lum(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
function systemColour(name) {
  var d = document.createElement('div');
  d.style.cssText = 'position:absolute;width:1px;height:1px;forced-color-adjust:none;color:' + name;
  document.body.appendChild(d);
  var c = rgba(getComputedStyle(d).color);
  d.remove();
  return c;
}
// visually-hidden text, display:none, closed <details> and the like: not seen, not judged.
function unseen(el) {
  for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
    var s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return true;
    var r = e.getBoundingClientRect();
    if ((s.position === 'absolute' || s.position === 'fixed') && (r.width <= 1 || r.height <= 1)) return true;
    if (s.clip && s.clip !== 'auto' && (s.position === 'absolute' || s.position === 'fixed')) return true;
  }
  return false;
}
function snippet(el) { return el.outerHTML.replace(/\s+/g, ' ').slice(0, 120); }
"""

# Run in normal colours, before forced colours are switched on: marks the elements that are
# drawn by their background colour alone (no text, no border), and the tags.
FORCED_MARK_JS = COMMON_JS + r"""
var n = 0, all = document.body.querySelectorAll('*');
for (var i = 0; i < all.length; i++) {
  var el = all[i];
  if (el.closest('svg')) continue;
  var s = getComputedStyle(el), bg = rgba(s.backgroundColor);
  if (!bg || bg.a < 0.5 || s.backgroundImage !== 'none') continue;
  var parent = el.parentElement, pbg = null;
  for (var p = parent; p; p = p.parentElement) {
    var c = rgba(getComputedStyle(p).backgroundColor);
    if (c && c.a >= 0.5) { pbg = c; break; }
  }
  if (!pbg) pbg = {r: 255, g: 255, b: 255, a: 1};
  if (contrast(bg, pbg) < 1.1) continue;      // the same surface as around it
  var r = el.getBoundingClientRect();
  if (r.width < 3 || r.height < 3 || unseen(el)) continue;
  var text = (el.textContent || '').trim();
  var border = ['Top', 'Right', 'Bottom', 'Left'].some(function (k) {
    return parseFloat(s['border' + k + 'Width']) > 0 && s['border' + k + 'Style'] !== 'none'; });
  if (!text && !border) { el.setAttribute('data-audit-bg-only', ''); n++; }
  else if (text && !border && s.display.indexOf('inline') === 0
           && parseFloat(s.paddingLeft) + parseFloat(s.paddingRight) > 0) {
    el.setAttribute('data-audit-tag', ''); n++;
  }
}
return n;
"""

# Run with forced colours on: the problems, and the chart lines to photograph.
FORCED_CHECK_JS = COMMON_JS + r"""
var canvas = systemColour('Canvas'), out = [], lines = [];
function push(rule, el, msg) { out.push({rule: rule, selector: cssPath(el), html: snippet(el), message: msg}); }
function paint(v) { return (!v || v === 'none') ? null : rgba(v); }
var svgs = document.querySelectorAll('svg');
for (var i = 0; i < svgs.length; i++) {
  var svg = svgs[i];
  if (unseen(svg)) continue;
  var shapes = svg.querySelectorAll('line, polyline, polygon, path, circle, rect, ellipse');
  var best = null, bestLen = -1;
  for (var j = 0; j < shapes.length; j++) {
    var sh = shapes[j], s = getComputedStyle(sh);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    var stroke = parseFloat(s.strokeWidth) > 0 && parseFloat(s.strokeOpacity) > 0 ? paint(s.stroke) : null;
    var fill = parseFloat(s.fillOpacity) > 0 ? paint(s.fill) : null;
    if (!stroke && !fill) continue;             // draws nothing
    var cs = stroke ? contrast(stroke, canvas) : 0, cf = fill ? contrast(fill, canvas) : 0;
    if (Math.max(cs, cf) < 3) {
      push('forced-colors-svg-shape', sh, 'in forced colours this ' + sh.tagName + ' is ' + (stroke ? s.stroke : s.fill)
           + ' on Canvas ' + 'rgb(' + canvas.r + ', ' + canvas.g + ', ' + canvas.b + ')' + ': contrast '
           + Math.max(cs, cf).toFixed(2) + ':1, needs 3:1; use a system colour (CanvasText, LinkText, Highlight)');
    }
    // The data line to photograph: the longest stroked polyline or path without fill (grid and
    // axis lines are <line>s, markers are filled).
    if (stroke && !fill && (sh.tagName === 'polyline' || sh.tagName === 'path')) {
      var len = 0; try { len = sh.getTotalLength(); } catch (e) {}
      if (len > bestLen) { best = sh; bestLen = len; }
    }
  }
  var texts = svg.querySelectorAll('text');
  for (var k = 0; k < texts.length; k++) {
    var t = texts[k], ts = getComputedStyle(t), f = paint(ts.fill);
    if (!t.textContent.trim() || ts.display === 'none') continue;
    var c = f ? contrast(f, canvas) : 0;
    if (c < 4.5) push('forced-colors-svg-text', t, 'in forced colours this chart text is ' + ts.fill
                      + ' on Canvas: contrast ' + c.toFixed(2) + ':1, needs 4.5:1; use fill: CanvasText');
  }
  if (best) {
    best.scrollIntoView({block: 'center'});
    var r = best.getBoundingClientRect(), bs = getComputedStyle(best);
    lines.push({selector: cssPath(best), html: snippet(best), stroke: rgba(bs.stroke), strokeName: bs.stroke,
                length: bestLen, x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height});
  }
}
var marked = document.querySelectorAll('[data-audit-bg-only]');
for (var m = 0; m < marked.length; m++) {
  var el = marked[m], st = getComputedStyle(el), bg = rgba(st.backgroundColor);
  var border = ['Top', 'Right', 'Bottom', 'Left'].some(function (k) {
    var bc = rgba(st['border' + k + 'Color']);
    return parseFloat(st['border' + k + 'Width']) > 0 && st['border' + k + 'Style'] !== 'none' && bc && contrast(bc, canvas) >= 3; });
  if (!(bg && bg.a >= 0.5 && contrast(bg, canvas) >= 3) && !border) {
    push('forced-colors-background-only', el, 'shown by its background colour alone, which forced colours replace with Canvas, '
         + 'so it disappears; give it forced-color-adjust: none and a system colour (Highlight), or a border');
  }
}
var tags = document.querySelectorAll('[data-audit-tag]');
for (var q = 0; q < tags.length; q++) {
  var tg = tags[q], tst = getComputedStyle(tg);
  var has = ['Top', 'Bottom'].every(function (k) {
    return parseFloat(tst['border' + k + 'Width']) > 0 && tst['border' + k + 'Style'] !== 'none'; });
  if (!has) push('forced-colors-tag-outline', tg, 'a tag drawn by its background colour loses its shape in forced colours; '
                 + 'give it a border (border: 1px solid currentColor)');
}
var focusables = Array.prototype.slice.call(document.querySelectorAll('a[href], button, [tabindex]:not([tabindex="-1"])'))
  .filter(function (e) { return !unseen(e) || e.classList.contains('skip-link'); });
for (var z = 0; z < focusables.length; z++) {
  var fe = focusables[z];
  fe.focus({preventScroll: true, focusVisible: true});
  // Without a focused page (a headless browser whose window the system never focused) focus
  // moves but neither :focus nor :focus-visible matches, so the focus styles cannot be read.
  // audit.py turns on focus emulation; if that ever fails, say so rather than pass unmeasured.
  if (!fe.matches(':focus') || !fe.matches(':focus-visible')) {
    push('forced-colors-focus-unmeasured', fe, 'focus styles could not be measured: after focus() the element '
         + 'does not match :focus-visible (document.hasFocus() is ' + document.hasFocus() + ')');
    fe.blur();
    continue;
  }
  var fs = getComputedStyle(fe), oc = rgba(fs.outlineColor);
  // 'auto' is the browser's own focus ring, which forced colours draw in the system colours.
  var ok = fs.outlineStyle === 'auto'
    || (fs.outlineStyle !== 'none' && parseFloat(fs.outlineWidth) >= 2 && oc && contrast(oc, canvas) >= 3);
  if (!ok) {
    push('forced-colors-focus', fe, 'no visible focus outline in forced colours (outline ' + fs.outlineStyle + ' '
         + fs.outlineWidth + ' ' + fs.outlineColor + '); box shadows and backgrounds are dropped there, so use an outline');
  }
  fe.blur();
}
window.scrollTo(0, 0);
return {problems: out, lines: lines, canvas: canvas};
"""

TEXT_SPACING_CSS = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; "
    "word-spacing: 0.16em !important; } "
    "p { margin-bottom: 2em !important; }")

TEXT_SPACING_JS = COMMON_JS + r"""
var style = document.createElement('style');
style.id = 'audit-text-spacing';
style.textContent = arguments[0];
document.head.appendChild(style);
void document.body.offsetHeight;
var out = [];
function push(rule, el, msg) { out.push({rule: rule, selector: cssPath(el), html: snippet(el), message: msg}); }
var all = document.body.querySelectorAll('*');
for (var i = 0; i < all.length; i++) {
  var el = all[i];
  if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
  var s = getComputedStyle(el);
  var hides = function (v) { return v === 'hidden' || v === 'clip'; };
  if (!(hides(s.overflowX) || hides(s.overflowY) || s.textOverflow === 'ellipsis')) continue;
  if (!(el.textContent || '').trim() || unseen(el)) continue;
  var dx = el.scrollWidth - el.clientWidth, dy = el.scrollHeight - el.clientHeight;
  if ((hides(s.overflowY) && dy > 1) || (hides(s.overflowX) && dx > 1)) {
    push('text-spacing-clipped', el, 'with WCAG 1.4.12 text spacing its text needs ' + el.scrollWidth + 'x' + el.scrollHeight
         + ' px but it shows ' + el.clientWidth + 'x' + el.clientHeight + ' and hides the rest (overflow '
         + s.overflowX + '/' + s.overflowY + '); let it grow (min-height, not height)');
  }
}
// Every line box of text (HTML text nodes, SVG text elements), then any two that overlap.
var boxes = [];
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
var node, range = document.createRange();
while ((node = walker.nextNode())) {
  if (!node.textContent.trim()) continue;
  var owner = node.parentElement;
  if (!owner || owner.closest('svg') || owner.closest('script, style, noscript') || unseen(owner)) continue;
  range.selectNodeContents(node);
  var rects = range.getClientRects();
  for (var j = 0; j < rects.length; j++) {
    var r = rects[j];
    if (r.width > 1 && r.height > 1) boxes.push({el: owner, node: node, l: r.left + scrollX, t: r.top + scrollY, r: r.right + scrollX, b: r.bottom + scrollY});
  }
}
var svgTexts = document.querySelectorAll('svg text');
for (var k = 0; k < svgTexts.length; k++) {
  var te = svgTexts[k];
  if (!te.textContent.trim() || unseen(te)) continue;
  var br = te.getBoundingClientRect();
  if (br.width > 1 && br.height > 1) boxes.push({el: te, node: te, l: br.left + scrollX, t: br.top + scrollY, r: br.right + scrollX, b: br.bottom + scrollY});
}
boxes.sort(function (a, b) { return a.t - b.t; });
var reported = new Set();
// A line box is taller than its glyphs; overlaps under 3 px either way are the boxes touching, not the text.
var slack = 3;
for (var a = 0; a < boxes.length; a++) {
  var A = boxes[a];
  for (var b = a + 1; b < boxes.length && boxes[b].t < A.b - slack; b++) {
    var B = boxes[b];
    if (A.node === B.node || A.el.contains(B.el) && A.node === B.node) continue;
    var w = Math.min(A.r, B.r) - Math.max(A.l, B.l), h = Math.min(A.b, B.b) - Math.max(A.t, B.t);
    if (w > slack && h > slack) {
      var key = cssPath(A.el) + '|' + cssPath(B.el);
      if (reported.has(key)) continue;
      reported.add(key);
      push('text-spacing-overlap', A.el, 'with WCAG 1.4.12 text spacing its text overlaps the text of ' + cssPath(B.el)
           + ' (' + snippet(B.el).slice(0, 60) + ') by ' + Math.round(w) + 'x' + Math.round(h)
           + ' px; do not fix heights or positions of boxes that hold text');
    }
  }
}
style.remove();
return out;
"""

TARGET_SIZE_JS = COMMON_JS + r"""
var min = arguments[0], out = [];
// Words in a block's own running text, outside links and outside nested blocks.
function inlineWords(block) {
  var text = '';
  (function walk(n) {
    for (var c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) text += ' ' + c.textContent;
      else if (c.nodeType === 1 && c.tagName.toLowerCase() !== 'a'
               && getComputedStyle(c).display.indexOf('inline') === 0) walk(c);
    }
  })(block);
  return (text.match(/\p{L}{2,}/gu) || []).length;
}
var regions = 'header, nav, footer, [role="banner"], [role="navigation"], [role="contentinfo"], .breadcrumbs';
var download = /\.(csv|json|xlsx?|ods|zip)(\?|#|$)/i;
var targets = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"]');
for (var i = 0; i < targets.length; i++) {
  var el = targets[i];
  var href = el.getAttribute('href') || '';
  var isDownload = el.hasAttribute('download') || (download.test(href) && !/^[a-z]+:/i.test(href));
  if (!(el.closest(regions) || el.classList.contains('skip-link') || isDownload)) continue;
  if (unseen(el) && !el.classList.contains('skip-link')) continue;
  // Inline in a sentence: the block around it has words of its own besides the link's.
  var block = el.parentElement;
  while (block && getComputedStyle(block).display.indexOf('inline') === 0) block = block.parentElement;
  if (block && el.tagName.toLowerCase() === 'a' && (inlineWords(block) >= 2)) continue;
  var r = el.getBoundingClientRect();
  if (r.width < min - 0.5 || r.height < min - 0.5) {
    out.push({rule: 'target-size-enhanced', selector: cssPath(el), html: snippet(el),
              message: 'target is ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' CSS px; WCAG 2.5.5 asks for '
                       + min + 'x' + min + ' (min-height/min-width, or padding), unless it is a link inside a sentence'});
  }
}
return out;
"""


def set_media(driver, scheme: str, forced: bool) -> None:
    features = [{"name": "prefers-color-scheme", "value": scheme},
                {"name": "forced-colors", "value": "active" if forced else "none"}]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": features})


# ---------------------------------------------------------------------------
# pixels: a chart line must show in a screenshot taken in forced colours
# ---------------------------------------------------------------------------

def decode_png(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, channels, raw pixel rows) of an 8-bit RGB/RGBA PNG, as Chromium writes."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", 0
    height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    out = bytearray(height * stride)
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out[y * stride:(y + 1) * stride] = line
        prev = line
    return width, height, channels, bytes(out)


def screenshot(driver, x: float, y: float, w: float, h: float) -> tuple[int, int, int, bytes]:
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": max(0.0, x - 2), "y": max(0.0, y - 2), "width": w + 4, "height": h + 4, "scale": 1}})
    return decode_png(base64.b64decode(shot["data"]))


def line_pixels(png: tuple[int, int, int, bytes], stroke: dict, canvas: dict) -> int:
    """Pixels near the line's colour that stand out from Canvas (anti-aliased edges excluded)."""
    width, height, ch, px = png
    sr, sg, sb = stroke["r"], stroke["g"], stroke["b"]
    cr, cg, cb = canvas["r"], canvas["g"], canvas["b"]
    if abs(sr - cr) + abs(sg - cg) + abs(sb - cb) < 60:
        return 0   # the line's colour is the background's: nothing can show
    n = 0
    for i in range(0, width * height * ch, ch):
        r, g, b = px[i], px[i + 1], px[i + 2]
        if abs(r - sr) + abs(g - sg) + abs(b - sb) <= 90 and abs(r - cr) + abs(g - cg) + abs(b - cb) >= 60:
            n += 1
    return n


def pixels_needed(width: float, height: float) -> int:
    """A drawn line of stroke 2 px or more shows at least ~1 pixel of its colour per px of length;
    asking for 0.3 per px of its box's diagonal leaves room for anti-aliasing."""
    return max(3, int(0.3 * (width * width + height * height) ** 0.5))
