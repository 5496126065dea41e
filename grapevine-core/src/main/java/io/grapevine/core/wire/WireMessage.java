package io.grapevine.core.wire;

/**
 * One message inside a packet. Every variant is an immutable record validated at
 * construction, so a decoded message is always well-formed.
 */
public sealed interface WireMessage permits Ping, Ack, Nack, PingReq, MemberUpdate, UserEvent, MemberListSync,
        StateDigest, StateAck, StatePush, MerkleHashes, MerkleEntries, KeyWrite, KeyWriteAck, KeyRead, KeyScan,
        KeyReadReply, RingRepairToken, MerkleInSync, ServiceMessage,
        MemberListDigest, MailTag, MailAck, RumorKnown {
    /** The variant, for exhaustive {@code switch} expressions. */
    MessageType kind();
}
