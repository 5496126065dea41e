#!/usr/bin/env bash
# RSS of idle grapevine agents the way the bench starts them (docs/PERFORMANCE.md, "RSS of an agent").
# From the repository root, jars built (./mvnw -B -q package -DskipTests):
#   bench/agent/agent-rss.sh [IDLE_S [N]] [-- JVM_FLAGS...]
# Without flags it uses the bench's own, read from BenchCommand.DEFAULT_JVM_FLAGS in the source.
# Environment: NMT=1 adds -XX:NativeMemoryTracking=summary and prints node-1's summary;
# CLASSES=1 logs node-1's class loading and prints loaded classes per package prefix (TOP=30 lines);
# CPU=S measures every agent's CPU over a further S seconds after the idle wait (user and system ticks
# from /proc/PID/task/*/stat, wake-ups from voluntary context switches; node-1 per thread, the others summed);
# PMAP=1 prints node-1's largest mappings by RSS; HEAP=1 prints node-1's heap and class histogram (a full GC: run it last); THREADS=1 its thread names;
# ENV="A=1 B=2" sets environment variables on the agents; unset, MALLOC_ARENA_MAX=2 as the bench sets
# (AgentLauncher.LEAN_ENVIRONMENT); ENV= (empty) for none.
# Starts N agents (default 3) on 127.0.0.1:0 with --encrypt and --profile lan, joins node-2..N to
# node-1 with POST /v1/join, waits IDLE_S seconds (default 30), prints VmRSS/threads per agent and
# kills every agent it started (also on error or Ctrl-C). Every wait is bounded.
set -euo pipefail
idle=${1:-30} n=${2:-3}
[ $# -ge 1 ] && shift; [ $# -ge 1 ] && [ "$1" != "--" ] && shift
[ "${1:-}" = "--" ] && shift
jar=grapevine-bench/target/benchmarks.jar
[ -f "$jar" ] || { echo "$jar not found: build first" >&2; exit 1; }
if [ $# -gt 0 ]; then flags=("$@"); else
  # the bench's flags, read from the source so this script cannot drift from it
  read -r -a flags <<<"$(sed -n '/DEFAULT_JVM_FLAGS = List.of(/,/);/p' \
    grapevine-bench/src/main/java/io/grapevine/bench/cluster/BenchCommand.java | grep -o '"[^"]*"' | tr -d '"' | tr '\n' ' ')"
fi
[ "${NMT:-0}" = 1 ] && flags+=(-XX:NativeMemoryTracking=summary)
read -r -a envs <<<"${ENV-MALLOC_ARENA_MAX=2}"
dir=$(mktemp -d /tmp/gv-rss-XXXX)
key=$(head -c 32 /dev/urandom | base64)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
for i in $(seq 1 "$n"); do
  extra=()
  [ "$i" = 1 ] && [ "${CLASSES:-0}" = 1 ] && extra=(-Xlog:class+load=info:file="$dir/classes.txt")
  env "${envs[@]}" java "${flags[@]}" "${extra[@]}" -cp "$jar" io.grapevine.agent.GrapevineCommand agent \
    --node "n$i" --bind 127.0.0.1:0 --http-addr 127.0.0.1:0 --encrypt "$key" --profile lan \
    >"$dir/n$i.out" 2>"$dir/n$i.log" </dev/null &
  pids+=($!)
done
field() { # node field: from the banner, waiting up to 30 s
  for _ in $(seq 1 300); do
    v=$(grep -o " $2=[^ ]*" "$dir/$1.out" 2>/dev/null | cut -d= -f2 || true)
    [ -n "$v" ] && { echo "$v"; return; }
    sleep 0.1
  done
  echo "no banner from $1; log: $(tail -3 "$dir/$1.log")" >&2; exit 1
}
seed=$(field n1 gossip)
for i in $(seq 2 "$n"); do
  h=$(field "n$i" http)
  curl -s -m 10 -o /dev/null -w "n$i join: %{http_code}\n" -X POST "http://$h/v1/join" -d "{\"seeds\":[\"$seed\"]}"
done
sleep "$idle"
echo "$n agents, idle $idle s, env: ${envs[*]:-(none)}, flags: ${flags[*]}"
for i in "${!pids[@]}"; do
  p=${pids[$i]}
  printf 'n%d: VmRSS %.1f MiB (anon %.1f, file %.1f), Pss %.1f MiB, threads %s\n' $((i+1)) \
    "$(awk '/^VmRSS:/ {print $2/1024}' /proc/$p/status)" "$(awk '/^RssAnon:/ {print $2/1024}' /proc/$p/status)" \
    "$(awk '/^RssFile:/ {print $2/1024}' /proc/$p/status)" "$(awk '/^Pss:/ {print $2/1024}' /proc/$p/smaps_rollup)" "$(awk '/^Threads:/ {print $2}' /proc/$p/status)"
done
if [ -n "${CPU:-}" ]; then
  snap() { # pid: one line per thread: tid name user-ticks system-ticks voluntary-switches
    for t in /proc/$1/task/*; do
      stat=$(cat "$t/stat" 2>/dev/null) || continue # the thread may have ended
      # the name is field 2 in parentheses and may hold spaces: take it from comm, the numbers after ") "
      name=$(tr ' ' '_' <"$t/comm" 2>/dev/null || echo '?')
      read -r -a f <<<"${stat##*) }"
      echo "${t##*/} $name ${f[11]} ${f[12]} $(awk '/^voluntary_ctxt_switches/ {print $2}' "$t/status")"
    done
  }
  for p in "${pids[@]}"; do snap "$p" >"$dir/cpu0.$p"; done
  sleep "$CPU"
  for p in "${pids[@]}"; do snap "$p" >"$dir/cpu1.$p"; done
  hz=$(getconf CLK_TCK)
  for i in "${!pids[@]}"; do
    p=${pids[$i]}
    awk -v hz="$hz" -v win="$CPU" -v node="n$((i+1))" -v detail=$([ "$i" = 0 ] && echo 1 || echo 0) '
      NR==FNR { u0[$1]=$3; k0[$1]=$4; s0[$1]=$5; next }
      { du=$3-u0[$1]; dk=$4-k0[$1]; ds=$5-s0[$1]; name=$2
        usr[name]+=du; sys[name]+=dk; sw[name]+=ds; tu+=du; tk+=dk; tsw+=ds }
      END {
        printf "%s: CPU %.3f s/min (user %.3f, system %.3f), %.1f wake-ups/s over %d s\n", node,
          (tu+tk)/hz*60/win, tu/hz*60/win, tk/hz*60/win, tsw/win, win
        if (detail) for (n in usr) if (usr[n] + sys[n] > 0 || sw[n] > 0)
          printf "  %-24s user %6.3f system %6.3f s/min %6.1f wake-ups/s\n", n, usr[n]/hz*60/win,
            sys[n]/hz*60/win, sw[n]/win
      }' "$dir/cpu0.$p" "$dir/cpu1.$p"
  done
fi
[ "${PMAP:-0}" = 1 ] && pmap -x "${pids[0]}" | sort -k3 -n -r | head -"${TOP:-30}"
[ "${HEAP:-0}" = 1 ] && { jcmd "${pids[0]}" GC.heap_info | tail -n +2; jcmd "${pids[0]}" GC.class_histogram | sed -n 2,25p; }
if [ "${NMT:-0}" = 1 ]; then jcmd "${pids[0]}" VM.native_memory summary | grep -E 'committed|^-|Total' | sed -n '1,80p'; fi
if [ "${CLASSES:-0}" = 1 ]; then
  echo "node-1 classes loaded: $(grep -c 'class,load' "$dir/classes.txt")"
  grep 'class,load' "$dir/classes.txt" | awk '{print $2}' | awk -F. '{ if (NF>3) print $1"."$2"."$3; else print $1"."$2 }' \
    | sort | uniq -c | sort -rn | head -"${TOP:-30}"
fi
[ "${THREADS:-0}" = 1 ] && jcmd "${pids[0]}" Thread.print | grep '^"' | sed 's/" .*/"/' | sort | head -60
echo "output in $dir"
