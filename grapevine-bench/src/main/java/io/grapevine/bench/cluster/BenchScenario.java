package io.grapevine.bench.cluster;

import java.util.List;

/**
 * The standard scenarios of the {@code bench} loopback benchmark (DESIGN.md), with the figures each
 * one reports; run on real processes by {@link ScenarioRunner}. Not the simulator's
 * {@code io.grapevine.sim.scenario.Scenario}, which is an experiment on a simulated cluster.
 */
public enum BenchScenario {
    /** N nodes start; 1..N-1 join through node 0; until every node sees all N alive. */
    S1("join", List.of(Metric.JOIN_ALL, Metric.JOIN_NODE_MEDIAN), "from just before the runner sends nodes 1..N-1, "
            + "all already up, their join requests to the moment the last node sees N alive"),
    /**
     * Rolling join: node 0 starts; then node i (1..N-1) starts and, once up, is told to join
     * through node 0; node i+1 starts only when every member running so far sees node i alive.
     */
    S1ROLL("rolling join", List.of(Metric.ROLL_JOINER, Metric.ROLL_TOTAL, Metric.ROLL_SPAN), "per joiner, from just before the runner "
            + "sends the joiner, already up, its join request (through node 0) to the moment the last member started "
            + "before it reports it alive; the next node's process start-up happens between joiners and is not counted "
            + "(except in the wall-clock span); the per-joiner figure pools every joiner of every run"),
    /** kill -9 of one node of a converged cluster; until every survivor reports it dead. */
    S2("failure", List.of(Metric.DETECT_ALL), "from just before the runner signals the victim to the moment the "
            + "last survivor reports it dead"),
    /**
     * A pause the failure detector must tolerate: one node of a converged cluster is frozen
     * (SIGSTOP) for {@code --pause-ms}, then resumed (SIGCONT); the runner watches for a few
     * seconds more and counts the members that reported it dead (0: it survived the pause).
     */
    S2PAUSE("tolerated pause", List.of(Metric.PAUSE_DEAD_REPORTS), "from just before the runner freezes the victim "
            + "until " + ScenarioRunner.PAUSE_WATCH_MILLIS + " ms after it resumed it; the figure is how many other "
            + "members reported it dead meanwhile"),
    /** One node fires a user event, then writes a key; until every other node has each. */
    S3("dissemination", List.of(Metric.EVENT_ALL, Metric.KEY_ALL), "from just before the runner sends the event "
            + "(then the write) to the moment the last other node has it"),
    /** One node leaves gracefully; until every other node reports it left. */
    S4("leave", List.of(Metric.LEAVE_ALL), "from just before the runner sends the leave request to the moment the "
            + "last other node reports it left"),
    /**
     * A garbage flood: one sender blasts random datagrams at every node's gossip port as fast as
     * the kernel takes them, for {@code --duration-s}, while the runner pings the members from
     * their own protocol loops once a second.
     */
    FLOOD("garbage flood", List.of(Metric.FLOOD_RATE, Metric.FLOOD_RTT_BEFORE, Metric.FLOOD_RTT, Metric.FLOOD_UNANSWERED,
            Metric.FLOOD_RSS_GROWTH, Metric.FLOOD_DIED), "the flood's figures are taken over its own window: from the first datagram sent "
            + "to the last; round trips are each node's UDP ping of every member through its protocol loop "
            + "(GET /v1/reachability), pooled over nodes and seconds; the healthy-member counts cover the flood and "
            + ScenarioRunner.FLOOD_WATCH_MILLIS + " ms after it"),
    /**
     * The soak ({@link Soak}): a converged cluster under writes, events, kills and restarts for
     * {@code --duration-s}; every acknowledged write still owed must be on every node at the end.
     */
    SOAK("soak", List.of(Metric.SOAK_ACKED, Metric.SOAK_LOST, Metric.SOAK_KILLS, Metric.SOAK_CONVERGED,
            Metric.SOAK_RSS_MAX, Metric.SOAK_RSS_GROWTH, Metric.SOAK_CPU, Metric.SOAK_GAPS), "the load runs for --duration-s from "
            + "convergence; the end allows " + Soak.VERIFY_MILLIS + " ms for every owed write to be on every node; a "
            + "killed member is excused from its kill until " + SoakLedger.GRACE_MILLIS + " ms after its restart, and "
            + "a restarted node's own reports for as long"),
    /** A converged, idle cluster: CPU, memory and traffic per node. */
    S5("idle cost", List.of(Metric.CPU, Metric.RSS, Metric.BYTES), "an idle window after convergence and the "
            + "settle time; CPU and bytes over the window, RSS at its end");

    private final String title;
    private final List<Metric> metrics;
    private final String clock;

