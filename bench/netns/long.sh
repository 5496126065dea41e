#!/usr/bin/env bash
# Runs NetnsLongFaultsTest RUNS times (default 3) and prints, per run and fault, what the healthy
# agents' own event streams showed (docs/RELIABILITY.md, "Long faults on real agents"): a gray node
# losing 80 % of the UDP and TCP packets it sends for 180 s, a node capped at 2 % CPU with a busy
# loop for 120 s, and a 2-vs-3 cut of 45 s. Columns: heal_s from the fault's end to one all-alive
# membership and every acknowledged write everywhere (negative: not within 120 s); lost writes;
# h_susp / h_dead events putting a healthy member at suspect / dead in a healthy view; the faulty
# node's status changes per observer during the fault; subj_dd how many observers held it dead.
# Needs root, ip, nft and the cgroup v1 cpu controller; about 7 minutes a run on 2 cores. A run
# whose assertions fail still adds its figures; the script then exits 1 at the end.
#
#   [AGENT_ARGS="--proof-first-acks 4"] bench/netns/long.sh [RUNS]
#
# AGENT_ARGS: more flags for every agent (the system property grapevine.netns.agentArgs).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
[[ $runs =~ ^[0-9]+$ ]] && ((runs >= 1 && runs <= 20)) || { echo "long.sh: RUNS must be in 1..20: $runs" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "long.sh: must run as root (network namespaces, nftables, cgroups)" >&2; exit 2; }
figures=grapevine-agent/target/netns-long-figures.tsv
trap 'bench/netns/netns.sh down' EXIT
rm -f "$figures"
failed=0
for ((i = 1; i <= runs; i++)); do
  echo "run $i of $runs" >&2
  log=grapevine-agent/target/netns-long-run-$i.log
  if ! ./mvnw -B -o -q -pl grapevine-agent -am test -Dtest=NetnsLongFaultsTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dgroups=netns-long "-Dgrapevine.netns.agentArgs=${AGENT_ARGS:-}" >"$log" 2>&1; then
    echo "long.sh: run $i failed, see $log" >&2
    failed=1
  fi
done
[[ -s $figures ]] || { echo "long.sh: no figures in $figures" >&2; exit 1; }
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + local changes'), $runs runs, agent args: ${AGENT_ARGS:-(none)}"
printf '%-4s %-28s %8s %5s %6s %6s %-26s %7s\n' run fault heal_s lost h_susp h_dead subject_changes subj_dd
awk -F'\t' '
  !($1 in run) { run[$1] = ++runs }
  { printf "%-4d %-28s %8.2f %5d %6s %6s %-26s %7s\n", run[$1], $2, $3, $6, $7 < 0 ? "-" : $7, $8 < 0 ? "-" : $8, $9, $10 < 0 ? "-" : $10 }
' "$figures"
echo "notes:"
awk -F'\t' '!($1 in run) { run[$1] = ++runs } { printf "run %d, %s: %s\n", run[$1], $2, $11 }' "$figures"
exit "$failed"
