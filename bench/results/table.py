#!/usr/bin/env python3
"""Turns bench summary lines (bench --summary-out, run.sh's summary.jsonl) into the markdown
rows of docs/PERFORMANCE.md's comparison table: one row per figure and N, Grapevine and Serf
from the same invocation, the ratio Serf/Grapevine of the medians, false positives, commit.
A later line for the same scenario, variant and N replaces an earlier one (a re-measurement
supersedes); rows come out by N, in the order the scenarios first appear.

    python3 bench/results/table.py bench/results/2026-12-01/summary-*.jsonl
"""
import json
import sys

LABELS = {
    "join_all_ms": ("S1 join: all see N alive", "ms"),
    "join_median_node_ms": ("S1 join: median node", "ms"),
    "roll_joiner_seen_by_all_ms": ("S1ROLL rolling join: one joiner seen alive by all", "ms"),
    "roll_total_ms": ("S1ROLL rolling join: all joins, start-ups excluded", "ms"),
    "roll_span_ms": ("S1ROLL rolling join: first join to last in, wall clock (start-ups included)", "ms"),
    "detect_all_ms": ("S2 {failure}: all survivors report it dead", "ms"),
    "pause_dead_reports": ("S2 paused {pause} then resumed: members reporting it dead", "nodes"),
    "event_all_ms": ("S3 user event reaches all", "ms"),
    "key_all_ms": ("S3 key write reaches all", "ms"),
    "leave_all_ms": ("S4 leave: all report left", "ms"),
    "cpu_s_per_node_per_min": ("S5 idle CPU per node", "s/min"),
    "rss_mib_per_node": ("S5 RSS per node", "MiB"),
    "bytes_sent_per_s_per_node": ("S5 bytes sent per node", "B/s"),
}


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:.3f}" if v < 10 else f"{v:.0f}"
    return f"{int(v)}"


def variant(command):
    words = command.split()
    profile = words[words.index("--profile") + 1] if "--profile" in words else "lan"
    failure = "SIGSTOP (silent)" if "--failure" in words and words[words.index("--failure") + 1] == "stop" else "kill -9"
    pause = ""
    if "--pause-ms" in words:
        pause = f"{int(words[words.index('--pause-ms') + 1]) / 1000:g} s"
    return {"failure": failure, "pause": pause, "profile": profile}


def main(paths):
    latest = {}
    for path in paths:
        for line in open(path):
            s = json.loads(line)
            latest[(s["nodes"], s["scenario"], json.dumps(variant(s["command"]), sort_keys=True))] = s
    order = []
    for key in latest:
        if key[1:] not in order:
            order.append(key[1:])
    rows = sorted(latest.items(), key=lambda kv: (kv[0][0], order.index(kv[0][1:])))
    print("| figure | N | runs | Grapevine median / p90 / max | Serf median / p90 / max | Serf / Grapevine | "
          "healthy members falsely suspected / dead (G; S) | commit |")
    print("|---|---|---|---|---|---|---|---|")
    for _, s in rows:
        systems = {x["system"]: x for x in s["systems"]}
        g, f = systems.get("grapevine"), systems.get("serf")
        for key, fig in g["figures"].items():
            label, unit = LABELS.get(key, (key, ""))
            v = variant(s["command"])
            label = label.format(**v) + ("" if v["profile"] == "lan" else f", profile {v['profile']}")
            sf = f["figures"].get(key) if f else None
            gm = fig["median"]
            ratio = "-"
            if sf and gm:
                ratio = f"{sf['median'] / gm:.2f}x"
            fp = f"{g['falselySuspected']}/{g['falselyDead']}; " + (
                f"{f['falselySuspected']}/{f['falselyDead']}" if f else "-")
            gtxt = f"{fmt(fig['median'])} / {fmt(fig['p90'])} / {fmt(fig['max'])}"
            stxt = f"{fmt(sf['median'])} / {fmt(sf['p90'])} / {fmt(sf['max'])}" if sf else "-"
            print(f"| {label} ({unit}) | {s['nodes']} | {g['measuredRuns']} | {gtxt} | {stxt} | {ratio} | {fp} | "
                  f"`{s['commit']}` |")


if __name__ == "__main__":
    main(sys.argv[1:])
