package io.grapevine.core.sync;

/** Anti-entropy exchange styles (Demers et al. 1987), in messages per exchange. */
public enum SyncMode {
    /** One message: the initiator sends what it believes the peer lacks. */
    PUSH,
    /** Two messages: digest, then the peer's delta back. */
    PULL,
    /** Three messages: digest; delta and digest back; delta (Cassandra's SYN/ACK/ACK2). */
    PUSH_PULL
}
