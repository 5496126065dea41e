package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.testsupport.Gens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of valid wire values for the codec properties: names across the
 * UTF-8 widths (1 to 4 bytes per code point) up to the 255-byte limit, numbers across the
 * varint byte boundaries up to {@code Long.MAX_VALUE}, and every message type.
 */
final class WireArbitraries {
    private WireArbitraries() {
    }

    /** Code points of every UTF-8 width, plus a little whitespace inside names. */
    static Gen<Integer> codePoints() {
        return Generate.frequency(
                Pair.of(6, Gens.ints(0x21, 0x7E)),           // 1 byte
                Pair.of(1, Gens.of(0x20, 0x09)),             // whitespace
                Pair.of(2, Gens.ints(0x80, 0x7FF)),          // 2 bytes
                Pair.of(2, Gens.ints(0x800, 0xD7FF)),        // 3 bytes
                Pair.of(1, Gens.ints(0xE000, 0xFFFD)),       // 3 bytes
                Pair.of(2, Gens.ints(0x10000, 0x10FFFF)));   // 4 bytes
    }

    /** Non-blank names of 1..255 UTF-8 bytes; a quarter are exactly 255 bytes long. */
    static Gen<String> names() {
        Gen<String> any = Gens.lists(codePoints(), 1, 90).map(WireArbitraries::fitTo255);
        Gen<String> full = Gens.lists(codePoints(), 60, 255).map(WireArbitraries::padTo255);
        return Generate.frequency(Pair.of(3, any), Pair.of(1, full))
                .assuming(s -> !s.isBlank())
                .describedAs(Gens::quoted);
    }

    /** Cluster labels: 0..255 UTF-8 bytes, the empty label included. */
    static Gen<String> labels() {
        return Generate.oneOf(Generate.constant(""), names()).describedAs(Gens::quoted);
    }

    /** Non-negative longs that hit every varint width (1..9 bytes) and both ends of the range. */
    static Gen<Long> nonNegativeLongs() {
        Gen<Long> boundaries = Gens.ints(0, 63)
                .flatMap(bits -> Gens.of((1L << bits) - 1, bits < 63 ? 1L << bits : Long.MAX_VALUE));
        return Generate.oneOf(boundaries, Gens.longs(0, Long.MAX_VALUE), Gens.longs(0, 300));
    }

    static Gen<NodeId> nodeIds() {
        Gen<Address> addresses = names().zip(Gens.ints(0, 65_535), Address::new);
        return names().zip(addresses, nonNegativeLongs(), NodeId::new);
    }

    static Gen<Bytes> payloads() {
        return Gens.byteArrays(0, 2_000).map(b -> Bytes.copyOf(b));
    }

    static Gen<MemberState> memberStates() {
        return nodeIds().zip(nonNegativeLongs(), Generate.enumValues(MemberStatus.class), MemberState::new);
    }

    static Gen<WireMessage> messages() {
        Gen<Integer> sequences = Gens.anyInt();
        Gen<WireMessage> pings = sequences.zip(names(), Ping::new);
        Gen<WireMessage> acks = sequences.map(Ack::new);
        Gen<WireMessage> nacks = sequences.map(Nack::new);
        Gen<WireMessage> pingReqs = sequences.zip(nodeIds(), PingReq::new);
        Gen<WireMessage> updates = nodeIds().zip(nonNegativeLongs(), Generate.enumValues(MemberStatus.class), names(),
                MemberUpdate::new);
        Gen<WireMessage> events = names().zip(nonNegativeLongs(), names(), payloads(), UserEvent::new);
        Gen<WireMessage> syncs = Gens.booleans().zip(Gens.booleans(), nonNegativeLongs(),
                Generate.oneOf(Generate.constant(""), names()), Gens.lists(memberStates(), 0, 40), MemberListSync::new);
        Gen<WireMessage> services = names().zip(payloads(), ServiceMessage::new);
        Gen<WireMessage> viewDigests = Gens.anyLong().zip(nonNegativeLongs(), MemberListDigest::new);
        Gen<Long> mailIds = nonNegativeLongs().map(v -> Math.max(1, v));
        Gen<WireMessage> mailTags = mailIds.map(MailTag::new);
        Gen<WireMessage> mailAcks = Gens.lists(mailIds, 1, MailAck.MAX_IDS).map(MailAck::new);
        Gen<WireMessage> rumorKnown = Gens.lists(Gens.anyInt(), 1, RumorKnown.MAX_HASHES).map(RumorKnown::new);
        // weights: the three replicated-state types share one generator, so it gets three shares
        return Generate.frequency(Pair.of(1, pings), Pair.of(1, acks), Pair.of(1, nacks), Pair.of(1, pingReqs),
                Pair.of(1, updates), Pair.of(1, events), Pair.of(1, syncs), Pair.of(1, services),
                Pair.of(1, viewDigests), Pair.of(1, mailTags), Pair.of(1, mailAcks), Pair.of(1, rumorKnown),
                Pair.of(3, stateMessages(nodeIds(), keys(), payloads(), 6)),
                Pair.of(9, keyspaceMessages(keys(), names(), payloads(), 6)));
    }

