package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real {@code grapevine agent} processes on loopback, driven the way the scenarios drive them. */
class ProcessClusterTest {
    /** Three agent JVMs starting at once on a loaded 2-CPU machine take a few seconds. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path logDir;

    private static OptionalLong firstUserEvent(List<Observation> all, int node, String name, long fromMillis) {
        return Observations.first(Observation.Kind.USER, name, "", fromMillis).apply(Observations.ofNode(all, node));
    }

    @Test
    void threeAgentsJoinAndEveryNodeReportsTheUserEventStampedAfterItWasFired() throws Exception {
        StringWriter failures = new StringWriter();
        try (ProcessCluster cluster = new ProcessCluster(3, BenchCommand.DEFAULT_JVM_FLAGS, logDir,
                new PrintWriter(failures, true))) {
            cluster.startFresh(false);
            assertThat(cluster.processes()).hasSize(3).allMatch(ProcessHandle::isAlive);

            cluster.joinAll();
            Map<Integer, String> names = Map.of(0, "n0", 1, "n1", 2, "n2");
            await().atMost(DEADLINE).until(() -> {
                List<Observation> all = cluster.observations().snapshot();
                return names.keySet().stream()
                        .allMatch(node -> Observations.seesLive(names, 2).apply(Observations.ofNode(all, node)).isPresent());
            });

            long t0 = cluster.fireEvent(1, "test-event");
            await().atMost(DEADLINE).until(() -> {
                List<Observation> all = cluster.observations().snapshot();
                return names.keySet().stream().allMatch(node -> firstUserEvent(all, node, "test-event", t0).isPresent());
            });
            List<Observation> all = cluster.observations().snapshot();
            for (int node : names.keySet()) {
                // stamped by the agent on its event thread (atMillis), not on arrival here
                assertThat(firstUserEvent(all, node, "test-event", t0).getAsLong())
                        .isBetween(t0, System.currentTimeMillis());
            }
            assertThat(java.util.Arrays.stream(cluster.bytesSent().orElseThrow()).boxed().toList()).hasSize(3)
                    .allMatch(bytes -> bytes > 0);
            assertThat(failures.toString()).isEmpty();
        }
    }

    @Test
    void aRollingJoinerStartedAfterNodeZeroIsSeenByItAfterItsJoin() throws Exception {
        StringWriter failures = new StringWriter();
        try (ProcessCluster cluster = new ProcessCluster(2, BenchCommand.DEFAULT_JVM_FLAGS, logDir,
                new PrintWriter(failures, true))) {
            cluster.startFirst();
            assertThat(cluster.processes()).hasSize(1).allMatch(ProcessHandle::isAlive);
            cluster.startNext(1);
            assertThat(cluster.processes()).hasSize(2).allMatch(ProcessHandle::isAlive);

            long t0 = cluster.join(1, 0);
            await().atMost(DEADLINE).until(() -> Observations.firstLive("n1", t0)
                    .apply(Observations.ofNode(cluster.observations().snapshot(), 0)).isPresent());
            assertThat(Observations.firstLive("n1", t0).apply(Observations.ofNode(cluster.observations().snapshot(), 0))
                    .getAsLong()).isBetween(t0, System.currentTimeMillis());
            assertThat(failures.toString()).isEmpty();
        }
    }
}
