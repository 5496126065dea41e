package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rolling join as the runner drives it, on a scripted cluster whose clock and reports are
 * synthetic: which node starts when, which member it joins through, which clock is used.
 */
class ScenarioRunnerRollingTest {
    /**
     * N scripted nodes: joiner i "joins" at 1 000 i, and member m reports it alive 10 (m + 1) ms
     * later, so joiner i is in 10 i ms after its join. Members in {@code blind} never see anyone.
     */
    private static final class ScriptedCluster implements ClusterUnderTest {
        private final int size;
        private final Set<Integer> blind;
        private final Observations observations = new Observations();
        private final List<String> calls = new ArrayList<>();

        ScriptedCluster(int size, Set<Integer> blind) {
            this.size = size;
            this.blind = blind;
        }

        @Override
        public String system() {
            return "scripted";
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String name(int i) {
            return "x" + i;
        }

        @Override
        public SystemSetup setup() {
            return new SystemSetup("scripted", "lan", "none", "scripted", "scripted", List.of());
        }

        @Override
        public Observations observations() {
            return observations;
        }

        @Override
        public void startFresh(boolean quiet) {
            throw new UnsupportedOperationException("not a rolling call");
        }

        @Override
        public long joinAll() {
            throw new UnsupportedOperationException("not a rolling call");
        }

        @Override
        public void startFirst() {
            observations.clear();
            calls.add("start 0");
        }

        @Override
        public void startNext(int i) {
            calls.add("start " + i);
        }

        @Override
        public long join(int i, int through) {
            long t0 = 1_000L * i;
            calls.add("join " + i + " via " + through);
            for (int member = 0; member < i; member++) {
                if (!blind.contains(member)) {
                    observations.add(new Observation(member, t0 + 10L * (member + 1), Observation.Kind.STATUS,
                            name(i), "ALIVE"));
                }
            }
            if (i == 2) {
                // a false suspicion of node 0 counts
                observations.add(new Observation(1, t0 + 5, Observation.Kind.STATUS, name(0), "SUSPECT"));
            }
            if (i == 3) {
                // a report stamped before the join does not count (else joiner 3 would be in after 20 ms)
                observations.add(new Observation(2, t0 - 1, Observation.Kind.STATUS, name(3), "ALIVE"));
            }
            return t0;
        }

        @Override
        public long kill(int i) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long leave(int i) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long fireEvent(int i, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long writeKey(int i, String key, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ProcessHandle> processes() {
            return List.of();
        }

        @Override
        public Optional<long[]> bytesSent() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }

    private static ScenarioRunner runner(ClusterUnderTest cluster) {
        return new ScenarioRunner(cluster, 1_000, 0, 0, new PrintWriter(new StringWriter(), true));
    }

    @Test
    void eachNodeStartsAfterThePreviousIsInAndJoinsThroughNodeZero() throws Exception {
        ScriptedCluster cluster = new ScriptedCluster(4, Set.of());
        RunOutcome outcome = runner(cluster).run(BenchScenario.S1ROLL);

        assertThat(cluster.calls).containsExactly("start 0", "start 1", "join 1 via 0", "start 2", "join 2 via 0",
                "start 3", "join 3 via 0");
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.samples().get(BenchScenario.Metric.ROLL_JOINER)).containsExactly(10.0, 20.0, 30.0);
        assertThat(outcome.samples().get(BenchScenario.Metric.ROLL_TOTAL)).containsExactly(60.0);
        // joiner 1 joined at 1 000; joiner 3 was seen by node 2 last, at 3 000 + 30
        assertThat(outcome.samples().get(BenchScenario.Metric.ROLL_SPAN)).containsExactly(2_030.0);
        assertThat(outcome.falselySuspected()).isEqualTo(1);
        assertThat(outcome.falselyDead()).isZero();
    }

    @Test
    void aJoinerNeverSeenByAnEarlierMemberEndsTheRunAsTimedOutWithoutFigures() throws Exception {
        ScriptedCluster cluster = new ScriptedCluster(5, Set.of(1));
        RunOutcome outcome = runner(cluster).run(BenchScenario.S1ROLL);

        // node 1 never sees joiner 2, so nodes 3 and 4 are never started
        assertThat(cluster.calls).containsExactly("start 0", "start 1", "join 1 via 0", "start 2", "join 2 via 0");
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.samples()).isEmpty();
    }

    @Test
    void runsPoolEveryJoinerForTheMedianAndP90() throws Exception {
        ScriptedCluster cluster = new ScriptedCluster(4, Set.of());
        ScenarioRunner runner = runner(cluster);
        SystemResult result = new SystemResult("scripted", cluster.setup(),
                List.of(runner.run(BenchScenario.S1ROLL), runner.run(BenchScenario.S1ROLL)));

        assertThat(result.values(BenchScenario.Metric.ROLL_JOINER)).containsExactly(10.0, 20.0, 30.0, 10.0, 20.0, 30.0);
        assertThat(result.summary(BenchScenario.Metric.ROLL_JOINER).orElseThrow())
                .isEqualTo(new Quantiles(6, 20.0, 30.0, 30.0));
        assertThat(result.summary(BenchScenario.Metric.ROLL_TOTAL).orElseThrow().count()).isEqualTo(2);
    }
}
