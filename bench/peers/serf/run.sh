#!/usr/bin/env bash
# Side-by-side loopback benchmark: Grapevine and HashiCorp Serf, same scenarios (S1, S1ROLL,
# S2-S5 of DESIGN.md and docs/PERFORMANCE.md), same N, one after the other on this machine, in one
# invocation. Not part of CI. See docs/PERFORMANCE.md.
#
#   bench/peers/serf/run.sh [--install] [--nodes "8 32 64"] [--scenarios "s1 s1roll s2 s2stop s2pause2 s2pause5 s3 s4 s5"]
#                           [--runs 5] [--s1-runs 10] [--duration-s 60] [--s5-settle-s 30] [--out DIR]
#
#   --install     apt-get update && apt-get install -y serf (needs root; Debian's package)
#   --nodes       cluster sizes (default "8 32 64")
#   --scenarios   which scenarios (default all: s1, s1roll (rolling join), s2, s2stop (S2 with the
#                 victim frozen by SIGSTOP instead of killed, a silent failure whose ports do not
#                 refuse), s2pause2 and s2pause5 (the victim frozen for 2 s / 5 s, then resumed:
#                 counts members that declared it dead, 0 when the pause was tolerated), s3, s4, s5)
#   --runs        measured runs for S2-S5 (default 5); --s1-runs for S1 and S1ROLL (default 10)
#   --duration-s  S5 idle measurement per run (default 60)
#   --s5-settle-s S5: how long both systems idle after convergence before the measured window
#                 (default 30): an idle cluster is one that has been up a while, and a fresh JVM
#                 spends its first seconds compiling (docs/PERFORMANCE.md, "Idle cost")
#   --out         where everything goes (default /tmp/grapevine-bench/<UTC timestamp>, outside
#                 the repository): report.txt (the text reports), summary.jsonl (one compact
#                 summary line per scenario and N: the figures, setup, commit and command, what
#                 docs/PERFORMANCE.md's tables are made of), json/ (full JSON reports), trace/
#                 (every node's reports, per run) and work/ (agent logs, Serf configs)
#
# The figures worth keeping are summary.jsonl (and report.txt); traces and work files stay
# out of git. Build the jar first under the shared lock on a shared machine
# (flock /tmp/mvn.lock ./mvnw -B -pl grapevine-bench -am package -DskipTests), then run this
# script under the same lock so that no build runs beside it.
#
# Grapevine nodes run as separate JVMs (--processes) for every N, so per-node CPU and RSS
# compare process with process. Before each invocation the script waits (30 s at a time,
# at most 20 times) for any other Maven or surefire run on the machine to finish, and says so
# in the report if it had to go ahead under load.
set -euo pipefail

install=0
nodes="8 32 64"
scenarios="s1 s1roll s2 s2stop s2pause2 s2pause5 s3 s4 s5"
runs=5
s1_runs=10
duration=60
s5_settle=30
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --install) install=1; shift ;;
    --nodes) nodes="$2"; shift 2 ;;
    --scenarios) scenarios="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --s1-runs) s1_runs="$2"; shift 2 ;;
    --duration-s) duration="$2"; shift 2 ;;
    --s5-settle-s) s5_settle="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,34p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

if [ "$install" = 1 ]; then
  apt-get update
  apt-get install -y serf
fi
if ! command -v serf >/dev/null 2>&1; then
  echo "serf is not installed; 'apt-cache policy serf' says:" >&2
  apt-cache policy serf >&2 || true
  echo "run again with --install (as root) where Debian's serf package is available" >&2
  exit 3
fi

jar="grapevine-bench/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  ./mvnw -B -q -pl grapevine-core,grapevine-net,grapevine-bench -am package -DskipTests
fi

out="${out:-${TMPDIR:-/tmp}/grapevine-bench/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out/json"
out="$(cd "$out" && pwd)"
case "$out/" in
  "$root"/*)
    if ! git -C "$root" check-ignore -q "$out/trace" 2>/dev/null; then
      echo "NOTE: $out is inside the repository and not ignored by git; keep only summary.jsonl" >&2
    fi ;;
esac
report="$out/report.txt"
summary="$out/summary.jsonl"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"

others_busy() {
  pgrep -fa 'maven|surefire' | grep -v -e "$$" -e 'pgrep' -e "$root" >/dev/null 2>&1
}

wait_quiet() {
  local tries=0
  while others_busy && [ $tries -lt 20 ]; do
    echo "another build is running; waiting 30 s ($((tries + 1))/20)" >&2
    sleep 30
    tries=$((tries + 1))
  done
  if others_busy; then
    echo "NOTE: measured while another build was running: $1" | tee -a "$report"
  fi
}

{
  echo "# Grapevine vs Serf, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "serf: $(serf version | head -1)"
  echo "commit: $commit"
  echo "command: $0 --nodes \"$nodes\" --scenarios \"$scenarios\" --runs $runs --s1-runs $s1_runs --duration-s $duration --out $out"
  echo
} | tee "$report"

for n in $nodes; do
  for name in $scenarios; do
    s="$name"; r="$runs"; warm=1; extra=()
    if [ "$s" = s2stop ]; then s=s2; extra=(--failure stop); fi
    if [ "$s" = s2pause2 ]; then s=s2pause; extra=(--pause-ms 2000); fi
    if [ "$s" = s2pause5 ]; then s=s2pause; extra=(--pause-ms 5000); fi
    if [ "$s" = s1 ] || [ "$s" = s1roll ]; then r="$s1_runs"; fi
    if [ "$s" = s5 ]; then warm=0; extra=(--duration-s "$duration" --settle-ms $((s5_settle * 1000))); fi
    wait_quiet "$name N=$n"
    java -cp "$jar" io.grapevine.bench.cluster.BenchCommand "$s" --nodes "$n" --runs "$r" --warmup "$warm" \
      --processes --peer serf --work-dir "$out/work" --trace-dir "$out/trace" --json-out "$out/json/$name-n$n.json" \
      --summary-out "$summary" "${extra[@]}" \
      2>>"$out/progress.log" | tee -a "$report" || echo "($name N=$n: some runs timed out)" | tee -a "$report"
  done
done
echo "reports in $out (summary: $summary)" >&2
