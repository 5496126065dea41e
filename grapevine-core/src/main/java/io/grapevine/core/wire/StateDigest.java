package io.grapevine.core.wire;


/**
 * Opens an anti-entropy exchange (Cassandra's SYN): the initiator's digest. The peer answers
 * with a {@link StateAck} holding what the initiator lacks, plus its own digest when
 * {@code pushPull} asks for the third message.
 *
 * <p>A <em>summary</em> SYN carries only a 64-bit hash of the initiator's digest
 * ({@link Digest#summary()}) instead of the digest: a peer holding the same state (the usual
 * case in an idle, converged cluster) answers nothing, and a peer that differs opens a full
 * push-pull exchange of its own. Invariant: a summary SYN is push-pull and has an empty digest.
 *
 * @param digest the initiator's digest (empty in a summary SYN)
 * @param pushPull true for push-pull (three messages), false for pull (two)
 * @param summaryOnly true when only {@code summary} is sent
 * @param summary the hash of the initiator's digest when {@code summaryOnly}; 0 otherwise
 */
public record StateDigest(Digest digest, boolean pushPull, boolean summaryOnly, long summary) implements WireMessage {
    /** Validates the fields. */
    public StateDigest {
        if (digest == null) {
            throw new IllegalArgumentException("digest must not be null");
        }
        if (summaryOnly && (!pushPull || !digest.entries().isEmpty())) {
            throw new IllegalArgumentException("a summary SYN is push-pull and carries no digest");
        }
        if (!summaryOnly && summary != 0) {
            throw new IllegalArgumentException("summary is only set in a summary SYN");
        }
    }

    /** A SYN carrying the whole digest. */
    public StateDigest(Digest digest, boolean pushPull) {
        this(digest, pushPull, false, 0);
    }

    /** A push-pull SYN carrying only the hash of the initiator's digest. */
    public static StateDigest ofSummary(long summary) {
        return new StateDigest(new Digest(java.util.List.of()), true, true, summary);
    }

    @Override
    public MessageType kind() {
        return MessageType.STATE_DIGEST;
    }
}
