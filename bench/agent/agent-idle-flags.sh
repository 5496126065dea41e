#!/usr/bin/env bash
# Idle cost of N grapevine agents started by hand (no demo process attached), for comparing JVM flags
# and profiles (docs/PERFORMANCE.md, "The agent"). From the repository root, jar built, under the lock:
#   flock /tmp/mvn.lock bench/agent/agent-idle-flags.sh PROFILE IDLE_S N -- JVM_FLAGS...
# Starts node-1, then node-2..N joining it, waits until every /v1/health is 200, waits 5 s, then samples
# utime+stime (/proc/PID/stat) over IDLE_S seconds and VmRSS (/proc/PID/status) at the end, and stops
# the agents with SIGTERM.
set -euo pipefail
profile=$1 idle=$2 n=$3; shift 4
flags=("$@")
jar=grapevine-agent/target/grapevine.jar
tck=$(getconf CLK_TCK)
dir=$(mktemp -d /tmp/gv-idle-XXXX)
pids=()
trap 'kill -TERM "${pids[@]}" 2>/dev/null || true; wait || true' EXIT
start() { # name [seed]
  local args=(--node "$1" --bind 127.0.0.1:0 --http-addr 127.0.0.1:0 --plaintext --profile "$profile")
  [ $# -gt 1 ] && args+=(--join "$2")
  java "${flags[@]}" -cp "$jar" io.grapevine.agent.GrapevineCommand agent "${args[@]}" >"$dir/$1.out" 2>"$dir/$1.log" &
  pids+=($!)
}
banner_field() { # name field -> value once the banner is printed
  for _ in $(seq 1 600); do
    v=$(grep -o "$2=[^ ]*" "$dir/$1.out" 2>/dev/null | cut -d= -f2) && [ -n "$v" ] && { echo "$v"; return; }
    sleep 0.1
  done
  echo "no banner from $1" >&2; exit 1
}
start node-1
seed=$(banner_field node-1 gossip)
for i in $(seq 2 "$n"); do start "node-$i" "$seed"; done
https=()
for i in $(seq 1 "$n"); do https+=("$(banner_field "node-$i" http)"); done
for _ in $(seq 1 600); do
  ok=0; for h in "${https[@]}"; do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$h/v1/health")" = 200 ] && ok=$((ok+1)); done
  [ "$ok" = "$n" ] && break; sleep 0.1
done
[ "$ok" = "$n" ] || { echo "not converged" >&2; exit 1; }
sleep 5
declare -A t0
for p in "${pids[@]}"; do t0[$p]=$(awk '{print $14+$15}' /proc/$p/stat); done
sleep "$idle"
echo "profile $profile, $n agents, idle ${idle} s, flags: ${flags[*]:-(none)}"
for i in "${!pids[@]}"; do
  p=${pids[$i]}
  d=$(( $(awk '{print $14+$15}' /proc/$p/stat) - ${t0[$p]} ))
  printf 'node-%d: cpu %.3f s/min, VmRSS %.1f MiB, threads %s\n' $((i+1)) "$(echo "$d/$tck*60/$idle" | bc -l)" \
    "$(awk '/^VmRSS:/ {print $2/1024}' /proc/$p/status)" "$(awk '/^Threads:/ {print $2}' /proc/$p/status)"
done
if command -v jcmd >/dev/null && [ "${NMT:-0}" = 1 ]; then jcmd "${pids[0]}" VM.native_memory summary | sed -n '1,60p'; fi
