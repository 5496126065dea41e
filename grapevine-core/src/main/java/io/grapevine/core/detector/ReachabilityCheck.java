package io.grapevine.core.detector;

import io.grapevine.core.base.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reachability check in progress: the pings it sent (by sequence number, each over one
 * channel) and the round trips of the acks that came back. Holds at most two pings per member
 * probed; a new check replaces the previous one. Confined to the node's thread.
 */
final class ReachabilityCheck {
    private record Ping(String member, boolean stream, long sentNanos) {
    }

    private final Map<Integer, Ping> pending = new HashMap<>();
    private final Map<String, long[]> rtts = new LinkedHashMap<>();
    private final Map<String, Address> addresses = new HashMap<>();

    /** Records a ping to {@code member} sent with {@code sequence} over a stream or a datagram. */
    void sent(int sequence, String member, Address address, boolean stream, long nowNanos) {
        pending.put(sequence, new Ping(member, stream, nowNanos));
        rtts.computeIfAbsent(member, m -> new long[] {-1, -1});
        addresses.put(member, address);
    }

    /** An ack arrived: true if it answers one of this check's pings (and was recorded). */
    boolean acked(int sequence, long nowNanos) {
        Ping ping = pending.remove(sequence);
        if (ping == null) {
            return false;
        }
        rtts.get(ping.member())[ping.stream() ? 1 : 0] = nowNanos - ping.sentNanos();
        return true;
    }

    /** The results so far, in the order members were probed. */
    List<Reachability> results() {
        List<Reachability> results = new ArrayList<>(rtts.size());
        for (Map.Entry<String, long[]> e : rtts.entrySet()) {
            results.add(new Reachability(e.getKey(), addresses.get(e.getKey()), e.getValue()[0], e.getValue()[1]));
        }
        return List.copyOf(results);
    }
}
