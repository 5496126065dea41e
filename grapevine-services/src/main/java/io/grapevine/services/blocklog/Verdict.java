package io.grapevine.services.blocklog;

/**
 * What {@link BlockStore#offer} did with a block. Only {@link #APPENDED} and {@link #BUFFERED}
 * change the store; every other verdict leaves it as it was and the block is dropped.
 */
public enum Verdict {
    /** The next block of the chain, verified and stored (and any buffered blocks it unblocked). */
    APPENDED,
    /** Ahead of the chain by a gap, self-consistent, held in the bounded buffer until the gap fills. */
    BUFFERED,
    /** The same block (same number and hash) is already stored or buffered. */
    DUPLICATE,
    /** Its claimed hash is not the hash of its contents: corrupted or tampered with. Rejected. */
    TAMPERED,
    /** Self-consistent, but its previous hash is not the hash of the stored block before it. Rejected. */
    BROKEN_LINK,
    /** Self-consistent, but a different block with that number is already stored or buffered (a fork). Rejected. */
    CONFLICT,
    /** Further ahead than the buffer's bound: dropped, to be pulled later. */
    OUT_OF_WINDOW,
    /** Older than the retained window: it can no longer be compared, and is ignored. */
    STALE;

    /** True for the verdicts that reject a bad block (tampered, broken link, conflict): the ones counted as rejected. */
    public boolean rejects() {
        return this == TAMPERED || this == BROKEN_LINK || this == CONFLICT;
    }
}
