#!/usr/bin/env bash
# The README's three ways to publish, run exactly as written there (the block after the line
# `<!-- publish-commands … -->` in README.md, with `swift run sitegen` meaning the freshly built binary),
# in a temporary git repository holding the bundled course, whose `origin` is a local bare repository:
#   - ../www (the copied folder) passes scripts/disk-check.sh: the site works opened from disk;
#   - origin's gh-pages holds exactly public/ plus .nojekyll, in one commit;
#   - ../deploy holds exactly public/ (with its .sitegen-output marker);
#   - running both publish commands again makes no commit and rewrites no file;
#   - the author's working tree, index and HEAD are untouched.
#
# usage: scripts/publish-check.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/lib/common.sh"
sitegen="$(sitegen_binary)"

work="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-publish.XXXXXX")"
trap 'rm -rf "$work"' EXIT
project="$work/project"
copy_project "$project"
[ -d "$root/.sitegen-cache" ] && cp -R "$root/.sitegen-cache" "$project/"   # no need to train again
printf '/public/\n/.sitegen-cache/\n/.public-*\n' > "$project/.gitignore"
git init --quiet --bare "$work/remote.git"
(
  cd "$project"
  git init --quiet --initial-branch=main
  git config user.name "Publish Check"
  git config user.email "publish-check@example.org"
  git add --all
  git commit --quiet -m "Course sources"
  git remote add origin "$work/remote.git"
)
state() { (cd "$project" && git rev-parse HEAD && git symbolic-ref HEAD && git ls-files --stage | sha1sum && git status --porcelain=v1); }
before="$(state)"

commands="$(awk '/<!-- publish-commands/ {found=1; next} found && /^```sh/ {inside=1; next} inside && /^```/ {exit} inside {print}' "$root/README.md")"
[ -n "$commands" ] || { echo "publish-check: no publish-commands block in README.md" >&2; exit 1; }
run_readme() {
  while IFS= read -r line; do
    command="${line%%#*}"
    [ -z "${command// /}" ] && continue
    command="${command/swift run sitegen/\"\$sitegen\"}"
    echo "publish-check: \$ ${line%%#*}" >&2
    (cd "$project" && sitegen="$sitegen" eval "$command") >&2
  done <<< "$commands"
}
run_readme

fail() { echo "publish-check: $*" >&2; exit 1; }
listing() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha1sum); }

# 1. The copied folder works from disk.
"$root/scripts/disk-check.sh" "$work/www" >&2 || fail "the copied folder ../www does not work from disk"

# 2. The remote's gh-pages holds exactly public/ plus .nojekyll.
branch_tree="$(git --git-dir="$work/remote.git" ls-tree -r --full-tree gh-pages | awk '{print $3 "  ./" $4}' | sort -k2)"
expected="$( (cd "$project/public" && find . -type f | sort | while IFS= read -r f; do echo "$(git hash-object --no-filters "$f")  $f"; done
             echo "$(git hash-object --stdin </dev/null)  ./.nojekyll") | sort -k2)"
[ "$branch_tree" = "$expected" ] || { diff <(echo "$expected") <(echo "$branch_tree") >&2 || true; fail "origin's gh-pages is not public/ + .nojekyll"; }
[ "$(git --git-dir="$work/remote.git" rev-list --count gh-pages)" = 1 ] || fail "gh-pages should have one commit"

# 3. The deploy folder holds exactly public/.
[ "$(listing "$project/public")" = "$(listing "$work/deploy")" ] || fail "../deploy differs from public/"
[ -f "$work/deploy/.sitegen-output" ] || fail "../deploy has no .sitegen-output marker"

# 4. Nothing changed: no commit, no file rewritten.
stamps() { find "$work/deploy" -type f -printf '%P %T@\n' | sort; }
deploy_before="$(stamps)"
sleep 1
run_readme
[ "$(git --git-dir="$work/remote.git" rev-list --count gh-pages)" = 1 ] || fail "a publish with nothing changed made a commit"
[ "$(stamps)" = "$deploy_before" ] || fail "a publish with nothing changed rewrote files in ../deploy"

# 5. The author's repository is as it was.
[ "$(state)" = "$before" ] || fail "the working tree, index or HEAD changed"
echo "publish-check: ok ($(git --git-dir="$work/remote.git" ls-tree -r gh-pages | wc -l) files on gh-pages, $(find "$work/deploy" -type f | wc -l) in ../deploy)" >&2
