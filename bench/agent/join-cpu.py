#!/usr/bin/env python3
"""Where a simultaneous join's CPU goes, per thread, in fresh grapevine agents (docs/PERFORMANCE.md,
"Where a simultaneous join's time goes").

From the repository root, jars built (./mvnw -B -q package -DskipTests), alone on the machine
(under the shared lock: flock /tmp/mvn.lock bench/agent/join-cpu.py ...):

    bench/agent/join-cpu.py [--nodes 32] [--runs 3] [--window-s 1.3] [--no-events] [-- JVM_FLAGS...]

Starts N agents as the bench does (the bench's JVM flags, read from BenchCommand.DEFAULT_JVM_FLAGS
in the source unless given after --, MALLOC_ARENA_MAX=2, --encrypt with a fresh key, --profile
lan, ports on 127.0.0.1:0), opens each agent's GET /v1/events as the bench's runner does (not
with --no-events), waits until the agents are quiet (the bench's QuietStart rule: under
0.10 + 0.015 N CPUs over 250 ms), then sends every joiner's POST /v1/join to node 0 at once. It
prints, per run, the CPU time of every thread of every agent in the first --window-s seconds
after the join requests, summed over the agents by thread role (the protocol loop, C1, the
event thread, the SSE writers, Jetty's request threads, the VM thread), and the join's time:
from the requests to the moment the last agent saw all N alive, read after 4 s from each
agent's GET /v1/members (now minus statusAgeMillis). Kills every agent it started, also on
error or Ctrl-C; every wait is bounded.
"""
import argparse
import base64
import collections
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request

JAR = "grapevine-bench/target/benchmarks.jar"
MAIN = "io.grapevine.agent.GrapevineCommand"
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def bench_flags():
    src = open("grapevine-bench/src/main/java/io/grapevine/bench/cluster/BenchCommand.java").read()
    block = re.search(r"DEFAULT_JVM_FLAGS = List\.of\((.*?)\);", src, re.S).group(1)
    return re.findall(r'"([^"]*)"', block)


def role(name):
    for pattern, label in ((r"^grapevine-n\d", "protocol loop"), (r"^C1 Compiler", "C1 compiler"),
                           (r"^grapevine-event", "event thread"), (r"^JavalinDefault", "SSE writers"),
                           (r"^grapevine-http", "HTTP requests"), (r"^VM Thread", "VM thread (GC, safepoints)")):
        if re.match(pattern, name):
            return label
    return "other"


def thread_ticks(pids):
    ticks = collections.Counter()
    for pid in pids:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except FileNotFoundError:
            continue
        for task in tasks:
            try:
                name = open(f"/proc/{pid}/task/{task}/comm").read().strip()
                fields = open(f"/proc/{pid}/task/{task}/stat").read().rsplit(")", 1)[1].split()
                ticks[role(name)] += int(fields[11]) + int(fields[12])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
    return ticks


def await_quiet(pids, n):
    allowed_ms = min(0.10 + 0.015 * n, 0.5 * os.cpu_count()) * 250
    for _ in range(120):  # at most 30 s, as QuietStart
        before = sum(thread_ticks(pids).values())
        time.sleep(0.25)
        if (sum(thread_ticks(pids).values()) - before) * TICK_MS < allowed_ms:
            return True
    return False


def get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read())


def post(url, body):
    request = urllib.request.Request(url, data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
    except OSError as e:
        print(f"join request to {url} failed: {e}", file=sys.stderr)


def drain_events(url, stop):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            while not stop.is_set() and response.readline():
                pass
    except OSError:
        pass


def one_run(args, flags):
    key = base64.b64encode(os.urandom(32)).decode()
    env = dict(os.environ, MALLOC_ARENA_MAX="2")
    procs, banners, stop = [], [], threading.Event()
    try:
        for i in range(args.nodes):
            procs.append(subprocess.Popen(
                ["java", *flags, "-cp", JAR, MAIN, "agent", "--node", f"n{i}", "--bind", "127.0.0.1:0",
                 "--http-addr", "127.0.0.1:0", "--profile", "lan", "--encrypt", key],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env, text=True))
        deadline = time.time() + 120
        for p in procs:
            line = ""
            while "gossip=" not in line:
                if time.time() > deadline:
                    raise RuntimeError("an agent printed no banner within 120 s")
                line = p.stdout.readline()
                if not line and p.poll() is not None:
                    raise RuntimeError(f"an agent exited with {p.returncode} before its banner")
            match = re.search(r"gossip=(\S+) http=(\S+)", line)
            banners.append((match.group(1), match.group(2)))
        if not args.no_events:
            for _, http in banners:
                threading.Thread(target=drain_events, args=(f"http://{http}/v1/events?lastEventId=0", stop),
                                 daemon=True).start()
        pids = [p.pid for p in procs]
        quiet = await_quiet(pids, args.nodes)
        before = thread_ticks(pids)
        t0 = time.time()
        body = json.dumps({"seeds": [banners[0][0]]})
        joins = [threading.Thread(target=post, args=(f"http://{http}/v1/join", body), daemon=True)
                 for _, http in banners[1:]]
        for join in joins:
            join.start()
        time.sleep(max(0.0, t0 + args.window_s - time.time()))
        window = thread_ticks(pids)
        time.sleep(max(0.0, t0 + 4 - time.time()))
        last, node_times = 0.0, []
        for _, http in banners:
            asked = time.time()
            members = get(f"http://{http}/v1/members")
            members = members.get("members", members) if isinstance(members, dict) else members
            seen = [asked - m["statusAgeMillis"] / 1000 - t0 for m in members if m["status"] == "alive"]
            if len(seen) < args.nodes:
                return None, f"an agent saw {len(seen)} of {args.nodes} alive after 4 s"
            node_times.append(max(seen))
        node_times.sort()
        cpu = {k: round((window[k] - before.get(k, 0)) * TICK_MS) for k in window}
        return (round(node_times[-1] * 1000), round(node_times[len(node_times) // 2] * 1000), cpu, quiet), None
    finally:
        stop.set()
        for p in procs:
            p.kill()
        for p in procs:
            p.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=32)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--window-s", type=float, default=1.3)
    parser.add_argument("--no-events", action="store_true", help="open no event streams")
    args, rest = parser.parse_known_args()
    if rest and rest[0] == "--":
        rest = rest[1:]
    if not 2 <= args.nodes <= 128:
        parser.error("--nodes must be 2..128")
    if not 1 <= args.runs <= 100:
        parser.error("--runs must be 1..100")
    if not 0.1 <= args.window_s <= 4:
        parser.error("--window-s must be 0.1..4")
    if not os.path.isfile(JAR):
        sys.exit(f"{JAR} not found: build first (./mvnw -B -q package -DskipTests)")
    flags = rest or bench_flags()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    print(f"{args.nodes} agents, events {'off' if args.no_events else 'on'}, window {args.window_s} s, "
          f"flags: {' '.join(flags)}")
    for run in range(1, args.runs + 1):
        result, failure = one_run(args, flags)
        if failure:
            print(f"run {run}: {failure}")
            continue
        last, median, cpu, quiet = result
        parts = ", ".join(f"{k} {v}" for k, v in sorted(cpu.items(), key=lambda kv: -kv[1]) if v > 0)
        print(f"run {run}: all see N alive {last} ms, median node {median} ms{'' if quiet else ' (never quiet)'}; "
              f"CPU ms in the window, all agents: {parts}")


if __name__ == "__main__":
    main()
