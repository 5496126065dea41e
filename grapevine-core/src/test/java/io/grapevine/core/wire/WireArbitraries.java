package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.KeyPriority;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of valid wire values for the codec properties: names across the UTF-8 widths
 * (1 to 4 bytes per code point) up to the 255-byte limit, numbers across the varint byte
 * boundaries up to {@code Long.MAX_VALUE}, and every message type.
 */
final class WireArbitraries {
    private WireArbitraries() {
    }

    /** Code points of every UTF-8 width, plus a little whitespace inside names. */
    static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x21, 0x7E)),     // 1 byte
                Tuple.of(1, Arbitraries.of(0x20, 0x09)),                      // whitespace
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),     // 2 bytes
                Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),   // 3 bytes
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),  // 3 bytes
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF))); // 4 bytes
    }

    /** Non-blank names of 1..255 UTF-8 bytes; a quarter are exactly 255 bytes long. */
    static Arbitrary<String> names() {
        Arbitrary<String> any = codePoints().list().ofMinSize(1).ofMaxSize(90)
                .map(WireArbitraries::fitTo255);
        Arbitrary<String> full = codePoints().list().ofMinSize(60).ofMaxSize(255)
                .map(WireArbitraries::padTo255);
        return Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(1, full))
                .filter(s -> !s.isBlank());
    }

    /** Cluster labels: 0..255 UTF-8 bytes, the empty label included. */
    static Arbitrary<String> labels() {
        return Arbitraries.oneOf(Arbitraries.just(""), names());
    }

    /** Non-negative longs that hit every varint width (1..9 bytes) and both ends of the range. */
    static Arbitrary<Long> nonNegativeLongs() {
        Arbitrary<Long> boundaries = Arbitraries.integers().between(0, 63)
                .flatMap(bits -> Arbitraries.of((1L << bits) - 1, bits < 63 ? 1L << bits : Long.MAX_VALUE));
        return Arbitraries.oneOf(boundaries, Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(0, 300));
    }

    static Arbitrary<NodeId> nodeIds() {
        Arbitrary<Address> addresses = Combinators.combine(names(), Arbitraries.integers().between(0, 65_535))
                .as(Address::new);
        return Combinators.combine(names(), addresses, nonNegativeLongs()).as(NodeId::new);
    }

    static Arbitrary<Bytes> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000).map(Bytes::copyOf);
    }

    static Arbitrary<MemberState> memberStates() {
        return Combinators.combine(nodeIds(), nonNegativeLongs(), Arbitraries.of(MemberStatus.class))
                .as(MemberState::new);
    }

    static Arbitrary<WireMessage> messages() {
        Arbitrary<Integer> sequences = Arbitraries.integers();
        Arbitrary<Ping> pings = Combinators.combine(sequences, names()).as(Ping::new);
        Arbitrary<Ack> acks = sequences.map(Ack::new);
        Arbitrary<Nack> nacks = sequences.map(Nack::new);
        Arbitrary<PingReq> pingReqs = Combinators.combine(sequences, nodeIds()).as(PingReq::new);
        Arbitrary<MemberUpdate> updates = Combinators.combine(nodeIds(), nonNegativeLongs(),
                Arbitraries.of(MemberStatus.class), names()).as(MemberUpdate::new);
        Arbitrary<UserEvent> events = Combinators.combine(names(), nonNegativeLongs(), names(), payloads())
                .as(UserEvent::new);
        Arbitrary<MemberListSync> syncs = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                nonNegativeLongs(), Arbitraries.oneOf(Arbitraries.just(""), names()),
                memberStates().list().ofMaxSize(40)).as(MemberListSync::new);
        // weights: the three replicated-state types share one arbitrary, so it gets three shares
        return Arbitraries.frequencyOf(Tuple.of(1, pings), Tuple.of(1, acks), Tuple.of(1, nacks), Tuple.of(1, pingReqs),
                Tuple.of(1, updates), Tuple.of(1, events), Tuple.of(1, syncs),
                Tuple.of(3, stateMessages(nodeIds(), keys(), payloads(), 6)));
    }

    /** STATE_DIGEST, STATE_ACK and STATE_PUSH over the given owners, keys and values. */
    static Arbitrary<WireMessage> stateMessages(Arbitrary<NodeId> owners, Arbitrary<String> keys,
                                                Arbitrary<Bytes> values, int maxRows) {
        Arbitrary<Digest> digests = Combinators.combine(owners, Arbitraries.of(KeyPriority.class),
                nonNegativeLongs(), nonNegativeLongs()).as(DigestEntry::new).list().ofMaxSize(maxRows).map(Digest::new);
        Arbitrary<Delta> deltas = deltaParts(owners, keys, values, maxRows).list().ofMaxSize(Math.max(1, maxRows / 2))
                .flatMap(parts -> Arbitraries.of(true, false).map(deferred -> new Delta(parts, deferred)));
        return Arbitraries.oneOf(
                Combinators.combine(digests, Arbitraries.of(true, false)).as(StateDigest::new),
                Arbitraries.longs().map(StateDigest::ofSummary),
                Combinators.combine(deltas, digests).as(StateAck::new),
                deltas.map(StatePush::new));
    }

    /**
     * Parts whose entries have strictly increasing versions above {@code fromVersion} and at
     * most {@code maxVersion}; tombstones carry no value, as {@link DeltaPart} requires.
     */
    private static Arbitrary<DeltaPart> deltaParts(Arbitrary<NodeId> owners, Arbitrary<String> keys,
                                                   Arbitrary<Bytes> values, int maxEntries) {
        Arbitrary<Long> starts = Arbitraries.oneOf(Arbitraries.longs().between(0, 200),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 2));
        Arbitrary<Long> steps = Arbitraries.oneOf(Arbitraries.longs().between(1, 3),
                Arbitraries.longs().between(1, 1L << 40));
        Arbitrary<VersionedEntry> unversioned = Combinators.combine(keys, values, Arbitraries.of(true, false))
                .as((key, value, tombstone) -> new VersionedEntry(key, tombstone ? Bytes.EMPTY : value, 1, tombstone));
        return Combinators.combine(owners, Arbitraries.of(KeyPriority.class), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), starts, nonNegativeLongs(), steps.list().ofMaxSize(maxEntries),
                        unversioned.list().ofSize(maxEntries))
                .as((owner, priority, reset, complete, from, gc, gaps, templates) -> {
                    List<VersionedEntry> entries = new ArrayList<>();
                    long version = from;
                    for (int i = 0; i < gaps.size(); i++) {
                        version += gaps.get(i);
                        VersionedEntry t = templates.get(i);
                        entries.add(new VersionedEntry(t.key(), t.value(), version, t.tombstone()));
                    }
                    return new DeltaPart(owner, priority, reset, from, gc, version + gaps.size() % 2, complete, entries);
                });
    }

    /** Replicated-state keys: any non-empty string within the limit, blank ones included. */
    static Arbitrary<String> keys() {
        return Arbitraries.oneOf(names(), Arbitraries.of(" ", "\t", "k"));
    }

    /** Small messages of every type (short names, tiny payloads and lists), for properties that try every bit. */
    static Arbitrary<WireMessage> smallMessages() {
        Arbitrary<Integer> sequences = Arbitraries.integers();
        Arbitrary<String> shortNames = codePoints().list().ofMinSize(1).ofMaxSize(6)
                .map(WireArbitraries::fitTo255).filter(s -> !s.isBlank());
        Arbitrary<NodeId> smallIds = Combinators.combine(shortNames, shortNames,
                Arbitraries.integers().between(0, 65_535), nonNegativeLongs())
                .as((name, host, port, generation) -> new NodeId(name, new Address(host, port), generation));
        return Arbitraries.oneOf(
                Combinators.combine(sequences, shortNames).as(Ping::new),
                sequences.map(Ack::new),
                sequences.map(Nack::new),
                Combinators.combine(sequences, smallIds).as(PingReq::new),
                Combinators.combine(smallIds, nonNegativeLongs(), Arbitraries.of(MemberStatus.class), shortNames)
                        .as(MemberUpdate::new),
                Combinators.combine(shortNames, nonNegativeLongs(), shortNames,
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(Bytes::copyOf)).as(UserEvent::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), nonNegativeLongs(),
                        Arbitraries.just(""), Combinators.combine(smallIds, nonNegativeLongs(), Arbitraries.of(MemberStatus.class))
                                .as(MemberState::new).list().ofMaxSize(2)).as(MemberListSync::new),
                stateMessages(smallIds, Arbitraries.oneOf(shortNames, Arbitraries.just(" ")),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(4).map(Bytes::copyOf), 2));
    }

    /** The longest prefix of {@code codePoints} whose UTF-8 form fits in 255 bytes (at least one). */
    static String fitTo255(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        int bytes = 0;
        for (int cp : codePoints) {
            int width = utf8Width(cp);
            if (bytes + width > WireLimits.MAX_STRING_BYTES) {
                break;
            }
            text.appendCodePoint(cp);
            bytes += width;
        }
        return text.toString();
    }

    /** {@link #fitTo255} padded with ASCII to exactly 255 UTF-8 bytes. */
    static String padTo255(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder(fitTo255(codePoints));
        while (utf8Length(text.toString()) < WireLimits.MAX_STRING_BYTES) {
            text.append('x');
        }
        return text.toString();
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int utf8Width(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