    /** The nine shared-keyspace types (MERKLE_HASHES .. MERKLE_IN_SYNC) over the given keys, writers and values. */
    static Gen<WireMessage> keyspaceMessages(Gen<String> keys, Gen<String> writers, Gen<Bytes> values, int maxItems) {
        Gen<Long> positive = nonNegativeLongs().map(v -> Math.max(1, v));
        Gen<Integer> smallInts = Generate.oneOf(Gens.ints(0, 300), Gens.ints(0, Integer.MAX_VALUE));
        Gen<SharedEntry> entries = keys.zip(values, positive, writers, Gens.booleans(),
                (key, value, hlc, writer, tombstone) -> new SharedEntry(key, tombstone ? Bytes.EMPTY : value, hlc,
                        writer, tombstone));
        Gen<List<SharedEntry>> entryLists = Gens.lists(entries, 0, maxItems);
        Gen<MerkleHash> hashes = smallInts.zip(Gens.ints(0, 255), smallInts, Gens.anyLong(), MerkleHash::new);
        Gen<LeafRef> leaves = smallInts.zip(Gens.ints(0, 255), smallInts, nonNegativeLongs(), Gens.booleans(), LeafRef::new);
        return Generate.oneOf(
                Gens.ints(2, 255).zip(Gens.ints(1, 255), Gens.lists(hashes, 0, maxItems), MerkleHashes::new),
                Gens.booleans().zip(Gens.booleans(), Gens.lists(leaves, 0, maxItems), entryLists, MerkleEntries::new),
                nonNegativeLongs().zip(entryLists, KeyWrite::new),
                positive.map(KeyWriteAck::new),
                positive.zip(keys, KeyRead::new),
                positive.zip(Generate.oneOf(Generate.constant(""), keys), Gens.lists(smallInts, 0, maxItems),
                        KeyScan::new),
                positive.zip(Gens.booleans(), entryLists, KeyReadReply::new),
                ringRepairTokens(smallInts, positive, writers, maxItems),
                Gens.lists(smallInts.zip(Gens.anyLong(), (p, h) -> new MerkleHash(p, 0, 0, h)), 0, maxItems)
                        .map(MerkleInSync::new));
    }

    private static Gen<WireMessage> ringRepairTokens(Gen<Integer> smallInts, Gen<Long> positive, Gen<String> names,
                                                     int maxItems) {
        Gen<List<String>> walks = Gens.lists(names, 1, maxItems);
        Gen<List<Long>> roots = Gens.lists(Gens.anyLong(), 0, maxItems);
        Gen<List<String>> skipped = Gens.lists(names, 0, 2);
        Gen<List<Long>> hops = Gens.lists(nonNegativeLongs(), 0, maxItems);
        return in -> {
            int partition = smallInts.generate(in);
            long round = positive.generate(in);
            String origin = names.generate(in);
            int step = smallInts.generate(in);
            List<String> walk = walks.generate(in);
            List<Long> rootList = roots.generate(in);
            List<Long> hopList = hops.generate(in);
            List<String> skippedList = skipped.generate(in);
            int most = RingRepairToken.maxHops(walk.size() + skippedList.size());
            return new RingRepairToken(partition, round, origin, step, walk, rootList,
                    hopList.subList(0, Math.min(most, hopList.size())), skippedList);
        };
    }

    /** STATE_DIGEST, STATE_ACK and STATE_PUSH over the given owners, keys and values. */
    static Gen<WireMessage> stateMessages(Gen<NodeId> owners, Gen<String> keys, Gen<Bytes> values, int maxRows) {
        Gen<Digest> digests = Gens.lists(owners.zip(Generate.enumValues(KeyPriority.class), nonNegativeLongs(),
                nonNegativeLongs(), DigestEntry::new), 0, maxRows).map(Digest::new);
        Gen<Delta> deltas = Gens.lists(deltaParts(owners, keys, values, maxRows), 0, Math.max(1, maxRows / 2))
                .zip(Gens.booleans(), Delta::new);
        return Generate.oneOf(
                digests.zip(Gens.booleans(), StateDigest::new),
                Gens.anyLong().map(StateDigest::ofSummary),
                deltas.zip(digests, StateAck::new),
                deltas.map(StatePush::new));
    }

