#!/usr/bin/env bash
# Times whole `plansite build` runs on the real content (release build) and
# prints the median of N runs. Machines here are noisy: compare medians taken
# in the same session, never a single run.
#   scripts/benchmark.sh [runs] [binary]
set -euo pipefail
runs=${1:-5}
binary=${2:-.build/release/plansite}
out=$(mktemp -d)/site
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$binary" build --output "$out" >/dev/null
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
pages=$(find "$out" -name '*.html' | wc -l)
printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" -v pages="$pages" '
  { t[NR] = $1 }
  END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "median of %d whole builds: %.3f s (min %.3f, max %.3f); %d HTML pages\n", runs, m, t[1], t[NR], pages }'
rm -rf "$(dirname "$out")"
