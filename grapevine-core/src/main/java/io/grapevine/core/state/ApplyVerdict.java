package io.grapevine.core.state;

/**
 * What applying one {@link io.grapevine.core.wire.DeltaPart} did (chitchat's apply / reset / reject).
 */
public enum ApplyVerdict {
    /** Entries newer than held were stored. State changed. */
    APPLIED,
    /** The stream was dropped and rebuilt from the part. State changed. */
    RESET,
    /** A newer generation of the owner replaced the old one's state. State changed. */
    NEW_GENERATION,
    /** Nothing in the part was newer than held. No change. */
    NOTHING_NEW,
    /** About an older generation than held. No change. */
    STALE_GENERATION,
    /** Starts above our watermark without a reset: applying it would skip versions. No change. */
    GAP,
    /** A reset that does not carry the whole stream; resets apply all at once or not at all. No change. */
    INCOMPLETE_RESET,
    /** About this node's own keys, which only it writes. No change. */
    OWN_STATE,
    /** A new owner while the owner table is full. No change. */
    TOO_MANY_OWNERS
}
