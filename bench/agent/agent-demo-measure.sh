#!/usr/bin/env bash
# Measures bin/grapevine demo (docs/PERFORMANCE.md, "The agent"). Run from the repository root with
# the jar built (./mvnw -B -q package -DskipTests), under the shared lock on a shared machine:
#   flock /tmp/mvn.lock bench/agent/agent-demo-measure.sh converge 5    # 5 runs, --duration 20
#   flock /tmp/mvn.lock bench/agent/agent-demo-measure.sh idle 60       # 60 s idle, 5 agents
# converge: prints each run's "converged:" line (its time counts from the demo JVM's start, which is
#   the bin/grapevine process: the script execs java) and the wall time from just before the launch.
# idle: runs the demo until its story is over, waits 5 s, then samples every agent's utime+stime
#   (/proc/PID/stat, fields 14-15, in clock ticks) and VmRSS (/proc/PID/status) at the start and the
#   end of the idle window; prints one line per agent and the demo process's own cost.
set -euo pipefail
mode=${1:?converge|idle}
arg=${2:-5}
tck=$(getconf CLK_TCK)
out=$(mktemp -d /tmp/gv-demo-measure-XXXX)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

if [ "$mode" = converge ]; then
  for run in $(seq 1 "$arg"); do
    t0=$(date +%s%N)
    bin/grapevine demo --duration 20 > "$out/run$run.txt" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do grep -q '] converged:' "$out/run$run.txt" && break; sleep 0.1; done
    t1=$(date +%s%N)
    wait "$pid"
    echo "run $run: wall from launch to the converged line $(( (t1 - t0) / 1000000 )) ms (polled every 100 ms)"
    grep '] converged:' "$out/run$run.txt"
  done
  echo "outputs: $out"
  exit 0
fi

idle=$arg
bin/grapevine demo --duration $((idle + 60)) > "$out/demo.txt" 2>&1 &
demo=$!
for _ in $(seq 1 1200); do grep -q 'the story is over' "$out/demo.txt" && break; sleep 0.1; done
grep -q 'the story is over' "$out/demo.txt" || { cat "$out/demo.txt"; kill "$demo"; exit 1; }
sleep 5
agents=$(pgrep -P "$demo")
declare -A start
for p in $agents; do start[$p]=$(ticks "$p"); done
demo_start=$(ticks "$demo")
sleep "$idle"
echo "idle window ${idle} s, CLK_TCK $tck, agents: $(echo $agents | wc -w)"
for p in $agents; do
  node=$(tr '\0' ' ' < "/proc/$p/cmdline" | grep -o -- '--node [^ ]*' | cut -d' ' -f2)
  d=$(( $(ticks "$p") - ${start[$p]} ))
  printf '%s pid %s: cpu %.3f s/min, VmRSS %.1f MiB\n' "$node" "$p" \
    "$(echo "$d / $tck * 60 / $idle" | bc -l)" "$(echo "$(rss_kb "$p") / 1024" | bc -l)"
done
d=$(( $(ticks "$demo") - demo_start ))
printf 'the demo process itself pid %s: cpu %.3f s/min, VmRSS %.1f MiB\n' "$demo" \
  "$(echo "$d / $tck * 60 / $idle" | bc -l)" "$(echo "$(rss_kb "$demo") / 1024" | bc -l)"
echo "agent command line: $(tr '\0' ' ' < "/proc/$(echo $agents | cut -d' ' -f1)/cmdline" | sed 's/-cp [^ ]*/-cp grapevine.jar/')"
kill -TERM "$demo"
wait "$demo" || true
cat "$out/demo.txt"
