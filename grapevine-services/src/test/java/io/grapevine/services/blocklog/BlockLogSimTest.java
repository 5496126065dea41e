package io.grapevine.services.blocklog;

import static io.grapevine.services.blocklog.SimBlockLogs.MS;
import static io.grapevine.services.blocklog.SimBlockLogs.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The block log in the deterministic simulator: push, pull, loss, partitions, tampering, a leader's death. */
class BlockLogSimTest {
    private static final BlockLogConfig PUSH_AND_PULL = BlockLogConfig.defaults();

    private static void produceBlocks(SimBlockLogs logs, int leader, int count, long gapNanos) {
        for (int i = 0; i < count; i++) {
            assertThat(logs.produce(leader, "tx " + i)).isPresent();
            logs.sim.runFor(gapNanos);
        }
    }

    @Test
    void pushAndPullBringEveryBlockToEveryNodeInOrderOnAValidChain() {
        SimBlockLogs logs = new SimBlockLogs(32, 1, 0.0, PUSH_AND_PULL);
        assertThat(logs.producer()).isEqualTo(0);
        produceBlocks(logs, 0, 10, 100 * MS);
        assertThat(logs.sim.runUntil(() -> logs.allAt(10), logs.sim.nowNanos() + 10 * SECOND)).isTrue();
        assertThat(logs.sameValidChains(0, 10)).isTrue();
        for (int i = 0; i < 32; i++) {
            String name = logs.sim.name(i);
            List<Long> order = logs.appended.stream().filter(a -> a.node().equals(name)).map(SimBlockLogs.Appended::number)
                    .collect(Collectors.toList());
            assertThat(order).as(name).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(logs.log(i).stats().rejected()).isZero();
        }
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        long[] hashes = new long[3];
        List<?> first = null;
        for (int run = 0; run < 3; run++) {
            SimBlockLogs logs = new SimBlockLogs(16, run < 2 ? 7 : 8, 0.05, PUSH_AND_PULL);
            produceBlocks(logs, 0, 5, 50 * MS);
            logs.sim.runFor(10 * SECOND);
            hashes[run] = logs.sim.traceHash();
            if (run == 0) {
                first = List.copyOf(logs.appended);
            } else if (run == 1) {
                assertThat(logs.appended).isEqualTo(first);
            }
        }
        assertThat(hashes[1]).isEqualTo(hashes[0]);
        assertThat(hashes[2]).isNotEqualTo(hashes[0]);
    }

    @Test
    void aTamperedBlockIsDroppedCountedAndNeverForwarded() {
        SimBlockLogs logs = new SimBlockLogs(16, 3, 0.0, PUSH_AND_PULL);
        produceBlocks(logs, 0, 3, 50 * MS);
        assertThat(logs.sim.runUntil(() -> logs.allAt(3), logs.sim.nowNanos() + 10 * SECOND)).isTrue();
        BlockLog victim = logs.log(5);
        Block honest = Block.create(4, victim.view().headHash(), "node-0", Bytes.copyOf("pay 1".getBytes(StandardCharsets.UTF_8)));
        Block tampered = new Block(4, honest.previousHash(), "node-0",
                Bytes.copyOf("pay 9".getBytes(StandardCharsets.UTF_8)), honest.hash());
        long pushesBefore = victim.stats().pushesSent();
        logs.sim.callService(5, BlockLog.CHANNEL, BlockLog.class, (log, ctx) -> {
            log.onMessage("node-3", BlockCodec.encode(new BlockMessage.Push(tampered)), ctx);
            log.onMessage("node-3", Bytes.copyOf(new byte[] {9, 1, 2}), ctx);
            return null;
        });
        assertThat(victim.stats().rejected()).isEqualTo(1);
        assertThat(victim.stats().malformed()).isEqualTo(1);
        assertThat(victim.stats().pushesSent()).isEqualTo(pushesBefore);
        assertThat(victim.view().height()).isEqualTo(3);
        logs.sim.runFor(10 * SECOND);
        for (int i = 0; i < 16; i++) {
            assertThat(logs.log(i).view().height()).isEqualTo(3);
            if (i != 5) {
                assertThat(logs.log(i).stats().rejected()).as("node %d saw the tampered block", i).isZero();
            }
        }
        produceBlocks(logs, 0, 1, 0);
        assertThat(logs.sim.runUntil(() -> logs.allAt(4), logs.sim.nowNanos() + 10 * SECOND)).isTrue();
        assertThat(logs.sameValidChains(0, 4)).isTrue();
    }

    @Test
    void pullAloneConvergesAtTwentyPercentLoss() {
        SimBlockLogs logs = new SimBlockLogs(32, 4, 0.20, PUSH_AND_PULL.withFanout(0));
        int leader = logs.producer();
        assertThat(leader).isEqualTo(0);
        produceBlocks(logs, leader, 10, 100 * MS);
        assertThat(logs.sim.runUntil(() -> logs.allAt(10), logs.sim.nowNanos() + 120 * SECOND)).isTrue();
        assertThat(logs.sameValidChains(0, 10)).isTrue();
        assertThat(logs.log(7).stats().pushesSent()).isZero();
    }

