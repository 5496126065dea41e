package io.grapevine.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The cluster's AES-256 keys (Serf's keyring): one primary key encrypts, every installed key
 * may decrypt, so keys rotate without a flag day: install the new key everywhere, make it
 * primary everywhere, then remove the old one.
 *
 * <p>Thread-safe: reads see an immutable snapshot; changes replace it. Keys are validated
 * (exactly 32 bytes) before they are stored. The primary key cannot be removed.
 */
public final class Keyring {
    /** AES-256 key length in bytes. */
    public static final int KEY_BYTES = 32;

    private record Snapshot(List<byte[]> keys, int primary) {
    }

    private volatile Snapshot snapshot;
    /** Told after every change (the cluster republishes this node's fingerprints). */
    private volatile Runnable onChange = () -> { };

    private Keyring(byte[] primary) {
        snapshot = new Snapshot(List.of(primary.clone()), 0);
    }

    /** A keyring holding {@code primaryKey} (32 bytes) as its only, primary key. */
    public static Keyring of(byte[] primaryKey) {
        validate(primaryKey);
        return new Keyring(primaryKey);
    }

    /** A keyring from a base64 key, as operators write it in config files and flags. */
    public static Keyring ofBase64(String primaryKey) {
        return of(decode(primaryKey));
    }

    /** Decodes a base64 key, naming the problem when it is not a valid 32-byte key. */
    public static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key is not valid base64");
        }
        validate(key);
        return key;
    }

    private static void validate(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("encryption key must be " + KEY_BYTES + " bytes (AES-256), was "
                    + (key == null ? 0 : key.length));
        }
    }

    /** Adds {@code key} for decryption (no-op if present). */
    public synchronized void install(byte[] key) {
        validate(key);
        if (indexOf(key) >= 0) {
            return;
        }
        List<byte[]> keys = new ArrayList<>(snapshot.keys());
        keys.add(key.clone());
        snapshot = new Snapshot(List.copyOf(keys), snapshot.primary());
        onChange.run();
    }

    /** Makes an installed {@code key} the one that encrypts. */
    public synchronized void use(byte[] key) {
        int index = indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException("key " + fingerprint(key) + " is not installed; install it first");
        }
        snapshot = new Snapshot(snapshot.keys(), index);
        onChange.run();
    }

    /** Removes a key that is not the primary one. */
    public synchronized void remove(byte[] key) {
        int index = indexOf(key);
        if (index < 0) {
            return;
        }
        if (index == snapshot.primary()) {
            throw new IllegalArgumentException("key " + fingerprint(key) + " is the primary key; use another first");
        }
        List<byte[]> keys = new ArrayList<>(snapshot.keys());
        keys.remove(index);
        int primary = snapshot.primary() > index ? snapshot.primary() - 1 : snapshot.primary();
        snapshot = new Snapshot(List.copyOf(keys), primary);
        onChange.run();
    }

    /** Registers the hook run after every change; one hook, replaced by the next call. */
    void onChange(Runnable hook) {
        onChange = hook;
    }

    /** Fingerprints of the installed keys, primary first. */
    public List<String> fingerprints() {
        Snapshot s = snapshot;
        List<String> list = new ArrayList<>();
        list.add(fingerprint(s.keys().get(s.primary())));
        for (int i = 0; i < s.keys().size(); i++) {
            if (i != s.primary()) {
                list.add(fingerprint(s.keys().get(i)));
            }
        }
        return list;
    }

    byte[] primary() {
        Snapshot s = snapshot;
        return s.keys().get(s.primary());
    }

    /** Every key, primary first (the decryption order). */
    List<byte[]> decryptionOrder() {
        Snapshot s = snapshot;
        List<byte[]> order = new ArrayList<>(s.keys().size());
        order.add(s.keys().get(s.primary()));
        for (int i = 0; i < s.keys().size(); i++) {
            if (i != s.primary()) {
                order.add(s.keys().get(i));
            }
        }
        return order;
    }

    private int indexOf(byte[] key) {
        List<byte[]> keys = snapshot.keys();
        for (int i = 0; i < keys.size(); i++) {
            if (Arrays.equals(keys.get(i), key)) {
                return i;
            }
        }
        return -1;
    }

    /** A short, non-secret identifier of a key: the first 8 bytes of its SHA-256, in hex. */
    public static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
