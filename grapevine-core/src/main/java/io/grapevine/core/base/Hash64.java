package io.grapevine.core.base;

import java.nio.charset.StandardCharsets;

/**
 * The one 64-bit hash of the core: MurmurHash64A (Austin Appleby, public domain) over bytes,
 * and the SplitMix64 finalizer to mix numbers. Used for key placement on the hash ring,
 * virtual-node tokens and Merkle-tree digests, so every node and every JVM computes the same
 * values. Not cryptographic: it spreads keys evenly and makes accidental collisions
 * improbable (2^-64 per comparison), which is what anti-entropy needs. Stateless.
 */
public final class Hash64 {
    private static final long M = 0xc6a4a7935bd1e995L;
    private static final int R = 47;
    private static final long SEED = 0x9747b28c_1f0e_3a5dL;

    private Hash64() {
    }

    /** MurmurHash64A of {@code data}. */
    public static long of(byte[] data) {
        return of(data, 0, data.length);
    }

    /** MurmurHash64A of {@code length} bytes of {@code data} from {@code offset}. */
    public static long of(byte[] data, int offset, int length) {
        long h = SEED ^ (length * M);
        int blocks = length >>> 3;
        for (int i = 0; i < blocks; i++) {
            int at = offset + (i << 3);
            long k = (data[at] & 0xFFL) | (data[at + 1] & 0xFFL) << 8 | (data[at + 2] & 0xFFL) << 16
                    | (data[at + 3] & 0xFFL) << 24 | (data[at + 4] & 0xFFL) << 32 | (data[at + 5] & 0xFFL) << 40
                    | (data[at + 6] & 0xFFL) << 48 | (data[at + 7] & 0xFFL) << 56;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h ^= k;
            h *= M;
        }
        int tail = offset + (blocks << 3);
        int rest = length & 7;
        if (rest > 0) {
            for (int i = rest - 1; i >= 0; i--) {
                h ^= (data[tail + i] & 0xFFL) << (8 * i);
            }
            h *= M;
        }
        h ^= h >>> R;
        h *= M;
        h ^= h >>> R;
        return h;
    }

    /** MurmurHash64A of the UTF-8 bytes of {@code text}. */
    public static long of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** MurmurHash64A of {@code value}'s bytes. */
    public static long of(Bytes value) {
        return of(value.toArray());
    }

    /** The SplitMix64 finalizer: a bijection that spreads every input bit over the output. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
