package io.grapevine.sim;

import java.util.Arrays;

/**
 * The simulator's agenda: a binary min-heap of timed events ordered by time, then by insertion
 * sequence, so events due at the same instant run in the order they were scheduled and the run
 * is deterministic.
 *
 * <p>Events live in parallel primitive arrays indexed by a slot number, and freed slots are
 * reused, so scheduling allocates nothing once the arrays have grown to the run's working set.
 * Use: {@link #pop()} returns a slot, read its fields, then {@link #release(int)} it before
 * scheduling anything new. Not thread-safe.
 */
final class EventQueue {
    /** A packet delivered as a datagram. */
    static final int DATAGRAM = 0;
    /** A packet delivered over a stream. */
    static final int STREAM = 1;
    /** A node's tick deadline. */
    static final int TICK = 2;
    /** The end of a leaving node's linger time. */
    static final int STOP = 3;
    /** A stream connection refused by a killed node, reported back to the node that opened it. */
    static final int REFUSED = 4;

    private long[] time;
    private long[] seq;
    private int[] kind;
    private int[] target;
    private int[] source;
    private int[] token;
    private boolean[] deferred;
    private byte[][] packet;
    private int[] heap;
    private int size;
    private int[] free;
    private int freeCount;
    private int slotsUsed;
    private long nextSeq;

    EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        time = new long[capacity];
        seq = new long[capacity];
        kind = new int[capacity];
        target = new int[capacity];
        source = new int[capacity];
        token = new int[capacity];
        deferred = new boolean[capacity];
        packet = new byte[capacity][];
        heap = new int[capacity];
        free = new int[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest event; the queue must not be empty. */
    long peekTime() {
        return time[heap[0]];
    }

    /** Schedules an event at {@code at} (virtual ns). */
    void push(long at, int eventKind, int to, int from, byte[] bytes, int eventToken, boolean isDeferred) {
        int slot = allocate();
        time[slot] = at;
        seq[slot] = nextSeq++;
        kind[slot] = eventKind;
        target[slot] = to;
        source[slot] = from;
        packet[slot] = bytes;
        token[slot] = eventToken;
        deferred[slot] = isDeferred;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(slot, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = slot;
    }

    /** Removes the earliest event and returns its slot; read it, then {@link #release(int)}. */
    int pop() {
        int top = heap[0];
        int last = heap[--size];
        if (size > 0) {
            siftDown(last);
        }
        return top;
    }

    void release(int slot) {
        packet[slot] = null;
        free[freeCount++] = slot;
    }

    long time(int slot) {
        return time[slot];
    }

    int kind(int slot) {
        return kind[slot];
    }

    int target(int slot) {
        return target[slot];
    }

    int source(int slot) {
        return source[slot];
    }

    int token(int slot) {
        return token[slot];
    }

    boolean deferred(int slot) {
        return deferred[slot];
    }

    byte[] packet(int slot) {
        return packet[slot];
    }

    private void siftDown(int slot) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], slot)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = slot;
    }

    /** Priority: earlier time first; at equal times, earlier scheduling first. */
    private boolean before(int a, int b) {
        long ta = time[a];
        long tb = time[b];
        return ta < tb || (ta == tb && seq[a] < seq[b]);
    }

    private int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (slotsUsed == time.length) {
            grow();
        }
        return slotsUsed++;
    }

    private void grow() {
        int capacity = time.length * 2;
        time = Arrays.copyOf(time, capacity);
        seq = Arrays.copyOf(seq, capacity);
        kind = Arrays.copyOf(kind, capacity);
        target = Arrays.copyOf(target, capacity);
        source = Arrays.copyOf(source, capacity);
        token = Arrays.copyOf(token, capacity);
        deferred = Arrays.copyOf(deferred, capacity);
        packet = Arrays.copyOf(packet, capacity);
        heap = Arrays.copyOf(heap, capacity);
        free = Arrays.copyOf(free, capacity);
    }
}