    /**
     * Parts whose entries have strictly increasing versions above {@code fromVersion} and at
     * most {@code maxVersion}; tombstones carry no value, as {@link DeltaPart} requires.
     */
    private static Gen<DeltaPart> deltaParts(Gen<NodeId> owners, Gen<String> keys, Gen<Bytes> values,
                                             int maxEntries) {
        Gen<Long> starts = Generate.oneOf(Gens.longs(0, 200), Gens.longs(0, Long.MAX_VALUE / 2));
        Gen<Long> steps = Generate.oneOf(Gens.longs(1, 3), Gens.longs(1, 1L << 40));
        Gen<VersionedEntry> unversioned = keys.zip(values, Gens.booleans(),
                (key, value, tombstone) -> new VersionedEntry(key, tombstone ? Bytes.EMPTY : value, 1, tombstone));
        Gen<KeyPriority> priorities = Generate.enumValues(KeyPriority.class);
        Gen<Boolean> resets = Gens.booleans();
        Gen<Boolean> completes = Gens.booleans();
        Gen<Long> gcs = nonNegativeLongs();
        Gen<List<Long>> gapLists = Gens.lists(steps, 0, maxEntries);
        Gen<List<VersionedEntry>> templateLists = Gens.lists(unversioned, maxEntries, maxEntries);
        return in -> {
            NodeId owner = owners.generate(in);
            KeyPriority priority = priorities.generate(in);
            boolean reset = resets.generate(in);
            boolean complete = completes.generate(in);
            long from = starts.generate(in);
            long gc = gcs.generate(in);
            List<Long> gaps = gapLists.generate(in);
            List<VersionedEntry> templates = templateLists.generate(in);
            List<VersionedEntry> entries = new ArrayList<>();
            long version = from;
            for (int i = 0; i < gaps.size(); i++) {
                version += gaps.get(i);
                VersionedEntry t = templates.get(i);
                entries.add(new VersionedEntry(t.key(), t.value(), version, t.tombstone()));
            }
            return new DeltaPart(owner, priority, reset, from, gc, version + gaps.size() % 2, complete, entries);
        };
    }

    /** Replicated-state keys: any non-empty string within the limit, blank ones included. */
    static Gen<String> keys() {
        return Generate.oneOf(names(), Gens.of(" ", "\t", "k")).describedAs(Gens::quoted);
    }

    /** Small messages of every type (short names, tiny payloads and lists), for properties that try every bit. */
    static Gen<WireMessage> smallMessages() {
        Gen<Integer> sequences = Gens.anyInt();
        Gen<String> shortNames = Gens.lists(codePoints(), 1, 6).map(WireArbitraries::fitTo255)
                .assuming(s -> !s.isBlank()).describedAs(Gens::quoted);
        Gen<NodeId> smallIds = shortNames.zip(shortNames, Gens.ints(0, 65_535), nonNegativeLongs(),
                (name, host, port, generation) -> new NodeId(name, new Address(host, port), generation));
        return Generate.oneOf(
                sequences.zip(shortNames, Ping::new),
                sequences.map(Ack::new),
                sequences.map(Nack::new),
                sequences.zip(smallIds, PingReq::new),
                smallIds.zip(nonNegativeLongs(), Generate.enumValues(MemberStatus.class), shortNames, MemberUpdate::new),
                shortNames.zip(nonNegativeLongs(), shortNames, Gens.byteArrays(0, 8).map(b -> Bytes.copyOf(b)),
                        UserEvent::new),
                Gens.booleans().zip(Gens.booleans(), nonNegativeLongs(), Generate.constant(""),
                        Gens.lists(smallIds.zip(nonNegativeLongs(), Generate.enumValues(MemberStatus.class),
                                MemberState::new), 0, 2), MemberListSync::new),
                stateMessages(smallIds, Generate.oneOf(shortNames, Generate.constant(" ")),
                        Gens.byteArrays(0, 4).map(b -> Bytes.copyOf(b)), 2),
                keyspaceMessages(Generate.oneOf(shortNames, Generate.constant(" ")), shortNames,
                        Gens.byteArrays(0, 4).map(b -> Bytes.copyOf(b)), 2));
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
