package io.grapevine.bench.cluster;

import java.util.List;

/**
 * The standard scenarios of the {@code bench} loopback benchmark (DESIGN.md), with the figures each
 * one reports; run on real processes by {@link ScenarioRunner}. Not the simulator's
 * {@code io.grapevine.sim.scenario.Scenario}, which is an experiment on a simulated cluster.
 */
public enum BenchScenario {
    /** N nodes start; 1..N-1 join through node 0; until every node sees all N alive. */
    S1("join", List.of(Metric.JOIN_ALL, Metric.JOIN_NODE_MEDIAN)),
    /** kill -9 of one node of a converged cluster; until every survivor reports it dead. */
    S2("failure", List.of(Metric.DETECT_ALL)),
    /** One node fires a user event, then writes a key; until every other node has each. */
    S3("dissemination", List.of(Metric.EVENT_ALL, Metric.KEY_ALL)),
    /** One node leaves gracefully; until every other node reports it left. */
    S4("leave", List.of(Metric.LEAVE_ALL)),
    /** A converged, idle cluster: CPU, memory and traffic per node. */
    S5("idle cost", List.of(Metric.CPU, Metric.RSS, Metric.BYTES));

    private final String title;
    private final List<Metric> metrics;

    BenchScenario(String title, List<Metric> metrics) {
        this.title = title;
        this.metrics = metrics;
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
        /** Time until the last survivor reports the killed node dead. */
        DETECT_ALL("detect_all_ms", "all survivors report it dead", "ms"),
        /** Time until the last other node has the user event. */
        EVENT_ALL("event_all_ms", "user event reaches all", "ms"),
        /** Time until the last other node has the key (Serf: the tag). */
        KEY_ALL("key_all_ms", "key write reaches all", "ms"),
        /** Time until the last other node reports the leaver left. */
        LEAVE_ALL("leave_all_ms", "all report it left", "ms"),
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
