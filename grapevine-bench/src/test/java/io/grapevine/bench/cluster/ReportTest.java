package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final SystemSetup OURS = new SystemSetup("processes", "lan", "AES-256-GCM", "grapevine agent",
            "HTTP POST /v1/join", List.of("-Xmx48m"));
    private static final SystemSetup PEER = new SystemSetup("agents", "lan", "AES-256-GCM (memberlist)", "serf agent",
            "Serf RPC join", List.of());

    private static RunOutcome run(List<Double> perJoiner, double span) {
        return new RunOutcome(Map.of(BenchScenario.Metric.ROLL_JOINER, perJoiner,
                BenchScenario.Metric.ROLL_TOTAL, List.of(perJoiner.stream().mapToDouble(Double::doubleValue).sum()),
                BenchScenario.Metric.ROLL_SPAN, List.of(span)), 0, 0, false);
    }

    private static Report report() {
        SystemResult ours = new SystemResult("grapevine", OURS, List.of(run(List.of(10.0, 30.0), 2_000),
                run(List.of(20.0, 40.0), 2_100)));
        SystemResult peer = new SystemResult("serf", PEER, List.of(run(List.of(50.0, 100.0), 4_000),
                run(List.of(100.0, 150.0), 4_200), RunOutcome.failed()));
        return new Report(BenchScenario.S1ROLL, 3, List.of(ours, peer));
    }

    @Test
    void textShowsPooledFiguresTheRatioAndBothSetups() {
        String text = report().text();
        assertThat(text).contains("S1ROLL rolling join, N=3")
                // 4 joiner samples over 2 runs: median 25
                .containsPattern("grapevine +processes +joiner seen alive by all +4 +25 ")
                .containsPattern("serf +agents +joiner seen alive by all +4 +100 ")
                .containsPattern("ratio serf/grapevine joiner seen alive by all +median 4\n")
                .contains("serf: 3 runs, 1 failed or timed out")
                .contains("grapevine setup: processes, profile lan; encryption AES-256-GCM; started: grapevine agent; "
                        + "joined: HTTP POST /v1/join; JVM flags: -Xmx48m")
                .contains("serf setup: agents, profile lan; encryption AES-256-GCM (memberlist); started: serf agent; "
                        + "joined: Serf RPC join\n")
                .contains("clock: per joiner, from just before the runner sends the joiner, already up, its join request");
    }

    @Test
    void theSummaryKeepsFiguresSetupAndProvenanceButNotTheRuns() {
        String summary = ReportJson.summary(report(), new Provenance("abc1234", "bench s1roll --nodes 3", "2026-12-02T10:00:00Z"));
        assertThat(summary).startsWith("{\"commit\":\"abc1234\",\"command\":\"bench s1roll --nodes 3\"")
                .contains("\"scenario\":\"S1ROLL\"", "\"nodes\":3",
                        "\"roll_joiner_seen_by_all_ms\":{\"samples\":4,\"median\":25,\"p90\":37,\"max\":40}",
                        "\"joined\":\"Serf RPC join\"", "\"jvmFlags\":[\"-Xmx48m\"]", "\"timeouts\":1",
                        "\"ratios\":{\"roll_joiner_seen_by_all_ms\":4,\"roll_total_ms\":4,\"roll_span_ms\":2}")
                .doesNotContain("\"runs\":[").doesNotContain("\n");
        assertThat(ReportJson.full(report())).contains("\"roll_joiner_seen_by_all_ms\":{\"runs\":[10,30,20,40],");
    }
}
