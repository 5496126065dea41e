package io.grapevine.core.dissemination;

import io.grapevine.core.base.RandomSource;
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
 * visits.
 *
 * <p>Each rumor leaves the queue by its {@link RumorPolicy}: blind-counter (the default) after
 * {@code k} transmissions; blind-coin with probability 1/k after each transmission; the
 * feedback variants on {@link #feedback} (a recipient reported it already had the rumor),
 * counting to k or tossing a 1/k coin, and in any case after
 * {@link RumorPolicy#FEEDBACK_CAP_FACTOR} times memberlist's limit in transmissions. Only the
 * coin variants draw from the random source. Confined to one thread.
 */
public final class RumorQueue {
    /** How many rumors that do not fit may be skipped before a fill gives up. */
    private static final int MAX_SKIPS = 32;
    private static final RumorPriority[] CLASSES = RumorPriority.values();

    private static final class Rumor {
        final String key;
        final RumorPriority priority;
        final byte[] frame;
        final RumorPolicy policy;
        final int keyHash;
        int transmits;
        int events;
        Rumor prev;
        Rumor next;

        Rumor(String key, RumorPriority priority, byte[] frame, RumorPolicy policy) {
            this.key = key;
            this.priority = priority;
            this.frame = frame;
            this.policy = policy;
            this.keyHash = RumorQueue.hashOf(key);
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
    /** Feedback names a rumor by its key's hash; a collision at worst drops a rumor a little early. */
    private final Map<Integer, Rumor> byHash = new HashMap<>();
    private final int capacity;
    private final RandomSource random;
    private long transmissions;
    private long feedbackEvents;
    private final long[] dropsByPriority = new long[CLASSES.length];
    private int size;
    private int maxSize;

    /** A queue holding at most {@code capacity} rumors, for blind-counter rumors only (no random source). */
    public RumorQueue(int capacity) {
        this(capacity, null);
    }

    /** A queue holding at most {@code capacity} rumors; the coin variants toss {@code random}. */
    public RumorQueue(int capacity, RandomSource random) {
        this.capacity = capacity;
        this.random = random;
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

    /** Removes {@code rumor} from the key indexes (it has already been unlinked). */
    private void forget(Rumor rumor) {
        byKey.remove(rumor.key);
        if (byHash.get(rumor.keyHash) == rumor) {
            byHash.remove(rumor.keyHash);
        }
    }

    /** The hash by which feedback names the rumor with {@code key}. */
    public static int hashOf(String key) {
        return key.hashCode();
    }

    /**
     * Queues {@code frame} under {@code key}, replacing any queued rumor with that key.
     * Returns false if the queue was full and this rumor was the one dropped.
     */
    public boolean offer(String key, RumorPriority priority, byte[] frame) {
        return offer(key, priority, frame, RumorPolicy.blindCounter());
    }

    /**
     * Queues {@code frame} under {@code key} to leave by {@code policy}, replacing any queued
     * rumor with that key. Returns false if the queue was full and this rumor was the one dropped.
     *
     * @throws IllegalArgumentException if {@code policy} tosses a coin and the queue has no random source
     */
    public boolean offer(String key, RumorPriority priority, byte[] frame, RumorPolicy policy) {
        if (random == null && policy.stop() == RumorPolicy.Stop.COIN) {
            throw new IllegalArgumentException("a coin rumor policy needs a queue with a random source");
        }
        Rumor old = byKey.remove(key);
        if (old != null) {
            unlink(old);
            forget(old);
        }
        if (size >= capacity) {
            Rumor worst = last();
            if (worst == null || priority.ordinal() > worst.priority.ordinal()) {
                dropsByPriority[priority.ordinal()]++;
                return false;
            }
            unlink(worst);
            forget(worst);
            dropsByPriority[worst.priority.ordinal()]++;
        }
        Rumor rumor = new Rumor(key, priority, frame, policy);
        bucket(priority, 0).addFirst(rumor);
        size++;
        byKey.put(key, rumor);
        byHash.put(rumor.keyHash, rumor);
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
        return fill(packet, transmitLimit, List.of());
    }

    /**
     * As {@link #fill(PacketBuilder, int)}, leaving out the rumors whose key hashes are in
     * {@code knownThere} (the recipient is known to have them: it sent them here).
     */
    public int fill(PacketBuilder packet, int transmitLimit, List<Integer> knownThere) {
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
                    if (!knownThere.isEmpty() && knownThere.contains(rumor.keyHash)) {
                        continue;
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
            transmissions++;
            if (keepsGoing(rumor, transmitLimit)) {
                bucket(rumor.priority, rumor.transmits).addFirst(rumor);
                size++;
            } else {
                forget(rumor);
            }
        }
        return taken.size();
    }

    /** Whether {@code rumor}, just sent once more, stays queued under its policy. */
    private boolean keepsGoing(Rumor rumor, int transmitLimit) {
        RumorPolicy policy = rumor.policy;
        if (policy.interest() == RumorPolicy.Interest.FEEDBACK) {
            return rumor.transmits < RumorPolicy.FEEDBACK_CAP_FACTOR * Math.max(1, transmitLimit);
        }
        int k = policy.effectiveK(transmitLimit);
        if (policy.stop() == RumorPolicy.Stop.COUNTER) {
            return rumor.transmits < k;
        }
        return random.nextInt(k) != 0;
    }

    /**
     * A recipient reported it already had the rumor whose key hashes to {@code keyHash}: a
     * loss-of-interest event for a feedback rumor (counted, or a coin tossed); ignored for a
     * blind one or a rumor no longer queued.
     */
    public void feedback(int keyHash, int transmitLimit) {
        Rumor rumor = byHash.get(keyHash);
        if (rumor == null || rumor.policy.interest() != RumorPolicy.Interest.FEEDBACK) {
            return;
        }
        feedbackEvents++;
        rumor.events++;
        int k = rumor.policy.effectiveK(transmitLimit);
        boolean lost = rumor.policy.stop() == RumorPolicy.Stop.COUNTER ? rumor.events >= k : random.nextInt(k) == 0;
        if (lost) {
            unlink(rumor);
            forget(rumor);
        }
    }

    /** Rumor transmissions so far (one per rumor per packet it rode in). */
    public long transmissions() {
        return transmissions;
    }

    /** Feedback reports that counted as a loss-of-interest event so far. */
    public long feedbackEvents() {
        return feedbackEvents;
    }

    /** Whether some queued rumor has never been sent (a backlog: the rounds do not keep up). */
    public boolean hasUnsent() {
        for (List<Bucket> byTransmits : buckets) {
            if (!byTransmits.isEmpty() && byTransmits.get(0).head != null) {
                return true;
            }
        }
        return false;
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
