#!/usr/bin/env bash
# Prints `route=content` when a change touches only files under content/, else `route=full`
# (for $GITHUB_OUTPUT). Content-only changes are checked, built and audited with the release
# binary; anything else runs every test.
# Env: EVENT (pull_request, push or workflow_dispatch), BASE_SHA (a pull request's base),
# BEFORE_SHA (the commit a push replaced). Needs the history between them (fetch-depth: 0).
set -euo pipefail

route() { echo "route=$1"; echo "ci-route: $1 ($2)" >&2; exit 0; }

case "${EVENT:-}" in
  workflow_dispatch) route content "run by hand: republish the site as it is" ;;
  pull_request) from="${BASE_SHA:-}"; range_kind="..." ;;
  push) from="${BEFORE_SHA:-}"; range_kind=".." ;;
  *) route full "event ${EVENT:-unknown}" ;;
esac

# A new branch, a force push or a shallow clone: nothing reliable to compare with.
if [ -z "$from" ] || [ "$from" = 0000000000000000000000000000000000000000 ] \
   || ! git cat-file -e "$from^{commit}" 2>/dev/null; then
  route full "no earlier commit to compare with"
fi

changed="$(git diff --name-only "$from$range_kind${HEAD_SHA:-HEAD}")"
[ -n "$changed" ] || route full "no file changed"
if grep -qv '^content/' <<<"$changed"; then
  route full "changes outside content/: $(grep -v '^content/' <<<"$changed" | head -3 | tr '\n' ' ')"
fi
route content "$(wc -l <<<"$changed") files, all under content/"
