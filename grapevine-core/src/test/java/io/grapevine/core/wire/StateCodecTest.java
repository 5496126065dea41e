package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.KeyPriority;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of the replicated-state bodies (STATE_DIGEST, STATE_ACK, STATE_PUSH). */
class StateCodecTest {
    private static final NodeId OWNER = new NodeId("o", new Address("h", 1), 2);

    private static Decoded roundTrip(WireMessage message) {
        byte[] bytes = WireCodec.encodePacket("c", WireCodecRejectionTest.SENDER, List.of(message));
        return WireCodec.decode(bytes, "c", Integer.MAX_VALUE);
    }

    private static Decoded.Ok ok(WireMessage message) {
        return new Decoded.Ok(new Packet(WireCodecRejectionTest.SENDER, List.of(message)));
    }

    private static Delta delta(String... keys) {
        List<VersionedEntry> entries = new ArrayList<>();
        long version = 4;
        for (String key : keys) {
            entries.add(new VersionedEntry(key, Bytes.copyOf(key.getBytes(StandardCharsets.UTF_8)), ++version, false));
        }
        return new Delta(List.of(new DeltaPart(OWNER, KeyPriority.CONTROL, false, 4, 0, version + 1, true, entries)),
                false);
    }

    @Test
    void eachStateMessageRoundTrips() {
        Digest digest = new Digest(List.of(new DigestEntry(OWNER, KeyPriority.CRITICAL, 9, 3),
                new DigestEntry(OWNER, KeyPriority.BULK, 0, 0)));
        Delta withTombstone = new Delta(List.of(new DeltaPart(OWNER, KeyPriority.BULK, true, 0, 7, 12, false,
                List.of(new VersionedEntry("gone", Bytes.EMPTY, 11, true)))), true);

        for (WireMessage message : List.of(new StateDigest(digest, true), new StateDigest(new Digest(List.of()), false),
                StateDigest.ofSummary(digest.summary()), StateDigest.ofSummary(0), StateDigest.ofSummary(Long.MIN_VALUE),
                StateDigest.ofSummary(-1),
                new StateAck(delta("k1", "k2"), digest), new StateAck(Delta.EMPTY, new Digest(List.of())),
                new StatePush(withTombstone))) {
            assertThat(roundTrip(message)).as(message.kind().name()).isEqualTo(ok(message));
        }
    }

    @Test
    void blankReplicatedKeysRoundTripBecauseTheStateAcceptsThem() {
        // VersionedEntry and ReplicatedState.put only refuse empty keys; the decoder used to
        // read keys as names and reject blank ones, dropping the whole packet at every receiver
        StatePush message = new StatePush(delta(" ", "\t", "ok"));

        assertThat(roundTrip(message)).isEqualTo(ok(message));
    }

    @Test
    void aMinimalTombstoneEndingAPacketDecodes() {
        // the smallest entry is 5 bytes: key "k" (2), version (1), tombstone (1), no value (1);
        // the count check used to demand 6 per entry, so deleting a one-letter key sent a
        // STATE_PUSH that every receiver rejected as TRUNCATED
        byte[] bytes = RawBytes.packetHeader("c").u8(1).frame(MessageType.STATE_PUSH.code(), new RawBytes()
                .u8(0).varint(1)                                                    // delta flags, one part
                .node("o", "h", 1, 2).u8(1).u8(2).varint(0).varint(0).varint(1)     // CONTROL, complete, 0, 0, 1
                .varint(1).str8("k").varint(1).u8(1).varint(0))                     // one entry: "k" v1 tombstone
                .sealed();
        StatePush expected = new StatePush(new Delta(List.of(new DeltaPart(new NodeId("o", new Address("h", 1), 2),
                KeyPriority.CONTROL, false, 0, 0, 1, true, List.of(new VersionedEntry("k", Bytes.EMPTY, 1, true)))),
                false));

        assertThat(WireCodec.decode(bytes, "c", 1400)).isEqualTo(ok(expected));
        assertThat(roundTrip(expected)).isEqualTo(ok(expected));
    }

    @Test
    void anEmptyKeyIsMalformed() {
        byte[] bytes = RawBytes.packetHeader("c").u8(1).frame(MessageType.STATE_PUSH.code(), new RawBytes()
                .u8(0).varint(1)
                .node("o", "h", 1, 2).u8(1).u8(2).varint(0).varint(0).varint(1)
                .varint(1).str8("").varint(1).u8(0).varint(3).u8s('v', 'a', 'l'))  // key "" v1 value "val"
                .sealed();

        assertThat(WireCodec.decode(bytes, "c", 1400)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Rejection.MALFORMED));
    }
}
