package io.grapevine.bench.cluster;

/**
 * Something one node reported, stamped with the wall clock ({@link System#currentTimeMillis()})
 * of the machine, which the runner and every node process on it share.
 *
 * @param node index of the reporting node (0..N-1)
 * @param atMillis when, in epoch milliseconds
 * @param kind what
 * @param subject the member (STATUS, KEY: the key's owner) or event name (USER); empty for GAP
 * @param detail the status name (STATUS), the key (KEY), the marker's JSON (GAP), empty otherwise
 */
public record Observation(int node, long atMillis, Kind kind, String subject, String detail) {

    /** What a node reported. */
    public enum Kind {
        /** A member's status as this node sees it changed; detail is ALIVE, SUSPECT, DEAD or LEFT. */
        STATUS,
        /** A user event was delivered here. */
        USER,
        /** A replicated key (Serf: the owner's tags) changed here. */
        KEY,
        /**
         * This node's event stream lost events: the agent said {@code gap} when the feed resumed
         * after an overflow. Stamped with the marker's arrival; subject empty, detail the marker's
         * JSON. What the node reported in the gap is unknown, so a run with one outside a
         * node's excused time is incomplete.
         */
        GAP
    }

    /** True for a STATUS report of {@code member} in {@code status}. */
    public boolean isStatus(String member, String status) {
        return kind == Kind.STATUS && subject.equals(member) && detail.equals(status);
    }
}
