#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers (docs/robustness.md): builds Fuzz/ with
# `-sanitize=fuzzer` in its own build folder and runs libFuzzer for SECONDS seconds.
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags]
# The corpus grows in $FUZZ_DIR/corpus (kept between runs); crashing inputs are written to
# $FUZZ_DIR/findings. Seeds: every indicator, page and site.yml of the fixtures, each behind
# the byte that chooses its reader (0 indicator, 1 page, 2 site.yml, 3 CSV fields, 4 indicator CSV).
set -euo pipefail
seconds=${1:-60}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
FUZZ_DIR=${FUZZ_DIR:-$root/.build-fuzz}
export PATH=/opt/swift/usr/bin:$PATH
# libFuzzer, not Swift's backtracer, must catch a trap, so it writes the input that caused it.
export SWIFT_BACKTRACE=enable=no

# FUZZ_BINARY=path runs a fuzzer built before (from a copy of the sources, say) without building.
if [ -z "${FUZZ_BINARY:-}" ]; then
  swift build --package-path "$root/Fuzz" --scratch-path "$FUZZ_DIR" -c release --product PlanSiteFuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -enable-testing >&2
fi
binary=${FUZZ_BINARY:-$FUZZ_DIR/release/PlanSiteFuzz}

seeds="$FUZZ_DIR/seeds"
rm -rf "$seeds" && mkdir -p "$seeds" "$FUZZ_DIR/corpus" "$FUZZ_DIR/findings"
n=0
seed() {  # seed SELECTOR FILE
  n=$((n + 1))
  { printf "\\x$1"; cat "$2"; } > "$seeds/$n"
}
while IFS= read -r -d '' file; do
  case "$file" in
    */site.yml) seed 02 "$file" ;;
    *.yml) seed 00 "$file" ;;
    *.md) seed 01 "$file" ;;
    *.csv) seed 04 "$file" ;;
  esac
done < <(find "$root/content" "$root/Tests" -type f \( -name '*.yml' -o -name '*.md' -o -name '*.csv' \) -size -64k -print0)
# The inputs that once crashed or hung, kept as cases (Fuzz/crashes/).
cp "$root"/Fuzz/crashes/* "$seeds/" 2>/dev/null || true
printf '\x03=1+2|-3|a,b|"q"|\t=x|\r=y|caf\xc3\xa9\nline' > "$seeds/csv"

cd "$FUZZ_DIR/findings"
exec "$binary" "$FUZZ_DIR/corpus" "$seeds" -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "$@"