    BenchScenario(String title, List<Metric> metrics, String clock) {
        this.title = title;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What the scenario's times measure: where the clock starts and stops, the same for every system. */
    public String clock() {
        return clock;
    }

    /** The scenario's name on the command line: {@code s1}, {@code s1roll}, ... */
    public String flag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A word or two for reports. */
    public String title() {
        return title;
    }

    /** The figures this scenario reports, in report order. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** A reported figure: name in JSON, label and unit in text. */
    public enum Metric {
        /** Time until the last node sees N alive. */
        JOIN_ALL("join_all_ms", "all nodes see N alive", "ms"),
        /** Time until the median node sees N alive. */
        JOIN_NODE_MEDIAN("join_median_node_ms", "median node sees N alive", "ms"),
        /** Per joiner (pooled over joiners and runs): from its join until every earlier member sees it alive. */
        ROLL_JOINER("roll_joiner_seen_by_all_ms", "joiner seen alive by all", "ms"),
        /** The per-joiner intervals of one run, summed: the run's joining time, start-ups between joiners excluded. */
        ROLL_TOTAL("roll_total_ms", "all joins (start-ups excluded)", "ms"),
        /**
         * From the first join to the moment every member sees the last joiner alive, on the wall
         * clock: the next nodes' process start-ups included, so it compares start-up as well.
         */
        ROLL_SPAN("roll_span_ms", "first join to last in (wall)", "ms"),
        /** Time until the last survivor reports the killed node dead. */
        DETECT_ALL("detect_all_ms", "all survivors report it dead", "ms"),
        /** Members that reported a paused (then resumed) member dead: 0 when the pause was tolerated. */
        PAUSE_DEAD_REPORTS("pause_dead_reports", "members reporting the paused node dead", "nodes"),
        /** Time until the last other node has the user event. */
        EVENT_ALL("event_all_ms", "user event reaches all", "ms"),
        /** Time until the last other node has the key (Serf: the tag). */
        KEY_ALL("key_all_ms", "key write reaches all", "ms"),
        /** Time until the last other node reports the leaver left. */
        LEAVE_ALL("leave_all_ms", "all report it left", "ms"),
        /** Garbage datagrams the flood sent per second (to all nodes together). */
        FLOOD_RATE("flood_datagrams_per_s", "garbage datagrams sent", "1/s"),
        /** UDP ping round trip, p99 over every member pinged from every node in the seconds before the flood. */
        FLOOD_RTT_BEFORE("flood_rtt_p99_before_ms", "ping round trip p99, before", "ms"),
        /** The same during the flood (answered pings only; see {@link #FLOOD_UNANSWERED}). */
        FLOOD_RTT("flood_rtt_p99_ms", "ping round trip p99, flood", "ms"),
        /** Share of the pings during the flood that got no answer within the wait. */
        FLOOD_UNANSWERED("flood_unanswered_pct", "pings unanswered, flood", "%"),
        /** The largest growth of one node's RSS from before the flood to its peak during it. */
        FLOOD_RSS_GROWTH("flood_rss_growth_mib", "RSS growth, worst node", "MiB"),
        /** Soak: writes acknowledged by their writer. */
        SOAK_ACKED("soak_writes_acknowledged", "writes acknowledged", "writes"),
        /** Soak: (node, write) pairs owed at the end and missing after the wait. Must be 0. */
        SOAK_LOST("soak_writes_lost", "owed writes missing at the end", "node-writes"),
        /** Soak: nodes killed and restarted. */
        SOAK_KILLS("soak_kills", "kills and restarts", "nodes"),
        /** Soak: nodes listing all N alive at the end. */
        SOAK_CONVERGED("soak_nodes_converged", "nodes listing all alive at the end", "nodes"),
        /** Soak: the largest RSS of any node at any sample. */
        SOAK_RSS_MAX("soak_rss_max_mib", "largest RSS of a node", "MiB"),
        /** Soak: the largest RSS growth, first to last sample, of a node never restarted. */
        SOAK_RSS_GROWTH("soak_rss_growth_mib", "RSS growth, worst unrestarted node", "MiB"),
        /** Soak: CPU seconds per node per minute over the load. */
        SOAK_CPU("soak_cpu_s_per_node_per_min", "CPU per node", "s/min"),
        /**
         * Soak: event-stream gaps (events a node reported that the bench never read) outside that
         * node's own start-up grace. Must be 0 for the false-positive counts to be complete.
         */
        SOAK_GAPS("soak_unseen_event_gaps", "event-stream gaps outside a start-up grace", "gaps"),
        /** Node processes that exited during the flood (they died of it). */
        FLOOD_DIED("flood_nodes_died", "nodes that died, flood", "nodes"),
        /** CPU seconds per node per minute of idling. */
        CPU("cpu_s_per_node_per_min", "CPU per node", "s/min"),
        /** Resident memory per node. */
        RSS("rss_mib_per_node", "RSS per node", "MiB"),
        /** Bytes sent per node per second, UDP and TCP, encrypted. */
        BYTES("bytes_sent_per_s_per_node", "bytes sent per node", "B/s");

        private final String key;
        private final String label;
        private final String unit;

        Metric(String key, String label, String unit) {
            this.key = key;
            this.label = label;
            this.unit = unit;
        }

        /** The JSON name. */
        public String key() {
            return key;
        }

        /** The text label. */
        public String label() {
            return label;
        }

        /** The unit. */
        public String unit() {
            return unit;
        }
    }
}