    @Test
    void pushAndPullConvergeAtTwentyPercentLoss() {
        SimBlockLogs logs = new SimBlockLogs(32, 5, 0.20, PUSH_AND_PULL);
        produceBlocks(logs, logs.producer(), 20, 100 * MS);
        assertThat(logs.sim.runUntil(() -> logs.allAt(20), logs.sim.nowNanos() + 60 * SECOND)).isTrue();
        assertThat(logs.sameValidChains(0, 20)).isTrue();
    }

    @Test
    void afterAPartitionHealsEveryNodeHoldsEveryBlock() {
        SimBlockLogs logs = new SimBlockLogs(24, 6, 0.0, PUSH_AND_PULL);
        int[] sides = new int[24];
        for (int i = 18; i < 24; i++) {
            sides[i] = 1;
        }
        logs.sim.network().partition(sides);
        produceBlocks(logs, 0, 12, 100 * MS);
        for (int i = 18; i < 24; i++) {
            assertThat(logs.log(i).view().height()).isZero();
        }
        logs.sim.network().heal();
        assertThat(logs.sim.runUntil(() -> logs.allAt(12), logs.sim.nowNanos() + 30 * SECOND)).isTrue();
        assertThat(logs.sameValidChains(0, 12)).isTrue();
    }

    @Test
    void whenTheLeaderDiesOneNewLeaderContinuesTheLongestChain() {
        SimBlockLogs logs = new SimBlockLogs(16, 9, 0.0, PUSH_AND_PULL);
        produceBlocks(logs, 0, 5, 50 * MS);
        assertThat(logs.sim.runUntil(() -> logs.allAt(5), logs.sim.nowNanos() + 10 * SECOND)).isTrue();
        int heir = logs.sim.indexOf("node-1"); // the lowest name once node-0 is gone
        for (int i = 0; i < 16; i++) {
            logs.sim.network().block(i, heir); // the heir misses block 6 ...
        }
        produceBlocks(logs, 0, 1, 300 * MS);
        assertThat(logs.log(heir).view().height()).isEqualTo(5);
        long takeoversBefore = logs.log(heir).stats().takeovers();
        logs.sim.network().heal();
        logs.sim.crash(0); // ... and the leader dies before a pull could bring it
        assertThat(logs.sim.runUntil(() -> logs.producer() == heir, logs.sim.nowNanos() + 30 * SECOND)).isTrue();
        for (int step = 0; step < 100; step++) {
            logs.sim.runFor(100 * MS);
            assertThat(logs.producer()).isEqualTo(heir);
        }
        Block next = logs.produce(heir, "after").orElseThrow();
        assertThat(next.number()).isEqualTo(7);
        assertThat(next.previousHash()).isEqualTo(logs.log(3).block(6).orElseThrow().hash());
        produceBlocks(logs, heir, 3, 50 * MS);
        assertThat(logs.sim.runUntil(() -> logs.allAt(10), logs.sim.nowNanos() + 10 * SECOND)).isTrue();
        assertThat(logs.sameValidChains(heir, 10)).isTrue();
        assertThat(logs.log(heir).stats().takeovers()).isEqualTo(takeoversBefore + 1);
    }

    @Test
    void aNodeThatMissedAPushGetsTheGapFromTheNextBlocksSenderWithoutAPullRound() {
        SimBlockLogs logs = new SimBlockLogs(16, 10, 0.0, PUSH_AND_PULL.withPullIntervalNanos(0));
        int late = 9;
        for (int i = 0; i < 16; i++) {
            logs.sim.network().block(i, late);
        }
        produceBlocks(logs, 0, 1, 200 * MS);
        logs.sim.network().heal();
        assertThat(logs.log(late).view().height()).isZero();
        produceBlocks(logs, 0, 1, 0);
        assertThat(logs.sim.runUntil(() -> logs.allAt(2), logs.sim.nowNanos() + 500 * MS)).isTrue();
        assertThat(logs.log(late).stats().requestsSent()).isBetween(1L, 2L);
        assertThat(logs.log(late).stats().hellosSent()).isZero();
        assertThat(logs.sameValidChains(0, 2)).isTrue();
    }

    @Test
    void withoutGapRepairOrPullANodeThatMissedOnePushStaysBehind() {
        SimBlockLogs logs = new SimBlockLogs(16, 10, 0.0, PUSH_AND_PULL.withPullIntervalNanos(0).withGapRepair(false));
        int late = 9;
        for (int i = 0; i < 16; i++) {
            logs.sim.network().block(i, late);
        }
        produceBlocks(logs, 0, 1, 200 * MS);
        logs.sim.network().heal();
        produceBlocks(logs, 0, 3, 100 * MS);
        logs.sim.runFor(5 * SECOND);
        assertThat(logs.log(late).view().height()).isZero();
        assertThat(logs.log(late).view().buffered()).isBetween(1, 3);
        assertThat(logs.log(late).stats().pushesSent()).as("nothing it could verify, so nothing forwarded").isZero();
    }
}
