package io.grapevine.core.wire;

import io.grapevine.core.base.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Encodes and decodes Grapevine packets (docs/wire-format.md, version 1).
 *
 * <pre>
 * packet  := magic 'G' 'V' | version u8 (=1) | flags u8 (=0) | label str8 | sender node
 *            | count u8 (1..255) | frame{count} | crc32c u32
 * crc32c  := CRC-32C (Castagnoli) of every byte before it, big-endian
 * frame   := type u8 | length varint | body[length]
 * node    := name str8 | host str8 | port u16 | generation varint
 * str8    := length u8 | UTF-8 bytes
 * varint  := unsigned LEB128, shortest form (1..9 bytes, value &lt;= 2^63-1)
 * </pre>
 *
 * <p>The decoder is total: every input yields {@link Decoded.Ok} or {@link Decoded.Rejected};
 * it never throws and never allocates more than the input's own length. Stateless and
 * thread-safe.
 */
public final class WireCodec {
    /** Protocol version this build speaks. */
    public static final int VERSION = 1;
    static final int MAGIC_0 = 'G';
    static final int MAGIC_1 = 'V';
    /** Smallest possible encoded {@link MemberState}: 1-byte name, 1-byte host, port, gen, inc, status. */
    private static final int MIN_MEMBER_STATE_BYTES = 2 + 2 + 2 + 1 + 1 + 1;

    /** Bytes of the CRC-32C trailer. */
    public static final int CHECKSUM_BYTES = 4;
    /** STATE_DIGEST's first byte for a summary SYN (0 and 1 are pull and push-pull with a digest). */
    private static final int SYN_SUMMARY = 2;
    /** Magic, version, flags, empty label, smallest sender, count, checksum. */
    private static final int MIN_PACKET_BYTES = 4 + 1 + 7 + 1 + CHECKSUM_BYTES;

    /**
     * A glance at a datagram's first two bytes and its length, for a runtime that wants to drop
     * junk before it copies it: false means {@link #decode} would surely reject it
     * ({@code TOO_SHORT} or {@code BAD_MAGIC}); true means only that decoding is worth trying.
     *
     * @param length the datagram's length in bytes
     * @param first its first byte (ignored when too short)
     * @param second its second byte (ignored when too short)
     */
    public static boolean mayBePacket(int length, byte first, byte second) {
        return length >= MIN_PACKET_BYTES && first == MAGIC_0 && second == MAGIC_1;
    }

    private WireCodec() {
    }

