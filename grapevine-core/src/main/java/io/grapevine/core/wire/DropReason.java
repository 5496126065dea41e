package io.grapevine.core.wire;

/**
 * Why an input was dropped. Every drop is counted by reason ({@link TrafficCounters}, reported as {@code NodeMetrics.drops()});
 * none changes membership. The first values mirror {@link Rejection}.
 */
public enum DropReason {
    /** See {@link Rejection#TOO_SHORT}. */
    TOO_SHORT,
    /** See {@link Rejection#BAD_MAGIC}. */
    BAD_MAGIC,
    /** See {@link Rejection#BAD_CHECKSUM}. */
    BAD_CHECKSUM,
    /** See {@link Rejection#UNSUPPORTED_VERSION}. */
    UNSUPPORTED_VERSION,
    /** See {@link Rejection#UNKNOWN_FLAGS}. */
    UNKNOWN_FLAGS,
    /** See {@link Rejection#WRONG_LABEL}. */
    WRONG_LABEL,
    /** See {@link Rejection#TRUNCATED}. */
    TRUNCATED,
    /** See {@link Rejection#TOO_LARGE}. */
    TOO_LARGE,
    /** See {@link Rejection#UNKNOWN_TYPE}. */
    UNKNOWN_TYPE,
    /** See {@link Rejection#MALFORMED}. */
    MALFORMED,
    /** See {@link Rejection#TRAILING_BYTES}. */
    TRAILING_BYTES,
    /** A packet that claims to come from this node's own name. */
    FROM_SELF,
    /** A ping for another name (e.g. a previous holder of this address). */
    MISDIRECTED_PING,
    /** An ack or nack for no probe in flight (late or forged). */
    UNEXPECTED_ACK,
    /** A ping-req while the relay table was full. */
    RELAYS_FULL,
    /** A new member while the member table was full. */
    MEMBER_TABLE_FULL,
    /** A message on the wrong channel (a state sync in a datagram). */
    WRONG_CHANNEL,
    /** An update about an older generation of a member than the one known. */
    STALE_GENERATION,
    /** A user event older than the de-duplication window. */
    STALE_EVENT,
    /** A user event larger than the configured payload limit. */
    EVENT_TOO_LARGE,
    /** A Merkle-repair message built for trees of another shape (fanout, depth) than this node's. */
    MERKLE_SHAPE_MISMATCH,
    /** A shared-keyspace entry over the key or value limit, or a new key while this node holds {@code maxKeys}. */
    SHARED_ENTRY_REFUSED,
    /** A ring-repair token for a range this build does not have, a step past its walk or another holder, or while full. */
    MALFORMED_RING_REPAIR,
    /** A service message for a channel no service is installed on here. */
    UNKNOWN_SERVICE,
    /** A service message whose payload its service could not parse. */
    SERVICE_MALFORMED,
    /** A member heard of by an unattributable datagram could not become a candidate: the candidates are full. */
    CANDIDATES_FULL,
    /** A member heard of by an unattributable datagram could not become a candidate: too many new ones this second. */
    CANDIDATE_RATE,
    /** A candidate did not answer its admission probe in time and was dropped. */
    CANDIDATE_EXPIRED;

    /** The drop reason for a codec rejection: one case per rejection, so none can be miscounted. */
    public static DropReason of(Rejection rejection) {
        return switch (rejection) {
            case TOO_SHORT -> TOO_SHORT;
            case BAD_MAGIC -> BAD_MAGIC;
            case BAD_CHECKSUM -> BAD_CHECKSUM;
            case UNSUPPORTED_VERSION -> UNSUPPORTED_VERSION;
            case UNKNOWN_FLAGS -> UNKNOWN_FLAGS;
            case WRONG_LABEL -> WRONG_LABEL;
            case TRUNCATED -> TRUNCATED;
            case TOO_LARGE -> TOO_LARGE;
            case UNKNOWN_TYPE -> UNKNOWN_TYPE;
            case MALFORMED -> MALFORMED;
            case TRAILING_BYTES -> TRAILING_BYTES;
        };
    }
}
