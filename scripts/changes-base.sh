#!/bin/sh
# Prints the commit `make changes` compares content/ with, and says on stderr which and why.
#   scripts/changes-base.sh [REF]
# REF given: that commit. In CI, the pull request's base: GitLab's CI_MERGE_REQUEST_DIFF_BASE_SHA;
# on GitHub (GITHUB_BASE_REF) the first parent of the merge commit it tests, or the merge base
# with the base branch. Locally, the merge base with the branch's upstream. When that is this
# very commit (main, after a commit or a pull), the commit before it, unless content/ has
# uncommitted changes; so a commit never makes the report say "Nothing changed".
# A shallow clone is deepened as far as needed. Exit 2, with the fix in words, when no base is found.
set -eu

say() { echo "make changes: $*" >&2; }
fail() { say "$*"; exit 2; }
short() { git rev-parse --short "$1"; }
shallow() { [ "$(git rev-parse --is-shallow-repository)" = true ]; }
have() { git cat-file -e "$1^{commit}" 2>/dev/null; }

# Makes sure a commit named by its hash is here, fetching it alone if it is not.
need() {
    have "$1" || git fetch --no-tags --quiet --depth=1 origin "$1" >&2 || true
    have "$1" || fail "commit $1 is not in this clone and could not be fetched; run git fetch origin, or pass BASE=<git ref>"
}

# The merge base of HEAD and $1, deepening a shallow clone until it is found.
merge_base() {
    tries=0
    until base=$(git merge-base HEAD "$1" 2>/dev/null); do
        shallow && [ "$tries" -lt 8 ] || fail "the history is too shallow to find where this branch left $1; run git fetch --unshallow origin, or pass BASE=<git ref>"
        git fetch --no-tags --quiet --deepen=50 origin >&2 || true
        tries=$((tries + 1))
    done
    echo "$base"
}

# The commit before HEAD, deepening a one-commit clone to reach it.
previous() {
    have HEAD~1 || { shallow && git fetch --no-tags --quiet --deepen=1 origin >&2; } || true
    have HEAD~1 || fail "HEAD is the first commit here (or the clone is too shallow): there is nothing to compare with; pass BASE=<git ref>"
    git rev-parse HEAD~1
}

git rev-parse --git-dir >/dev/null 2>&1 || fail "not a git checkout; pass BASE=<git ref>, or run plansite changes OLD_CONTENT_FOLDER"

if [ -n "${1:-}" ]; then
    git rev-parse --verify --quiet "$1^{commit}" || fail "BASE=$1 names no commit here; fetch it (git fetch origin $1) or name another"
    say "comparing with $1 ($(short "$1^{commit}"))"
    exit 0
fi

if [ -n "${CI_MERGE_REQUEST_DIFF_BASE_SHA:-}" ]; then
    need "$CI_MERGE_REQUEST_DIFF_BASE_SHA"
    say "comparing with the merge request's base commit $(short "$CI_MERGE_REQUEST_DIFF_BASE_SHA")"
    echo "$CI_MERGE_REQUEST_DIFF_BASE_SHA"
    exit 0
fi

if [ -n "${GITHUB_BASE_REF:-}" ]; then
    # actions/checkout tests a merge commit of the pull request into its base: its first parent is the base.
    parents=$(git cat-file -p HEAD | sed -n 's/^parent //p')
    if [ "$(echo "$parents" | wc -l)" -eq 2 ]; then
        first=$(echo "$parents" | head -n 1)
        need "$first"
        say "comparing with the pull request's base, $GITHUB_BASE_REF at $(short "$first")"
        echo "$first"
        exit 0
    fi
    git fetch --no-tags --quiet origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/origin/$GITHUB_BASE_REF" >&2 \
        || fail "cannot fetch the base branch $GITHUB_BASE_REF from origin"
    base=$(merge_base "origin/$GITHUB_BASE_REF")
    say "comparing with where this pull request left $GITHUB_BASE_REF ($(short "$base"))"
    echo "$base"
    exit 0
fi

branch=$(git rev-parse --abbrev-ref HEAD)
if upstream=$(git rev-parse --abbrev-ref --symbolic-full-name '@{upstream}' 2>/dev/null); then
    base=$(merge_base "$upstream")
    why="where this branch left $upstream"
elif trunk=$(git rev-parse --verify --quiet main || git rev-parse --verify --quiet master) \
        && [ "$branch" != main ] && [ "$branch" != master ]; then
    base=$(merge_base "$trunk")
    why="where this branch left $(git rev-parse --verify --quiet main >/dev/null && echo main || echo master)"
else
    base=$(git rev-parse HEAD)
fi
if [ "$base" = "$(git rev-parse HEAD)" ]; then
    if [ -n "$(git status --porcelain -- content)" ]; then
        say "comparing with the last commit ($(short HEAD)): content/ has changes not yet committed"
        echo "$base"
        exit 0
    fi
    base=$(previous)
    why="the commit before this one${upstream:+ (this branch has no commits beyond $upstream)}"
fi
say "comparing with $why ($(short "$base"))"
echo "$base"