    /** CRC-32C of {@code length} bytes of {@code data} from {@code offset}. */
    static int checksum(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    private static int readInt(byte[] data, int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
                | (data[at + 3] & 0xFF);
    }

    /**
     * The constant prefix of every packet a node sends: magic, version, flags, label, sender.
     * Nodes compute it once and reuse it.
     */
    public static byte[] header(String label, NodeId sender) {
        WireLimits.checkLength("label", label);
        WireWriter writer = new WireWriter(64);
        writer.u8(MAGIC_0).u8(MAGIC_1).u8(VERSION).u8(0).string(label).nodeId(sender);
        return writer.toByteArray();
    }

    /** Encodes one message as a frame (type, length, body), ready to append to a packet. */
    public static byte[] encodeFrame(WireMessage message) {
        WireWriter body = new WireWriter(64);
        writeBody(body, message);
        WireWriter frame = new WireWriter(body.size() + 6);
        frame.u8(message.kind().code()).varLong(body.size()).raw(body.toByteArray(), 0, body.size());
        return frame.toByteArray();
    }

    /** A one-frame packet from a sender's constant {@code header} and an encoded {@code frame}, any size. */
    public static byte[] packetOf(byte[] header, byte[] frame) {
        return assemble(header, List.of(frame));
    }

    /** Encodes a whole packet with no size limit (streams, tests). */
    public static byte[] encodePacket(String label, NodeId sender, List<? extends WireMessage> messages) {
        return encodePacket(header(label, sender), messages);
    }

    /** Encodes a whole packet with no size limit from a sender's constant {@code header} (see {@link #header}). */
    public static byte[] encodePacket(byte[] header, List<? extends WireMessage> messages) {
        if (messages.isEmpty() || messages.size() > WireLimits.MAX_MESSAGES_PER_PACKET) {
            throw new IllegalArgumentException("a packet carries 1.." + WireLimits.MAX_MESSAGES_PER_PACKET
                    + " messages: " + messages.size());
        }
        List<byte[]> frames = new ArrayList<>(messages.size());
        for (WireMessage message : messages) {
            frames.add(encodeFrame(message));
        }
        return assemble(header, frames);
    }

    /**
     * The one packet assembly for packets of any size: a {@link PacketBuilder} sized to fit
     * {@code header} and every frame, so bounded and unbounded packets share one layout.
     */
    private static byte[] assemble(byte[] header, List<byte[]> frames) {
        long size = header.length + 1L + CHECKSUM_BYTES;
        for (byte[] frame : frames) {
            size += frame.length;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("packet of " + size + " bytes is too large");
        }
        PacketBuilder builder = new PacketBuilder(Math.max(64, (int) size)).start(header);
        for (byte[] frame : frames) {
            if (!builder.tryAdd(frame)) {
                throw new IllegalStateException("a frame did not fit a packet sized for it");
            }
        }
        return builder.build();
    }

    private static void writeBody(WireWriter w, WireMessage message) {
        switch (message.kind()) {
            case PING -> {
                Ping ping = (Ping) message;
                w.i32(ping.sequence()).string(ping.targetName());
            }
            case ACK -> w.i32(((Ack) message).sequence());
            case NACK -> w.i32(((Nack) message).sequence());
            case PING_REQ -> {
                PingReq req = (PingReq) message;
                w.i32(req.sequence()).nodeId(req.target());
            }
            case MEMBER_UPDATE -> {
                MemberUpdate update = (MemberUpdate) message;
                w.nodeId(update.member()).varLong(update.incarnation()).status(update.status())
                        .string(update.origin());
            }
            case MAIL_TAG -> w.varLong(((MailTag) message).id());
            case MAIL_ACK -> {
                List<Long> ids = ((MailAck) message).ids();
                w.varLong(ids.size());
                for (long id : ids) {
                    w.varLong(id);
                }
            }
            case RUMOR_KNOWN -> {
                List<Integer> hashes = ((RumorKnown) message).keyHashes();
                w.varLong(hashes.size());
                for (int hash : hashes) {
                    w.i32(hash);
                }
            }
            case MEMBER_LIST_DIGEST -> {
                MemberListDigest digest = (MemberListDigest) message;
                w.i64(digest.viewHash()).varLong(digest.eventClock());
            }
            case SERVICE_MESSAGE -> {
                ServiceMessage service = (ServiceMessage) message;
                w.string(service.channel()).bytes(service.payload());
            }
            case USER_EVENT -> {
                UserEvent event = (UserEvent) message;
                w.string(event.origin()).varLong(event.lamportTime()).string(event.name()).bytes(event.payload());
            }
            case MEMBER_LIST_SYNC -> {
                MemberListSync sync = (MemberListSync) message;
                w.bool(sync.join()).bool(sync.response()).varLong(sync.eventClock()).string(sync.observedHost())
                        .varLong(sync.members().size());
                for (MemberState state : sync.members()) {
                    w.nodeId(state.member()).varLong(state.incarnation()).status(state.status());
                }
            }
            case STATE_DIGEST -> {
                StateDigest syn = (StateDigest) message;
                if (syn.summaryOnly()) {
                    w.u8(SYN_SUMMARY).i32((int) (syn.summary() >>> 32)).i32((int) syn.summary());
                } else {
                    w.bool(syn.pushPull());
                    StateCodec.writeDigest(w, syn.digest());
                }
            }
            case STATE_ACK -> {
                StateAck ack = (StateAck) message;
                StateCodec.writeDelta(w, ack.delta());
                StateCodec.writeDigest(w, ack.digest());
            }
            case STATE_PUSH -> StateCodec.writeDelta(w, ((StatePush) message).delta());
            case MERKLE_HASHES, MERKLE_ENTRIES, KEY_WRITE, KEY_WRITE_ACK, KEY_READ, KEY_SCAN, KEY_READ_REPLY,
                    RING_REPAIR, MERKLE_IN_SYNC -> KeyspaceCodec.write(w, message);
            default -> throw new IllegalStateException("unhandled message type " + message.kind());
        }
    }

    /**
     * Decodes {@code length} bytes of {@code data} from {@code offset}.
     *
     * @param expectedLabel packets with any other cluster label are rejected
     * @param maxBytes inputs longer than this are rejected as {@link Rejection#TOO_LARGE}
     */
    public static Decoded decode(byte[] data, int offset, int length, String expectedLabel, int maxBytes) {
        return decode(data, offset, length, expectedLabel, maxBytes, null);
    }

    /**
     * Decodes like {@link #decode(byte[], int, int, String, int)}, canonicalizing identities
     * and names through {@code interner} (may be {@code null}).
     */
    public static Decoded decode(byte[] data, int offset, int length, String expectedLabel, int maxBytes,
                                 Interner interner) {
        if (data == null || offset < 0 || length < 0 || offset + length > data.length || offset + length < 0) {
            return new Decoded.Rejected(Rejection.TRUNCATED, "input range out of bounds");
        }
        if (length > maxBytes) {
            return new Decoded.Rejected(Rejection.TOO_LARGE, length + " bytes > " + maxBytes);
        }
        if (length < MIN_PACKET_BYTES) {
            return new Decoded.Rejected(Rejection.TOO_SHORT, length + " bytes");
        }
        if (data[offset] != MAGIC_0 || data[offset + 1] != MAGIC_1) {
            return new Decoded.Rejected(Rejection.BAD_MAGIC, "not a grapevine packet");
        }
        if (data[offset + 2] != VERSION) {
            return new Decoded.Rejected(Rejection.UNSUPPORTED_VERSION, "version " + (data[offset + 2] & 0xFF));
        }
        int bodyLength = length - CHECKSUM_BYTES;
        if (checksum(data, offset, bodyLength) != readInt(data, offset + bodyLength)) {
            return new Decoded.Rejected(Rejection.BAD_CHECKSUM, "crc32c mismatch");
        }
        WireReader reader = new WireReader(data, offset, bodyLength, interner);
        try {
            return new Decoded.Ok(readPacket(reader, expectedLabel));
        } catch (Malformed e) {
            return new Decoded.Rejected(e.reason(), "at byte " + (reader.position() - offset));
        } catch (IllegalArgumentException e) {
            // a record constructor refused a decoded value
            return new Decoded.Rejected(Rejection.MALFORMED, e.getMessage());
        }
    }

    /** Decodes a whole array; see {@link #decode(byte[], int, int, String, int)}. */
    public static Decoded decode(byte[] data, String expectedLabel, int maxBytes) {
        return decode(data, 0, data == null ? 0 : data.length, expectedLabel, maxBytes);
    }

    private static Packet readPacket(WireReader r, String expectedLabel) {
        if (r.u8() != MAGIC_0 || r.u8() != MAGIC_1) {
            throw Malformed.of(Rejection.BAD_MAGIC);
        }
        if (r.u8() != VERSION) {
            throw Malformed.of(Rejection.UNSUPPORTED_VERSION);
        }
        if (r.u8() != 0) {
            throw Malformed.of(Rejection.UNKNOWN_FLAGS);
        }
        String label = r.string();
        if (!label.equals(expectedLabel)) {
            throw Malformed.of(Rejection.WRONG_LABEL);
        }
        NodeId sender = r.nodeId();
        int count = r.u8();
        if (count == 0) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        // each frame is at least 2 bytes: never reserve more than the input can hold
        r.require(2 * count);
        List<WireMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(readFrame(r));
        }
        if (r.remaining() != 0) {
            throw Malformed.of(Rejection.TRAILING_BYTES);
        }
        return new Packet(sender, messages);
    }

