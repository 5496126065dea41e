package io.grapevine.core.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operation's bookkeeping of the replicas it asked: each counts once, resends go only to the silent ones. */
class PendingOpTest {
    private static final Address A = new Address("127.0.0.1", 7001);
    private static final Address B = new Address("127.0.0.1", 7002);

    @Test
    void aReplicaAnsweringTwiceCountsOnceAndAStrangerNotAtAll() {
        PendingOp write = new PendingOp(1, SharedOpKind.PUT, 2, 2_000, null);
        write.asked("a", A, List.of(new byte[] {1}), 250);
        write.asked("b", B, List.of(new byte[] {2}), 250);
        assertThat(write.firstAnswerFrom("a")).isTrue();
        assertThat(write.firstAnswerFrom("a")).as("a's answer to the resent request").isFalse();
        assertThat(write.firstAnswerFrom("c")).as("never asked").isFalse();
        assertThat(write.firstAnswerFrom("b")).isTrue();
    }

    @Test
    void resendsGoToTheReplicasNotHeardFromOncePerInterval() {
        PendingOp scan = new PendingOp(2, SharedOpKind.SCAN, 2, 2_000, null);
        scan.asked("a", A, List.of(new byte[] {1}), 250);
        scan.asked("b", B, List.of(new byte[] {2}), 250);
        assertThat(scan.resendsDue(249, 250)).isEmpty();
        scan.firstAnswerFrom("a");
        assertThat(scan.resendsDue(250, 250)).extracting(PendingOp.Request::address).containsExactly(B);
        assertThat(scan.nextResendNanos()).isEqualTo(500);
        assertThat(scan.resendsDue(499, 250)).isEmpty();
        scan.firstAnswerFrom("b");
        assertThat(scan.nextResendNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(scan.resendsDue(500, 250)).isEmpty();
    }
}
