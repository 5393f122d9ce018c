#!/usr/bin/env bash
# Checks Markdown docs the way the spec's quality bar says: markdownlint-cli2
# passes (config .markdownlint-cli2.yaml: MD013 off, MD033 allows only <br>)
# and every ```mermaid block renders with mmdc.
#
#   scripts/check-docs.sh [FILES...] [--lint-only FILES...]
#
# Default files: examples/*.md and testdata/stress/*.md (those that exist).
# Files after --lint-only are linted but their Mermaid blocks are not
# rendered (at about 0.7 s a block, a large random corpus would take
# minutes).
# The tools are pinned in tools/docs/package-lock.json and installed on first
# use with `npm ci --prefix tools/docs` (no browser download: mmdc drives the
# system's /usr/bin/chromium). Without npm, or without chromium, that check is
# skipped with a message. CHECK_DOCS_INSTALL=1 installs chromium with apt-get
# when it is missing; CHECK_DOCS_JOBS sets how many diagrams mmdc renders at
# once (default: the number of CPUs); CHECK_DOCS_CHROMIUM names another
# browser than /usr/bin/chromium.
#
# Mermaid blocks are rendered in one mmdc run (one browser launch); mmdc stops
# at the first bad block without naming it, so after a failed run the first
# block without an SVG is rendered alone to name the culprit and get its
# error, and the blocks after it are batched again.
#
# Exit status: 0 when every check that ran passed, 1 otherwise, 2 on usage
# errors.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=$ROOT/tools/docs
BIN=$TOOLS/node_modules/.bin
CHROMIUM=${CHECK_DOCS_CHROMIUM:-/usr/bin/chromium} # the browser mmdc drives
JOBS=${CHECK_DOCS_JOBS:-$(nproc 2>/dev/null || echo 2)} # diagrams mmdc renders at once
START=$EPOCHREALTIME

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
files=()
lint_only=()
only=no
while [ $# -gt 0 ]; do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --lint-only) only=yes ;;
    --) ;;
    -*) echo "check-docs: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) if [ $only = yes ]; then lint_only+=("$1"); else files+=("$1"); fi ;;
  esac
  shift
done

