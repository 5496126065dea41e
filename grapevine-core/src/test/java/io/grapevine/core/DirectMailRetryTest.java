package io.grapevine.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.dissemination.DirectMailStats;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged direct mail on real nodes in virtual time: a lost mail is resent until the
 * recipient acknowledges it, acknowledgements stop resends, a dead recipient is given up, and
 * the bounded retry buffer drops (and counts) the oldest of the lowest class. Rumors and
 * anti-entropy are off, so direct mail is the only way a write can travel.
 */
class DirectMailRetryTest {
    private static final long MS = TestNetwork.MS;
    private static final long SECOND = 1_000 * MS;
    private static final Bytes SEVEN = Bytes.copyOf(new byte[] {7});

    private static CoreConfig mailOnly(int retries) {
        return CoreConfig.defaults()
                .withGossip(g -> g.withDirectMailRetries(retries))
                .withSync(s -> s.withStateRumors(false).withAntiEntropyIntervalNanos(0));
    }

    private static boolean has(Node node, String owner) {
        return node.get(owner, "k").equals(Optional.of(SEVEN));
    }

    @Test
    void aLostMailIsResentAndArrivesAfterTheFirstRetryInterval() {
        TestNetwork net = TestNetwork.converged(mailOnly(2), 10, 11);
        Node writer = net.nodes().get(3);
        Node unlucky = net.nodes().get(5);
        net.dropNextDatagrams(writer, unlucky, 1);
        long start = net.now;
        writer.put("k", new byte[] {7}, net.now, net.outputs(writer.self().address()));

        assertThat(net.runUntil(net.now + SECOND, x -> has(unlucky, "n3"))).isTrue();
        long took = net.now - start;
        // the resend leaves 50 ms after the write (directMailRetryNanos) and takes a 1 ms hop
        assertThat(took).isBetween(50 * MS, 60 * MS);
        net.runUntil(net.now + SECOND, x -> false);
        DirectMailStats stats = writer.directMail();
        assertThat(stats.tagged()).isEqualTo(1);
        assertThat(stats.resent()).isEqualTo(1);
        assertThat(stats.acknowledged()).isEqualTo(9);
        assertThat(stats.pending()).isZero();
    }

    @Test
    void withoutRetriesTheSameLossLeavesTheRecipientWithoutTheWrite() {
        TestNetwork net = TestNetwork.converged(mailOnly(0), 10, 11);
        Node writer = net.nodes().get(3);
        Node unlucky = net.nodes().get(5);
        net.dropNextDatagrams(writer, unlucky, 1);
        writer.put("k", new byte[] {7}, net.now, net.outputs(writer.self().address()));

        assertThat(net.runUntil(net.now + 2 * SECOND, x -> has(unlucky, "n3"))).isFalse();
        assertThat(net.nodes().stream().filter(n -> n != unlucky && n != writer).allMatch(n -> has(n, "n3"))).isTrue();
        assertThat(writer.directMail().tagged()).isZero();
    }

    @Test
    void acknowledgedMailIsNeverResent() {
        TestNetwork net = TestNetwork.converged(mailOnly(2), 8, 12);
        Node writer = net.nodes().get(2);
        for (int i = 0; i < 5; i++) {
            writer.put("k" + i, new byte[] {7}, net.now, net.outputs(writer.self().address()));
        }
        net.runUntil(net.now + 2 * SECOND, x -> false);
        DirectMailStats stats = writer.directMail();
        assertThat(stats.tagged()).isEqualTo(5);
        assertThat(stats.acknowledged()).isEqualTo(5 * 7);
        assertThat(stats.resent()).isZero();
        assertThat(stats.pending()).isZero();
    }

    @Test
    void aCrashedRecipientIsResentToAtMostTheRetryLimitThenForgotten() {
        TestNetwork net = TestNetwork.converged(mailOnly(3), 6, 13);
        Node writer = net.nodes().get(1);
        net.crash(net.nodes().get(4));
        writer.put("k", new byte[] {7}, net.now, net.outputs(writer.self().address()));
        net.runUntil(net.now + 2 * SECOND, x -> false);
        DirectMailStats stats = writer.directMail();
        assertThat(stats.resent()).isEqualTo(3);
        assertThat(stats.acknowledged()).isEqualTo(4);
        assertThat(stats.pending()).isZero();
    }

    @Test
    void aFullBufferDropsTheOldestUserMailAndCountsIt() {
        CoreConfig config = mailOnly(2).withGossip(g -> g.withDirectMailBuffer(8));
        TestNetwork net = TestNetwork.converged(config, 6, 14);
        Node writer = net.nodes().get(0);
        // no acknowledgement reaches the writer, so every mail stays held until resent twice
        for (Node other : net.nodes().subList(1, 6)) {
            net.blockDatagrams(other, writer);
        }
        writer.put("a", new byte[] {1}, net.now, net.outputs(writer.self().address()));
        writer.put("b", new byte[] {2}, net.now, net.outputs(writer.self().address()));
        // 5 recipients each: the second mail needs the first one's room
        DirectMailStats afterTwo = writer.directMail();
        assertThat(afterTwo.userDrops()).isEqualTo(1);
        assertThat(afterTwo.pending()).isEqualTo(5);
        // a newer write of the same key supersedes its mail without counting a drop
        writer.put("b", new byte[] {3}, net.now, net.outputs(writer.self().address()));
        assertThat(writer.directMail().userDrops()).isEqualTo(1);
        assertThat(writer.directMail().pending()).isEqualTo(5);
        assertThat(writer.directMail().membershipDrops()).isZero();
    }
}
