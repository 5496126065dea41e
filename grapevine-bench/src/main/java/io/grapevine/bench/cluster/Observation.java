package io.grapevine.bench.cluster;

/**
 * Something one node reported, stamped with the wall clock ({@link System#currentTimeMillis()})
 * of the machine, which the runner and every node process on it share.
 *
 * @param node index of the reporting node (0..N-1)
 * @param atMillis when, in epoch milliseconds
 * @param kind what
 * @param subject the member (STATUS, KEY: the key's owner) or event name (USER)
 * @param detail the status name (STATUS), the key (KEY), empty otherwise
 */
public record Observation(int node, long atMillis, Kind kind, String subject, String detail) {

    /** What a node reported. */
    public enum Kind {
        /** A member's status as this node sees it changed; detail is ALIVE, SUSPECT, DEAD or LEFT. */
        STATUS,
        /** A user event was delivered here. */
        USER,
        /** A replicated key (Serf: the owner's tags) changed here. */
        KEY
    }

    /** True for a STATUS report of {@code member} in {@code status}. */
    public boolean isStatus(String member, String status) {
        return kind == Kind.STATUS && subject.equals(member) && detail.equals(status);
    }
}
