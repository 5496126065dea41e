package io.grapevine.net;

/** Inputs the runtime drops before they reach the core, counted by reason. */
public enum RuntimeDrop {
    /** No installed key authenticates the packet (wrong key, wrong label, or forged). */
    DECRYPT_FAILED,
    /**
     * A datagram that cannot be a packet at a glance (too short, or not the packet magic once
     * decrypted or in plaintext): dropped before it is copied or decoded.
     */
    NOT_A_PACKET,
    /**
     * A datagram longer than the largest this node's {@code mtuBytes} allows (sealed when
     * encrypting): it filled the read buffer and arrived cut short. A member with a larger
     * {@code mtuBytes} than this one sends such datagrams: give every member the same.
     */
    DATAGRAM_TOO_LARGE,
    /** A stream frame longer than the configured limit; the connection is closed. */
    STREAM_FRAME_TOO_LARGE,
    /** A stream connection failed or was reset. */
    STREAM_ERROR,
    /**
     * An outbound stream connection closed because nothing came back within 5 s of a write
     * (a path cut while data was in flight; see {@code StreamStallGuard}); the next message
     * reconnects.
     */
    STREAM_STALLED,
    /** A datagram socket error (e.g. ICMP port unreachable); the socket stays open. */
    DATAGRAM_ERROR,
    /** An address that could not be resolved to send to. */
    UNRESOLVED,
    /** Too many stream connections open at once. */
    TOO_MANY_CONNECTIONS
}
