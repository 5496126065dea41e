package io.grapevine.core.dissemination;

import io.grapevine.core.wire.PacketBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The piggyback queue: pre-encoded frames waiting to ride on outgoing packets, each sent a
 * bounded number of times (memberlist's TransmitLimitedQueue).
 *
 * <p>Order: higher {@link RumorPriority} first, then fewest transmissions, then newest.
 * A rumor with the key of a queued one supersedes it. When full, the last rumor in that
 * order (lowest class, most sent, oldest) is evicted, or the new one refused if it would sort
 * last, and the drop is counted by class. Confined to one thread.
 */
public final class RumorQueue {
    private static final Comparator<Rumor> ORDER = Comparator
            .comparingInt((Rumor r) -> r.priority.ordinal())
            .thenComparingInt(r -> r.transmits)
            .thenComparing(Comparator.comparingLong((Rumor r) -> r.id).reversed());
    /** How many rumors that do not fit may be skipped before a fill gives up. */
    private static final int MAX_SKIPS = 32;

    private static final class Rumor {
        final String key;
        final RumorPriority priority;
        final byte[] frame;
        final long id;
        int transmits;

        Rumor(String key, RumorPriority priority, byte[] frame, long id) {
            this.key = key;
            this.priority = priority;
            this.frame = frame;
            this.id = id;
        }
    }

    private final TreeSet<Rumor> ordered = new TreeSet<>(ORDER);
    private final Map<String, Rumor> byKey = new HashMap<>();
    private final int capacity;
    private final long[] dropsByPriority = new long[RumorPriority.values().length];
    private long nextId;
    private int maxSize;

    /** A queue holding at most {@code capacity} rumors. */
    public RumorQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues {@code frame} under {@code key}, replacing any queued rumor with that key.
     * Returns false if the queue was full and this rumor was the one dropped.
     */
    public boolean offer(String key, RumorPriority priority, byte[] frame) {
        Rumor old = byKey.remove(key);
        if (old != null) {
            ordered.remove(old);
        }
        Rumor rumor = new Rumor(key, priority, frame, nextId++);
        if (ordered.size() >= capacity) {
            Rumor worst = ordered.last();
            if (ORDER.compare(rumor, worst) > 0) {
                dropsByPriority[priority.ordinal()]++;
                return false;
            }
            ordered.pollLast();
            byKey.remove(worst.key);
            dropsByPriority[worst.priority.ordinal()]++;
        }
        ordered.add(rumor);
        byKey.put(key, rumor);
        maxSize = Math.max(maxSize, ordered.size());
        return true;
    }

    /** Whether a rumor with {@code key} is queued. */
    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    /**
     * Adds as many rumors as fit into {@code packet}, in queue order, counting one transmission
     * each; rumors sent {@code transmitLimit} times leave the queue. Returns how many were added.
     */
    public int fill(PacketBuilder packet, int transmitLimit) {
        if (ordered.isEmpty()) {
            return 0;
        }
        List<Rumor> taken = null;
        int skips = 0;
        for (Rumor rumor : ordered) {
            if (packet.remaining() < 4 || skips > MAX_SKIPS) {
                break;
            }
            if (packet.tryAdd(rumor.frame)) {
                if (taken == null) {
                    taken = new ArrayList<>();
                }
                taken.add(rumor);
            } else {
                skips++;
            }
        }
        if (taken == null) {
            return 0;
        }
        for (Rumor rumor : taken) {
            ordered.remove(rumor);
            rumor.transmits++;
            if (rumor.transmits < transmitLimit) {
                ordered.add(rumor);
            } else {
                byKey.remove(rumor.key);
            }
        }
        return taken.size();
    }

    /** Rumors queued. */
    public int size() {
        return ordered.size();
    }

    /** The largest size the queue has had. */
    public int maxSize() {
        return maxSize;
    }

    /** Rumors dropped for lack of room, for one class. */
    public long drops(RumorPriority priority) {
        return dropsByPriority[priority.ordinal()];
    }

    /**
     * memberlist's retransmit limit: {@code mult · ceil(log10(n + 1))}.
     */
    public static int retransmitLimit(int retransmitMult, int n) {
        return retransmitMult * (int) Math.ceil(Math.log10(n + 1.0));
    }
}
