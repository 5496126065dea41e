package io.grapevine.sim;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A running 64-bit fingerprint of everything a simulation processed: for each delivered packet
 * and each tick, its virtual time, kind, receiving and sending node and the packet's bytes. Two
 * runs with the same fingerprint processed the same inputs in the same order; it is how the
 * determinism tests compare runs without storing traces. Not cryptographic.
 */
final class TraceHash {
    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long value = 0x2545F4914F6CDD1DL;

    void mix(long v) {
        value = Long.rotateLeft(value ^ (v * P2), 31) * P1;
    }

    void mixEvent(long nowNanos, int kind, int to, int from, byte[] packet) {
        mix(nowNanos);
        mix(((long) kind << 48) ^ ((long) to << 24) ^ (from & 0xFFFFFFL));
        if (packet != null) {
            mix(hashBytes(packet));
        }
    }

    long value() {
        return value;
    }

    /** A 64-bit hash of {@code bytes}, eight bytes per step. */
    static long hashBytes(byte[] bytes) {
        long h = bytes.length * P1;
        int i = 0;
        for (; i + 8 <= bytes.length; i += 8) {
            h = Long.rotateLeft(h ^ ((long) LONGS.get(bytes, i) * P2), 29) * P1;
        }
        long tail = 0;
        for (int shift = 0; i < bytes.length; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = Long.rotateLeft(h ^ (tail * P2), 29) * P1;
        return h ^ (h >>> 32);
    }
}
