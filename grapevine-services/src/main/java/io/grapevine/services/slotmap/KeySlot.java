package io.grapevine.services.slotmap;

import java.nio.charset.StandardCharsets;

/**
 * The hash slot of a key, exactly as Redis Cluster's {@code CLUSTER KEYSLOT} computes it: CRC16
 * (the XMODEM variant: polynomial 0x1021, initial value 0, no reflection, no final xor) of the
 * key's bytes, modulo {@value #SLOTS}. When the key holds a hash tag, a {@code '{'} followed later
 * by a {@code '}'} with at least one byte between them, only the bytes between the first
 * {@code '{'} and the first {@code '}'} after it are hashed; {@code "foo{}{bar}"} has an empty
 * first tag, so the whole key is hashed.
 *
 * <p>Stateless and thread-safe. Any byte sequence is a valid key (the empty key is slot 0).
 */
public final class KeySlot {
    /** Number of hash slots, Redis Cluster's 16,384. */
    public static final int SLOTS = 16_384;

    private static final int[] TABLE = table();

    private KeySlot() {
    }

    /** The slot of {@code key}, encoded as UTF-8 (as redis-cli sends it). */
    public static int of(String key) {
        return of(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The slot of the raw key {@code key}, in {@code [0, SLOTS)}. */
    public static int of(byte[] key) {
        int open = indexOf(key, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(key, (byte) '}', open + 1);
            if (close > open + 1) {
                return crc16(key, open + 1, close) & (SLOTS - 1);
            }
        }
        return crc16(key, 0, key.length) & (SLOTS - 1);
    }

    /** CRC16/XMODEM of {@code data[from, to)}. */
    static int crc16(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ data[i]) & 0xff]) & 0xffff;
        }
        return crc;
    }

    private static int indexOf(byte[] data, byte value, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            table[i] = crc & 0xffff;
        }
        return table;
    }
}