if [ ${#files[@]} -gt 0 ] || [ ${#lint_only[@]} -gt 0 ]; then
  :
else
  shopt -s nullglob
  files=("$ROOT"/examples/*.md "$ROOT"/testdata/stress/*.md)
  shopt -u nullglob
fi

failures=0
blocks=0
fail() { # fail MESSAGE: print one failure and count it
  echo "$1"
  failures=$((failures + 1))
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/check-docs.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

existing=()      # linted and their diagrams rendered
existing_lint=() # linted only
for f in "${files[@]+"${files[@]}"}"; do
  if [ -f "$f" ]; then existing+=("$f"); else fail "$f: no such file"; fi
done
for f in "${lint_only[@]+"${lint_only[@]}"}"; do
  if [ -f "$f" ]; then existing_lint+=("$f"); else fail "$f: no such file"; fi
done
linted=("${existing[@]+"${existing[@]}"}" "${existing_lint[@]+"${existing_lint[@]}"}")

# tools_ready: installs the pinned npm tools when they are missing or older
# than the lock file. Returns 1 when npm is not there.
tools_ready() {
  command -v npm >/dev/null 2>&1 || return 1
  if [ -x "$BIN/markdownlint-cli2" ] && [ -x "$BIN/mmdc" ] &&
    [ ! "$TOOLS/package-lock.json" -nt "$TOOLS/node_modules/.package-lock.json" ]; then
    return 0
  fi
  echo "check-docs: installing markdownlint-cli2 and mermaid-cli into tools/docs/node_modules ..." >&2
  if ! PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --prefix "$TOOLS" >"$TMP/npm.log" 2>&1; then
    tail -n 20 "$TMP/npm.log" >&2
    fail "check-docs: npm ci --prefix tools/docs failed"
  fi
  return 0
}

have_tools=yes
tools_ready || have_tools=no

# ---- markdownlint -----------------------------------------------------------
if [ ${#linted[@]} -eq 0 ]; then
  :
elif [ $have_tools = no ]; then
  echo "check-docs: skipped markdownlint (npm not found)"
elif [ ! -x "$BIN/markdownlint-cli2" ]; then
  fail "check-docs: markdownlint-cli2 is not installed in tools/docs"
else
  literal=()
  for f in "${linted[@]}"; do literal+=(":$f"); done # ":" = a path, not a glob
  rc=0
  "$BIN/markdownlint-cli2" --config "$ROOT/.markdownlint-cli2.yaml" "${literal[@]}" >"$TMP/lint.log" 2>&1 || rc=$?
  issues=$(grep -cE '^.+:[0-9]+(:[0-9]+)? (error|warning) MD[0-9]+' "$TMP/lint.log" || true)
  grep -vE '^(markdownlint-cli2 v|Finding: |Linting: |Summary: )' "$TMP/lint.log" || true
  failures=$((failures + issues))
  if [ "$rc" -ne 0 ] && [ "$issues" -eq 0 ]; then
    fail "check-docs: markdownlint-cli2 failed (exit $rc)"
  fi
fi

# ---- mermaid ----------------------------------------------------------------
# Extract every mermaid fenced block (CommonMark fences: ``` or ~~~, up to 3
# spaces of indent, closed by the same character at least as long). Block k
# goes to $TMP/blocks/k.mmd; index.tsv holds "k<TAB>line<TAB>file" with the
# line of the opening fence.
mkdir -p "$TMP/blocks"
if [ ${#existing[@]} -gt 0 ]; then
  awk -v dir="$TMP/blocks" '
    function finish() {
      if (fence && mermaid) close(out)
      fence = 0; mermaid = 0
    }
    FNR == 1 { finish() }
    {
      line = $0
      sub(/\r$/, "", line)
      if (!fence) {
        if (line !~ /^ ? ? ?(```|~~~)/) next
        ind = 0
        while (substr(line, ind + 1, 1) == " ") ind++
        ch = substr(line, ind + 1, 1)
        flen = 0
        while (substr(line, ind + flen + 1, 1) == ch) flen++
        info = substr(line, ind + flen + 1)
        if (ch == "`" && index(info, "`")) next   # inline code, not a fence
        sub(/^[ \t]+/, "", info)
        split(info, word, /[ \t]/)
        fence = 1
        mermaid = (word[1] == "mermaid")
        if (mermaid) {
          n++
          out = dir "/" n ".mmd"
          printf "" > out
          printf "%d\t%d\t%s\n", n, FNR, FILENAME > (dir "/index.tsv")
        }
        next
      }
      rest = line
      k = 0
      while (k < 3 && substr(rest, 1, 1) == " ") { rest = substr(rest, 2); k++ }
      closing = rest
      m = 0
      while (substr(closing, m + 1, 1) == ch) m++
      if (m >= flen && substr(closing, m + 1) ~ /^[ \t]*$/) { finish(); next }
      if (mermaid) {
        # content lines lose up to the fence indent
        k = 0
        while (k < ind && substr(line, 1, 1) == " ") { line = substr(line, 2); k++ }
        print line > out
      }
    }
    END { finish() }
  ' "${existing[@]}"
fi
[ -f "$TMP/blocks/index.tsv" ] || : >"$TMP/blocks/index.tsv"
blocks=$(wc -l <"$TMP/blocks/index.tsv")

# where K: "file:line" of block K
where() { awk -F'\t' -v k="$1" '$1 == k { print $3 ":" $2; exit }' "$TMP/blocks/index.tsv"; }

# report_mmdc K ERRFILE: one failure line for block K from mmdc's stderr,
# plus up to three lines of context (never the stack trace).
report_mmdc() {
  local first
  first=$(grep -m1 -v '^[[:space:]]*$' "$2" || true)
  fail "$(where "$1"): mermaid block failed: ${first:-mmdc failed with no message}"
  grep -v '^[[:space:]]*$' "$2" | sed -n '2,4p' |
    awk '/^[[:space:]]+at |^[A-Za-z_.]+ \(/ { exit } { print "    " $0 }' || true
}

# check_svg K SVG: fails block K when mermaid drew its error picture.
check_svg() {
  if grep -q "Syntax error" "$2"; then
    fail "$(where "$1"): mermaid block failed: Syntax error (mermaid drew its error picture)"
  fi
}

# limit SECONDS for COUNT blocks
limit() { echo $((60 + 5 * $1)); }

browser_broken=no

# render_one K: renders block K alone.
render_one() {
  local k=$1 d=$TMP/one-$1 rc=0
  mkdir -p "$d"
  timeout "$(limit 1)" "$BIN/mmdc" -q -p "$TMP/puppeteer.json" -i "$TMP/blocks/$k.mmd" -o "$d/out.svg" \
    >"$d/stdout" 2>"$d/stderr" || rc=$?
  if [ $rc -eq 124 ]; then
    fail "$(where "$k"): mermaid block failed: mmdc timed out"
  elif [ $rc -ne 0 ] && grep -q "Failed to launch the browser" "$d/stderr"; then
    # Not the block's fault: stop rather than fail every block the same way.
    fail "check-docs: mmdc could not start $CHROMIUM; mermaid checks stopped"
    grep -v '^[[:space:]]*$' "$d/stderr" | awk '/^[[:space:]]+at / { exit } NR <= 4 { print "    " $0 }' || true
    browser_broken=yes
  elif [ $rc -ne 0 ] || [ ! -s "$d/out.svg" ]; then
    report_mmdc "$k" "$d/stderr"
  else
    check_svg "$k" "$d/out.svg"
  fi
}

# render_batch K...: renders the blocks in one mmdc run; on failure names the
# culprit with render_one and batches the blocks after it again.
batch_no=0
render_batch() {
  while [ $# -gt 0 ] && [ $browser_broken = no ]; do
    if [ $# -eq 1 ]; then render_one "$1"; return; fi
    batch_no=$((batch_no + 1))
    local d=$TMP/batch-$batch_no rc=0 i=0 k missing=() first_missing=
    mkdir -p "$d"
    for k in "$@"; do
      printf '```mermaid\n'
      cat "$TMP/blocks/$k.mmd"
      printf '```\n\n'
    done >"$d/in.md"
    timeout "$(limit $#)" "$BIN/mmdc" -q -j "$JOBS" -p "$TMP/puppeteer.json" -i "$d/in.md" -o "$d/out.md" \
      >"$d/stdout" 2>"$d/stderr" || rc=$?
    for k in "$@"; do
      i=$((i + 1))
      if [ -s "$d/out-$i.svg" ]; then
        check_svg "$k" "$d/out-$i.svg"
      elif [ -z "$first_missing" ]; then
        first_missing=$k
      else
        missing+=("$k")
      fi
    done
    [ -z "$first_missing" ] && return
    if [ $rc -eq 0 ]; then
      # mmdc said yes but drew nothing for these: check them one by one.
      render_one "$first_missing"
      for k in "${missing[@]+"${missing[@]}"}"; do
        [ $browser_broken = no ] && render_one "$k"
      done
      return
    fi
    render_one "$first_missing"
    set -- "${missing[@]+"${missing[@]}"}"
  done
}

if [ "$blocks" -gt 0 ]; then
  if [ ! -x "$CHROMIUM" ] && [ "${CHECK_DOCS_INSTALL:-}" = 1 ]; then
    SUDO=
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    echo "check-docs: installing chromium with apt-get ..." >&2
    $SUDO apt-get update >&2 || true
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2 ||
      fail "check-docs: apt-get install chromium failed"
  fi
  if [ $have_tools = no ]; then
    echo "check-docs: skipped mermaid (npm not found)"
  elif [ ! -x "$CHROMIUM" ]; then
    echo "check-docs: skipped mermaid (install chromium: apt-get install -y chromium)"
  elif [ ! -x "$BIN/mmdc" ]; then
    fail "check-docs: mmdc is not installed in tools/docs"
  else
    printf '{"executablePath": "%s", "args": ["--no-sandbox", "--disable-gpu"]}\n' "$CHROMIUM" >"$TMP/puppeteer.json"
    # A block with a line ending in ``` or ::: would be cut short by mmdc's
    # Markdown reader: render those alone, from their own .mmd file.
    batch=()
    for k in $(seq 1 "$blocks"); do
      [ $browser_broken = no ] || break
      if grep -qE '(```|:::)[[:space:]]*$' "$TMP/blocks/$k.mmd"; then
        render_one "$k"
      else
        batch+=("$k")
      fi
    done
    [ ${#batch[@]} -eq 0 ] || [ $browser_broken = yes ] || render_batch "${batch[@]}"
  fi
fi

secs=$(awk -v a="$START" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
summary="${#linted[@]} files"
[ ${#existing_lint[@]} -eq 0 ] || summary="$summary (${#existing_lint[@]} lint only)"
echo "check-docs: $summary, $blocks mermaid blocks, $failures failures ($secs s)"
[ "$failures" -eq 0 ]
