package io.grapevine.core.wire;

/**
 * The type byte of a frame. Codes are part of the wire format (docs/wire-format.md) and must
 * never be reused for a different meaning.
 */
public enum MessageType {
    /** {@link Ping}: a direct probe. */
    PING(1),
    /** {@link Ack}: the answer to a ping. */
    ACK(2),
    /** {@link Nack}: a relay's report that an indirect probe got no answer. */
    NACK(3),
    /** {@link PingReq}: a request to probe a member on the sender's behalf. */
    PING_REQ(4),
    /** {@link MemberUpdate}: one piece of membership gossip. */
    MEMBER_UPDATE(5),
    /** {@link UserEvent}: an application event. */
    USER_EVENT(6),
    /** {@link MemberListSync}: a full membership state exchange (join and anti-entropy). */
    MEMBER_LIST_SYNC(7),
    /** {@link StateDigest}: a replicated-state digest opening anti-entropy. */
    STATE_DIGEST(8),
    /** {@link StateAck}: a delta answering a digest, with the responder's digest. */
    STATE_ACK(9),
    /** {@link StatePush}: a delta expecting no reply. */
    STATE_PUSH(10),
    /** {@link MerkleHashes}: one step of a root-first Merkle-tree comparison (shared keyspace). */
    MERKLE_HASHES(11),
    /** {@link MerkleEntries}: the entries of the Merkle leaves that differ. */
    MERKLE_ENTRIES(12),
    /** {@link KeyWrite}: a shared-keyspace write mailed to a replica. */
    KEY_WRITE(13),
    /** {@link KeyWriteAck}: a replica's acknowledgement of a write. */
    KEY_WRITE_ACK(14),
    /** {@link KeyRead}: a read of one shared key. */
    KEY_READ(15),
    /** {@link KeyScan}: a scan of shared keys by prefix. */
    KEY_SCAN(16),
    /** {@link KeyReadReply}: a replica's answer to a read or a scan. */
    KEY_READ_REPLY(17),
    /** {@link RingRepairToken}: the token of a closed-loop ring repair. */
    RING_REPAIR(18),
    /** {@link MerkleInSync}: the ranges whose Merkle roots matched, told back to the peer that sent them. */
    MERKLE_IN_SYNC(19),
    /** {@link ServiceMessage}: a message of an application service, on its own channel. */
    SERVICE_MESSAGE(20),
    /** {@link MemberListDigest}: the hash of a member view, opening a periodic push-pull. */
    MEMBER_LIST_DIGEST(21),
    /** {@link MailTag}: the next frame is direct mail that the receiver acknowledges. */
    MAIL_TAG(22),
    /** {@link MailAck}: acknowledges direct mail by id. */
    MAIL_ACK(23),
    /** {@link RumorKnown}: rumor feedback, the rumors the sender already had. */
    RUMOR_KNOWN(24);

    private static final MessageType[] BY_CODE = new MessageType[25];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The byte that identifies this type on the wire. */
    public int code() {
        return code;
    }

    /** The type for {@code code}, or {@code null} when no type has that code. */
    static MessageType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
