package io.grapevine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.Member;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Simulation#startConverged}: a formed cluster without N cold joins, that behaves as one. */
class ConvergedStartTest {
    private static final long SECOND = 1_000_000_000L;

    private static Simulation converged(int nodes, long seed) {
        Simulation sim = new Simulation(SimConfig.defaults().withNodes(nodes).withSeed(seed));
        sim.startConverged();
        return sim;
    }

    @Test
    void everyNodeKnowsEveryOtherAliveAtOnceWithNoHistoryAndNoTraffic() {
        Simulation sim = converged(32, 1);
        for (int i = 0; i < 32; i++) {
            assertThat(sim.node(i).liveMemberCount()).isEqualTo(32);
            assertThat(sim.node(i).members()).allMatch(m -> m.status() == MemberStatus.ALIVE && m.incarnation() == 0);
        }
        assertThat(sim.node(3).history("node-7")).isEmpty();
        assertThat(sim.stats().events()).isZero();
    }

    @Test
    void aCrashInAConvergedStartIsDetectedByEverySurvivorWithoutFalsePositives() {
        Simulation sim = converged(64, 2);
        sim.runFor(5 * SECOND);
        sim.crash(17);
        boolean seen = sim.runUntil(() -> {
            for (int i = 0; i < 64; i++) {
                if (i != 17 && sim.node(i).member("node-17").map(Member::status).orElseThrow() != MemberStatus.DEAD) {
                    return false;
                }
            }
            return true;
        }, sim.nowNanos() + 60 * SECOND);
        assertThat(seen).isTrue();
        for (int i = 0; i < 64; i++) {
            if (i != 17) {
                assertThat(sim.node(i).liveMemberCount()).as("node-%d", i).isEqualTo(63);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameTrace() {
        Simulation first = converged(16, 5);
        first.runFor(20 * SECOND);
        Simulation again = converged(16, 5);
        again.runFor(20 * SECOND);
        assertThat(again.traceHash()).isEqualTo(first.traceHash());
    }

    @Test
    void aClusterThatHasStartedCannotStartConvergedAgain() {
        Simulation sim = new Simulation(SimConfig.defaults().withNodes(4));
        sim.start(0, List.of());
        assertThatThrownBy(sim::startConverged).isInstanceOf(IllegalStateException.class).hasMessageContaining("node-0");
    }
}
