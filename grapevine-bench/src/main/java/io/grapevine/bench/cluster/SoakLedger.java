package io.grapevine.bench.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak's bookkeeping: which writes were acknowledged and are owed to every member at the
 * end, and when each node was down, so that a verdict on it then is not a false positive.
 *
 * <p>Each write is a key of its own ({@code soak-SEQ}) on its writer. A write is owed when the
 * writer acknowledged it (2xx) and the writer was not killed after it: a killed agent restarts
 * empty (no data dir), so its keys go with it, as in Serf without a snapshot. A member's
 * outage runs from its kill to {@link #GRACE_MILLIS} after its restart; its new incarnation
 * takes over from the old one in that time. Reports a node made within the grace of its own
 * (re)start are not judged either: a joiner learns the old incarnations of members as they were.
 * Used by one thread.
 */
final class SoakLedger {
    /** How long after a restart the restarted member's and its own reports are excused. */
    static final long GRACE_MILLIS = 30_000;

    /** Per writer name: key to acknowledged value, in write order. */
    private final Map<String, Map<String, String>> owed = new HashMap<>();
    /** Per member name: its outages, {from, to} in epoch ms; {@code to} is MAX_VALUE while down. */
    private final Map<String, List<long[]>> outages = new HashMap<>();
    /** Per node index: when it last (re)started. */
    private final Map<Integer, Long> startedAt = new HashMap<>();
    private long acknowledged;
    private long forgotten;

    /** Node {@code node} was started (or restarted) at {@code atMillis}. */
    void started(int node, long atMillis) {
        startedAt.put(node, atMillis);
    }

    /** {@code writer} acknowledged {@code key = value}. */
    void acknowledged(String writer, String key, String value) {
        owed.computeIfAbsent(writer, w -> new LinkedHashMap<>()).put(key, value);
        acknowledged++;
    }

    /** {@code member} was killed at {@code atMillis}: its acknowledged keys are no longer owed. */
    void killed(String member, long atMillis) {
        Map<String, String> lost = owed.remove(member);
        if (lost != null) {
            forgotten += lost.size();
        }
        outages.computeIfAbsent(member, m -> new ArrayList<>()).add(new long[] {atMillis, Long.MAX_VALUE});
    }

    /** {@code member}, at node index {@code node}, was restarted at {@code atMillis}. */
    void restarted(String member, int node, long atMillis) {
        List<long[]> spans = outages.get(member);
        if (spans != null && !spans.isEmpty()) {
            spans.get(spans.size() - 1)[1] = atMillis + GRACE_MILLIS;
        }
        started(node, atMillis);
    }

    /** The writes every member must hold at the end: writer to key to value. */
    Map<String, Map<String, String>> owed() {
        return owed;
    }

    /** Writes acknowledged in all. */
    long acknowledgedCount() {
        return acknowledged;
    }

    /** Acknowledged writes no longer owed because their writer was killed afterwards. */
    long forgottenCount() {
        return forgotten;
    }

    /**
     * Whether a report by node {@code observer} about {@code member} at {@code atMillis} is to be
     * judged: the member was not in an outage then, and the observer was past its own start's grace.
     */
    boolean judged(int observer, String member, long atMillis) {
        Long start = startedAt.get(observer);
        if (start != null && atMillis < start + GRACE_MILLIS) {
            return false;
        }
        for (long[] span : outages.getOrDefault(member, List.of())) {
            if (atMillis >= span[0] && atMillis <= span[1]) {
                return false;
            }
        }
        return true;
    }
}
