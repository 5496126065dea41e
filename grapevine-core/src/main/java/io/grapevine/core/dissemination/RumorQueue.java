package io.grapevine.core.dissemination;

import io.grapevine.core.wire.PacketBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The piggyback queue: pre-encoded frames waiting to ride on outgoing packets, each sent a
 * bounded number of times (memberlist's TransmitLimitedQueue).
 *
 * <p>Order: higher {@link RumorPriority} first, then fewest transmissions, then newest first
 * (exactly for rumors never sent; among rumors sent equally often, the one that reached that
 * count most recently first). A rumor with the key of a queued one supersedes it. When full,
 * the last rumor in that order (lowest class, most sent, oldest) is evicted, or the new one
 * refused if its class is lower than every queued one's, and the drop is counted by class.
 *
 * <p>Rumors live in one intrusive list per (class, transmissions) bucket, so offering,
 * superseding, evicting and re-queuing a sent rumor cost O(1), and a fill costs what it
 * visits. Confined to one thread.
 */
public final class RumorQueue {
    /** How many rumors that do not fit may be skipped before a fill gives up. */
    private static final int MAX_SKIPS = 32;
    private static final RumorPriority[] CLASSES = RumorPriority.values();

    private static final class Rumor {
        final String key;
        final RumorPriority priority;
        final byte[] frame;
        int transmits;
        Rumor prev;
        Rumor next;

        Rumor(String key, RumorPriority priority, byte[] frame) {
            this.key = key;
            this.priority = priority;
            this.frame = frame;
        }
    }

    /** The rumors of one class sent equally often, newest first. */
    private static final class Bucket {
        Rumor head;
        Rumor tail;
        int size;

        void addFirst(Rumor r) {
            r.prev = null;
            r.next = head;
            if (head != null) {
                head.prev = r;
            } else {
                tail = r;
            }
            head = r;
            size++;
        }

        void remove(Rumor r) {
            if (r.prev != null) {
                r.prev.next = r.next;
            } else {
                head = r.next;
            }
            if (r.next != null) {
                r.next.prev = r.prev;
            } else {
                tail = r.prev;
            }
            r.prev = null;
            r.next = null;
            size--;
        }
    }

    /** buckets.get(class ordinal).get(transmits); grown on demand. */
    private final List<List<Bucket>> buckets = new ArrayList<>(CLASSES.length);
    private final Map<String, Rumor> byKey = new HashMap<>();
    private final int capacity;
    private final long[] dropsByPriority = new long[CLASSES.length];
    private int size;
    private int maxSize;

    /** A queue holding at most {@code capacity} rumors. */
    public RumorQueue(int capacity) {
        this.capacity = capacity;
        for (int i = 0; i < CLASSES.length; i++) {
            buckets.add(new ArrayList<>());
        }
    }

    private Bucket bucket(RumorPriority priority, int transmits) {
        List<Bucket> byTransmits = buckets.get(priority.ordinal());
        while (byTransmits.size() <= transmits) {
            byTransmits.add(new Bucket());
        }
        return byTransmits.get(transmits);
    }

    private void unlink(Rumor rumor) {
        bucket(rumor.priority, rumor.transmits).remove(rumor);
        size--;
    }

    /**
     * Queues {@code frame} under {@code key}, replacing any queued rumor with that key.
     * Returns false if the queue was full and this rumor was the one dropped.
     */
    public boolean offer(String key, RumorPriority priority, byte[] frame) {
        Rumor old = byKey.remove(key);
        if (old != null) {
            unlink(old);
        }
        if (size >= capacity) {
            Rumor worst = last();
            if (worst == null || priority.ordinal() > worst.priority.ordinal()) {
                dropsByPriority[priority.ordinal()]++;
                return false;
            }
            unlink(worst);
            byKey.remove(worst.key);
            dropsByPriority[worst.priority.ordinal()]++;
        }
        Rumor rumor = new Rumor(key, priority, frame);
        bucket(priority, 0).addFirst(rumor);
        size++;
        byKey.put(key, rumor);
        maxSize = Math.max(maxSize, size);
        return true;
    }

    /** The rumor that sorts last: lowest class, most sent, oldest. */
    private Rumor last() {
        for (int c = CLASSES.length - 1; c >= 0; c--) {
            List<Bucket> byTransmits = buckets.get(c);
            for (int t = byTransmits.size() - 1; t >= 0; t--) {
                if (byTransmits.get(t).tail != null) {
                    return byTransmits.get(t).tail;
                }
            }
        }
        return null;
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
        if (size == 0) {
            return 0;
        }
        List<Rumor> taken = null;
        int skips = 0;
        scan:
        for (List<Bucket> byTransmits : buckets) {
            for (Bucket bucket : byTransmits) {
                for (Rumor rumor = bucket.head; rumor != null; rumor = rumor.next) {
                    if (packet.remaining() < 4 || skips > MAX_SKIPS) {
                        break scan;
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
            }
        }
        if (taken == null) {
            return 0;
        }
        // re-queue in reverse so that, in each next bucket, the sent rumors keep their order
        for (int i = taken.size() - 1; i >= 0; i--) {
            Rumor rumor = taken.get(i);
            unlink(rumor);
            rumor.transmits++;
            if (rumor.transmits < transmitLimit) {
                bucket(rumor.priority, rumor.transmits).addFirst(rumor);
                size++;
            } else {
                byKey.remove(rumor.key);
            }
        }
        return taken.size();
    }

    /** Rumors queued. */
    public int size() {
        return size;
    }

    /** The largest size the queue has had. */
    public int maxSize() {
        return maxSize;
    }

    /** Rumors dropped for lack of room, all classes together. */
    public long totalDrops() {
        long total = 0;
        for (long drops : dropsByPriority) {
            total += drops;
        }
        return total;
    }

    /** Rumors dropped for lack of room, for one class. */
    public long drops(RumorPriority priority) {
        return dropsByPriority[priority.ordinal()];
    }

    /**
     * memberlist's retransmit limit: {@code mult · ceil(log10(n + 1))}.
     */
    public static int retransmitLimit(int retransmitMult, int n) {
        return retransmitMult * (int) Math.ceil(StrictMath.log10(n + 1.0));
    }
}
