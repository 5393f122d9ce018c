#!/usr/bin/env bash
# Runs the peer benchmark (shared/peers: cookiecutter, hygen, plop, goref,
# hello) with our CLI as the row "ours", on our own schema-v1 workloads.
#
#   scripts/bench-peers.sh [run.sh options...]
#   scripts/bench-peers.sh -n 3 -s "10 100 1000"     # quicker
#
# Options go to the peers' run.sh: -n RUNS (default 5), -w WARMUP (1),
# -s "SIZES" ("10 100 1000 10000"), -t SECONDS (300).
#
# It builds bin/designdoc, writes ours-N.designdoc.yaml with tools/benchgen
# for every size, copies the peers into the work folder (the shared copy may
# be read-only; an earlier copy's node_modules/ and bin/ are kept), runs their
# install.sh when hygen, plop or cookiecutter are missing (apt + npm: takes a
# few minutes), then their run.sh with
#   bin/designdoc render WORK/ours-{n}.designdoc.yaml -o {out} --force
# Our doc differs from goref's (another schema and template): run.sh reports
# "differs", which is expected, not a failure.
#
# Environment: BENCH_DIR work folder (default /tmp/designdoc-bench);
# PEERS_DIR the peers to copy (default ../shared/peers beside the repo);
# BENCH_OURS replaces our command line (run.sh placeholders, plus {work} for
# the work folder), e.g. to try the harness with goref standing in:
#   BENCH_OURS='bin/goref {work}/ours-{n}.designdoc.yaml -o {out}'
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-/tmp/designdoc-bench}
PEERS_SRC=${PEERS_DIR:-$ROOT/../shared/peers}
SIZES="10 100 1000 10000" # run.sh's default; -s below overrides

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
die() {
  echo "bench-peers: $*" >&2
  exit 1
}

# The sizes run.sh will use, so that there is a workload for each.
sizes_from_args() {
  local OPTIND=1 opt
  while getopts "n:w:s:t:h" opt; do
    case $opt in
      s) SIZES=$OPTARG ;;
      h) usage; exit 0 ;;
      \?) usage >&2; exit 2 ;;
      *) ;;
    esac
  done
  if [ $OPTIND -le $# ]; then
    echo "bench-peers: takes run.sh options only; our command is built in (set BENCH_OURS to change it)" >&2
    exit 2
  fi
}
sizes_from_args "$@"
for n in $SIZES; do
  case $n in '' | *[!0-9]* | 0) die "bad size '$n' in -s" ;; esac
done

[ -d "$PEERS_SRC" ] || die "no peers at $PEERS_SRC (set PEERS_DIR)"
PEERS_SRC=$(cd "$PEERS_SRC" && pwd)
command -v go >/dev/null || die "go not found"

# 1. Our binary and workloads.
echo "bench-peers: building bin/designdoc ..." >&2
[ -d "$ROOT/cmd/designdoc" ] || die "no ./cmd/designdoc in $ROOT yet: nothing to benchmark"
# The binary a user gets from make build: static and stripped.
(cd "$ROOT" && make --no-print-directory build) || die "make build failed"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
(cd "$ROOT" && go build -o "$WORK/benchgen" ./tools/benchgen) || die "go build ./tools/benchgen failed"
for n in $SIZES; do
  "$WORK/benchgen" -n "$n" -o "$WORK/ours-$n.designdoc.yaml"
  rm -f "$WORK/ours-$n.md" # run.sh writes {out} inside the peers' work/
done
echo "bench-peers: workloads in $WORK (ours-N.designdoc.yaml)" >&2

# 2. A writable copy of the peers, keeping what an earlier run installed.
PEERS=$WORK/peers
mkdir -p "$PEERS"
chmod -R u+w "$PEERS"
find "$PEERS" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name bin ! -name work -exec rm -rf {} +
cp -R "$PEERS_SRC/." "$PEERS/"
chmod -R u+w "$PEERS"

# 3. The peers themselves, once per machine.
if ! command -v cookiecutter >/dev/null || [ ! -x "$PEERS/node_modules/.bin/hygen" ] ||
  [ ! -x "$PEERS/node_modules/.bin/plop" ]; then
  echo "bench-peers: installing the peers (apt-get cookiecutter, npm ci hygen + plop); this takes a few minutes ..." >&2
  t0=$SECONDS
  (cd "$PEERS" && PUPPETEER_SKIP_DOWNLOAD=1 ./install.sh) >&2 || die "peers' install.sh failed"
  echo "bench-peers: peers installed in $((SECONDS - t0)) s" >&2
fi

# 4. The comparison. run.sh splits our command line into words with the
# shell's rules, so paths are quoted for it.
ours=${BENCH_OURS:-"$(printf %q "$ROOT/bin/designdoc") render {work}/ours-{n}.designdoc.yaml -o {out} --force"}
ours=${ours//\{work\}/$(printf %q "$WORK")}
echo "bench-peers: ours = $ours" >&2
"$PEERS/run.sh" "$@" "$ours"
echo >&2
echo "bench-peers: report in $PEERS/work/results.md, raw lines in $PEERS/work/results.tsv, tool output in $PEERS/work/tool-output.log" >&2
