package io.grapevine.core.keyspace;

import io.grapevine.core.wire.SharedEntry;
import java.util.Comparator;

/**
 * Last-writer-wins, the one conflict rule of the shared keyspace: of two entries for a key,
 * the one with the higher hybrid logical clock wins; on equal clocks the higher writer name
 * (the writer's id as tie-break); then a tombstone over a value; then the greater value
 * (unsigned bytes). The order is total, so merging is commutative, associative and idempotent:
 * replicas that saw the same entries in any order hold the same winner, and a replica's entry
 * for a key only ever moves up this order (a value never goes backwards).
 *
 * <p>Why HLC rather than wall clock or vector clocks: an HLC stamp is never below the
 * writer's physical clock, so "last" means last in real time up to clock skew, yet it also
 * exceeds every stamp the writer had seen, so a write made after reading a value always
 * supersedes it even if the writer's clock lags; and it is 64 bits with no siblings to
 * resolve, unlike vector clocks. The last two tie-breaks only matter for two different
 * writes with the same stamp and writer, which a node produces only if it lost its clock
 * state; they still keep every replica identical.
 */
public final class Precedence {
    /** Orders entries of one key from losing to winning. */
    public static final Comparator<SharedEntry> ORDER = Precedence::compare;

    private Precedence() {
    }

    /** Positive when {@code a} wins over {@code b}, negative when it loses, 0 when they are the same write. */
    public static int compare(SharedEntry a, SharedEntry b) {
        int byClock = Long.compare(a.hlc(), b.hlc());
        if (byClock != 0) {
            return byClock;
        }
        int byWriter = a.writer().compareTo(b.writer());
        if (byWriter != 0) {
            return byWriter;
        }
        if (a.tombstone() != b.tombstone()) {
            return a.tombstone() ? 1 : -1;
        }
        return a.value().compareTo(b.value());
    }

    /** True when {@code candidate} strictly wins over {@code held}. */
    public static boolean wins(SharedEntry candidate, SharedEntry held) {
        return compare(candidate, held) > 0;
    }
}
