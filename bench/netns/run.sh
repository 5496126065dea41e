#!/usr/bin/env bash
# Runs NetnsFaultsTest RUNS times (default 3) and prints, per fault, the median time from the heal
# to one all-alive membership and every acknowledged write everywhere, with the writes (acknowledged,
# refused), lost writes and false deaths summed over the runs (docs/RELIABILITY.md, "Partitions in
# network namespaces").
# Needs root, ip and nft; takes about 100 s a run on 2 cores.
#
#   bench/netns/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
[[ $runs =~ ^[0-9]+$ ]] && ((runs >= 1 && runs <= 20)) || { echo "run.sh: RUNS must be in 1..20: $runs" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "run.sh: must run as root (network namespaces and nftables)" >&2; exit 2; }
figures=grapevine-agent/target/netns-figures.tsv
trap 'bench/netns/netns.sh down' EXIT
rm -f "$figures"
for ((i = 1; i <= runs; i++)); do
  echo "run $i of $runs" >&2
  ./mvnw -B -o -q -pl grapevine-agent -am test -Dtest=NetnsFaultsTest -Dsurefire.failIfNoSpecifiedTests=false \
    >"grapevine-agent/target/netns-run-$i.log" 2>&1 || { echo "run.sh: run $i failed, see grapevine-agent/target/netns-run-$i.log" >&2; exit 1; }
done
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + local changes'), $runs runs"
printf '%-22s %14s %14s %7s %7s %8s %5s %7s\n' fault heal_s_median heal_s_max kv_acks sh_acks sh_refus lost f_deaths
cut -f2 "$figures" | awk '!seen[$0]++' | while IFS= read -r fault; do
  awk -F'\t' -v f="$fault" '$2 == f' "$figures" | sort -t$'\t' -k3,3g | awk -F'\t' '
    { heal[NR] = $3; kv += $4; sh += $5; refused += $6; lost += $7; deaths += $8; name = $2 }
    END {
      median = NR % 2 ? heal[(NR + 1) / 2] : (heal[NR / 2] + heal[NR / 2 + 1]) / 2
      printf "%-22s %14.2f %14.2f %7d %7d %8d %5d %7d\n", name, median, heal[NR], kv, sh, refused, lost, deaths
    }'
done
echo "notes of the last run:"
tail -n "$(cut -f2 "$figures" | awk '!seen[$0]++' | wc -l)" "$figures" | cut -f2,9 | sed 's/\t/: /'