    private static WireMessage readFrame(WireReader r) {
        int code = r.u8();
        MessageType type = MessageType.fromCode(code);
        if (type == null) {
            throw Malformed.of(Rejection.UNKNOWN_TYPE);
        }
        int length = r.varInt();
        r.require(length);
        int bodyEnd = r.position() + length;
        WireMessage message = readBody(r, type);
        if (r.position() != bodyEnd) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        return message;
    }

    private static WireMessage readBody(WireReader r, MessageType type) {
        return switch (type) {
            case PING -> new Ping(r.i32(), r.name());
            case ACK -> new Ack(r.i32());
            case NACK -> new Nack(r.i32());
            case PING_REQ -> new PingReq(r.i32(), r.nodeId());
            case MEMBER_UPDATE -> new MemberUpdate(r.nodeId(), r.varLong(), r.status(), r.name());
            case USER_EVENT -> new UserEvent(r.name(), r.varLong(), r.name(), r.bytes());
            case SERVICE_MESSAGE -> readServiceMessage(r);
            case MEMBER_LIST_DIGEST -> new MemberListDigest(r.i64(), r.varLong());
            case MAIL_TAG -> new MailTag(positive(r.varLong()));
            case MAIL_ACK -> readMailAck(r);
            case RUMOR_KNOWN -> readRumorKnown(r);
            case MEMBER_LIST_SYNC -> readMemberListSync(r);
            case STATE_DIGEST -> {
                int mode = r.u8();
                if (mode == SYN_SUMMARY) {
                    long high = r.i32();
                    yield StateDigest.ofSummary((high << 32) | (r.i32() & 0xFFFF_FFFFL));
                }
                if (mode > 1) {
                    throw Malformed.of(Rejection.MALFORMED);
                }
                yield new StateDigest(StateCodec.readDigest(r), mode == 1);
            }
            case STATE_ACK -> {
                var delta = StateCodec.readDelta(r);
                yield new StateAck(delta, StateCodec.readDigest(r));
            }
            case STATE_PUSH -> new StatePush(StateCodec.readDelta(r));
            case MERKLE_HASHES, MERKLE_ENTRIES, KEY_WRITE, KEY_WRITE_ACK, KEY_READ, KEY_SCAN, KEY_READ_REPLY,
                    RING_REPAIR, MERKLE_IN_SYNC -> KeyspaceCodec.read(r, type);
        };
    }

