package io.grapevine.services.blocklog;

import io.grapevine.core.base.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One numbered block of the log: its number (1 for the first block), the SHA-256 hash of the
 * block before it ({@link #GENESIS_HASH} for block 1), the member that produced it, an opaque
 * payload, and the hash it claims for itself. Immutable.
 *
 * <p>Invariants checked by the constructor: number at least 1, both hashes {@value #HASH_BYTES}
 * bytes, producer not blank and at most {@value #MAX_PRODUCER_BYTES} UTF-8 bytes, payload at most
 * {@value #MAX_PAYLOAD_BYTES} bytes. The claimed hash is not checked here (a block read off the
 * network may lie); {@link #hashValid()} recomputes it, and {@link #create} is how a producer
 * makes a block whose hash is right.
 *
 * @param number the block's sequence number, from 1
 * @param previousHash the hash of block {@code number - 1}, or {@link #GENESIS_HASH}
 * @param producer the name of the member that produced the block
 * @param payload the application's bytes
 * @param hash the hash the block claims: SHA-256 of number, previous hash, producer and payload
 */
public record Block(long number, Bytes previousHash, String producer, Bytes payload, Bytes hash) {
    /** Length of a SHA-256 hash, in bytes. */
    public static final int HASH_BYTES = 32;
    /** Largest producer name, in UTF-8 bytes (a member name's bound). */
    public static final int MAX_PRODUCER_BYTES = 255;
    /** Largest payload, in bytes: 64 KiB, so a pull response of 10 blocks still fits a stream. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** The previous hash of block 1: 32 zero bytes. */
    public static final Bytes GENESIS_HASH = Bytes.copyOf(new byte[HASH_BYTES]);

    /** Validates the fields' shapes (not the hash's truth); the message names the field. */
    public Block {
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1: " + number);
        }
        if (previousHash == null || previousHash.length() != HASH_BYTES) {
            throw new IllegalArgumentException("previousHash must be " + HASH_BYTES + " bytes");
        }
        if (hash == null || hash.length() != HASH_BYTES) {
            throw new IllegalArgumentException("hash must be " + HASH_BYTES + " bytes");
        }
        if (producer == null || producer.isBlank()
                || producer.getBytes(StandardCharsets.UTF_8).length > MAX_PRODUCER_BYTES) {
            throw new IllegalArgumentException("producer must be non-blank and at most " + MAX_PRODUCER_BYTES
                    + " UTF-8 bytes");
        }
        if (payload == null || payload.length() > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload must be at most " + MAX_PAYLOAD_BYTES + " bytes");
        }
    }

    /** A block whose hash is computed from its contents: how the leader produces one. */
    public static Block create(long number, Bytes previousHash, String producer, Bytes payload) {
        return new Block(number, previousHash, producer, payload, computeHash(number, previousHash, producer, payload));
    }

    /** True when the claimed hash is the SHA-256 of the block's contents. */
    public boolean hashValid() {
        return hash.equals(computeHash(number, previousHash, producer, payload));
    }

    /** True when this block's hash is what {@code next} claims as its previous hash and the numbers follow. */
    public boolean precedes(Block next) {
        return next.number == number + 1 && next.previousHash.equals(hash);
    }

    /**
     * SHA-256 of the number (8 bytes, big-endian), the previous hash, the producer's length (2
     * bytes) and UTF-8 bytes, the payload's length (4 bytes) and bytes: lengths make the encoding
     * unambiguous.
     */
    static Bytes computeHash(long number, Bytes previousHash, String producer, Bytes payload) {
        MessageDigest sha = sha256();
        byte[] producerBytes = producer.getBytes(StandardCharsets.UTF_8);
        byte[] head = new byte[8];
        for (int i = 0; i < 8; i++) {
            head[i] = (byte) (number >>> (56 - 8 * i));
        }
        sha.update(head);
        sha.update(previousHash.toArray());
        sha.update((byte) (producerBytes.length >>> 8));
        sha.update((byte) producerBytes.length);
        sha.update(producerBytes);
        int length = payload.length();
        sha.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        sha.update(payload.toArray());
        return Bytes.copyOf(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Number, producer and the first bytes of the hash, for logs and the demo. */
    @Override
    public String toString() {
        return "Block[" + number + " by " + producer + ", " + shortHash(hash) + " <- " + shortHash(previousHash) + "]";
    }

    /** The first 4 bytes of {@code hash} in hex. */
    public static String shortHash(Bytes hash) {
        StringBuilder text = new StringBuilder(8);
        for (int i = 0; i < Math.min(4, hash.length()); i++) {
            text.append(Character.forDigit((hash.get(i) >>> 4) & 0xF, 16)).append(Character.forDigit(hash.get(i) & 0xF, 16));
        }
        return text.toString();
    }
}
