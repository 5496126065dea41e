package io.grapevine.core;

import io.grapevine.core.sync.SyncMode;
import io.grapevine.core.base.SplitMix64;
import static io.grapevine.core.TestNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replicated state end to end on the fixture network: rumors, direct mail, anti-entropy. */
class StateReplicationTest {
    private static final long SECOND = 1000 * MS;

    private static TestNetwork converged(CoreConfig config, int n, long seed) {
        return TestNetwork.converged(config, n, seed);
    }

    private static boolean everyoneHas(TestNetwork net, String owner, String key, Bytes value) {
        return net.nodes().stream().allMatch(node -> node.get(owner, key).equals(java.util.Optional.ofNullable(value)));
    }

    @Test
    void aWriteReachesEveryNodeAndSoDoesItsDelete() {
        TestNetwork net = converged(CoreConfig.defaults(), 12, 1);
        Node writer = net.nodes().get(4);
        writer.put("role", "leader".getBytes(), net.now, net.outputs(writer.self().address()));
        Bytes leader = Bytes.copyOf("leader".getBytes());
        assertThat(net.runUntil(net.now + 5 * SECOND, x -> everyoneHas(x, "n4", "role", leader))).isTrue();
        writer.delete("role", net.now, net.outputs(writer.self().address()));
        assertThat(net.runUntil(net.now + 5 * SECOND, x -> everyoneHas(x, "n4", "role", null))).isTrue();
    }

    @Test
    void directMailDeliversAWriteWithinOneNetworkHop() {
        TestNetwork net = converged(CoreConfig.defaults().withGossip(p -> p.withDirectMailFanout(64)).withSync(p -> p.withStateRumors(false))
                .withSync(p -> p.withAntiEntropyIntervalNanos(0)), 10, 2);
        Node writer = net.nodes().get(3);
        long start = net.now;
        writer.put("k", new byte[] {7}, net.now, net.outputs(writer.self().address()));
        assertThat(net.runUntil(net.now + SECOND, x -> everyoneHas(x, "n3", "k", Bytes.copyOf(new byte[] {7}))))
                .isTrue();
        assertThat(net.now - start).isLessThanOrEqualTo(2 * MS);
    }

    @Test
    void antiEntropyAloneConvergesUnderHeavyLoss() {
        TestNetwork net = converged(CoreConfig.defaults().withSync(p -> p.withStateRumors(false)), 8, 3);
        net.loss = 0.3;
        for (int i = 0; i < 8; i++) {
            Node node = net.nodes().get(i);
            for (int k = 0; k < 20; k++) {
                node.put("k" + k, new byte[] {(byte) i, (byte) k}, i % 2 == 0 ? KeyPriority.BULK : KeyPriority.CONTROL,
                        0, net.now, net.outputs(node.self().address()));
            }
        }
        net.runUntil(net.now + 60 * SECOND, x -> false);
        net.loss = 0;
        boolean converged = net.runUntil(net.now + 60 * SECOND, x -> x.nodes().stream().allMatch(node ->
                x.nodes().stream().allMatch(owner -> node.entries(owner.self().name())
                        .equals(owner.entries(owner.self().name())))));
        assertThat(converged).isTrue();
    }

    @Test
    void digestsTooLargeForADatagramTravelOverTheStream() {
        // 80 owners with state make a digest of more than 1,400 bytes
        TestNetwork net = converged(CoreConfig.defaults().withSync(p -> p.withStateRumors(false)), 80, 5);
        for (Node node : net.nodes()) {
            node.put("k", new byte[] {1}, net.now, net.outputs(node.self().address()));
        }
        Node late = net.nodes().get(79);
        boolean converged = net.runUntil(net.now + 120 * SECOND, x -> x.nodes().stream()
                .allMatch(owner -> late.get(owner.self().name(), "k").isPresent()));
        assertThat(converged).isTrue();
    }

    @Test
    void everyModeConverges() {
        for (SyncMode mode : SyncMode.values()) {
            TestNetwork net = converged(CoreConfig.defaults().withSync(p -> p.withStateRumors(false)).withSync(p -> p.withStateSyncMode(mode)), 6, 4);
            Node writer = net.nodes().get(2);
            for (int k = 0; k < 50; k++) {
                writer.put("k" + k, new byte[40], net.now, net.outputs(writer.self().address()));
            }
            boolean converged = net.runUntil(net.now + 120 * SECOND, x -> x.nodes().stream()
                    .allMatch(node -> node.entries("n2").size() == 50));
            assertThat(converged).as("mode %s", mode).isTrue();
        }
    }

    @Test
    void aPeerInSyncAnswersASummarySynWithNothingAndOneOutOfSyncOpensAFullExchange() {
        Node node = new Node(CoreConfig.defaults(), new io.grapevine.core.base.NodeId("b",
                new io.grapevine.core.base.Address("10.0.0.2", 7946), 1), new SplitMix64(1), 0);
        io.grapevine.core.base.NodeId peer = new io.grapevine.core.base.NodeId("a",
                new io.grapevine.core.base.Address("10.0.0.1", 7946), 1);
        node.put("k", new byte[] {1}, 0, new RecordingOutputs());
        long inSync = new io.grapevine.core.wire.Digest(List.of()).summary();

        RecordingOutputs differs = new RecordingOutputs();
        node.onDatagram(peer.address(), synFrom(peer, inSync), MS, differs);
        RecordingOutputs same = new RecordingOutputs();
        node.onDatagram(peer.address(), synFrom(peer, summaryOf(differs)), 2 * MS, same);

        assertThat(summaryOf(differs)).as("b holds a key, a nothing: b answers with its full digest")
                .isNotEqualTo(inSync);
        assertThat(same.sent).filteredOn(sent -> messagesOf(sent.packet()).stream()
                .anyMatch(m -> m instanceof io.grapevine.core.wire.StateDigest)).isEmpty();
    }

    private static byte[] synFrom(io.grapevine.core.base.NodeId sender, long summary) {
        return io.grapevine.core.wire.WireCodec.encodePacket("", sender,
                List.of(io.grapevine.core.wire.StateDigest.ofSummary(summary)));
    }

    private static List<io.grapevine.core.wire.WireMessage> messagesOf(byte[] packet) {
        var decoded = io.grapevine.core.wire.WireCodec.decode(packet, "", 1 << 20);
        return ((io.grapevine.core.wire.Decoded.Ok) decoded).packet().messages();
    }

    /** The summary of the full digest in the STATE_DIGEST {@code outputs} sent. */
    private static long summaryOf(RecordingOutputs outputs) {
        return outputs.sent.stream().flatMap(sent -> messagesOf(sent.packet()).stream())
                .filter(m -> m instanceof io.grapevine.core.wire.StateDigest syn && !syn.summaryOnly())
                .map(m -> ((io.grapevine.core.wire.StateDigest) m).digest().summary())
                .findFirst().orElseThrow();
    }
}