    private static MailAck readMailAck(WireReader r) {
        int count = r.varInt();
        if (count < 1 || count > MailAck.MAX_IDS) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        r.require(count);
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(positive(r.varLong()));
        }
        return new MailAck(ids);
    }

    private static RumorKnown readRumorKnown(WireReader r) {
        int count = r.varInt();
        if (count < 1 || count > RumorKnown.MAX_HASHES) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        r.require(4 * count);
        List<Integer> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hashes.add(r.i32());
        }
        return new RumorKnown(hashes);
    }

    private static long positive(long id) {
        if (id < 1) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        return id;
    }

    private static ServiceMessage readServiceMessage(WireReader r) {
        // not interned: a channel is the application's word, and an interner is for identities
        String channel = r.string();
        if (channel.isBlank()) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        return new ServiceMessage(channel, r.bytes());
    }

    private static MemberListSync readMemberListSync(WireReader r) {
        boolean join = r.bool();
        boolean response = r.bool();
        long eventClock = r.varLong();
        String observedHost = r.string();
        int count = r.varInt();
        r.require((int) Math.min(Integer.MAX_VALUE, (long) count * MIN_MEMBER_STATE_BYTES));
        List<MemberState> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            members.add(new MemberState(r.nodeId(), r.varLong(), r.status()));
        }
        return new MemberListSync(join, response, eventClock, observedHost, members);
    }
}
