package io.grapevine.net;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens packets with AES-256-GCM, the cluster label as associated data, so a packet
 * from another cluster or under an unknown key fails authentication and is dropped.
 *
 * <pre>
 * sealed := version u8 (=1) | nonce[12] | ciphertext | tag[16]
 * </pre>
 *
 * Confined to one thread (the node's event loop): the JCE cipher is not thread-safe.
 */
final class PacketCipher {
    static final int VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int OVERHEAD_BYTES = 1 + NONCE_BYTES + TAG_BITS / 8;

    private final Keyring keyring;
    private final byte[] associatedData;
    private final SecureRandom random = new SecureRandom();
    private final Cipher cipher;

    PacketCipher(Keyring keyring, String clusterLabel) {
        this.keyring = keyring;
        this.associatedData = clusterLabel.getBytes(StandardCharsets.UTF_8);
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by the JDK", e);
        }
    }

    byte[] seal(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyring.primary(), "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = new byte[1 + NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            sealed[0] = VERSION;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** False if a packet of {@code length} bytes starting with {@code first} cannot be sealed by any key. */
    static boolean mayBeSealed(int length, byte first) {
        return length >= OVERHEAD_BYTES && first == VERSION;
    }

    /** The plaintext, or empty when no installed key authenticates the packet. */
    Optional<byte[]> open(byte[] sealed) {
        if (!mayBeSealed(sealed.length, sealed.length == 0 ? 0 : sealed[0])) {
            return Optional.empty();
        }
        GCMParameterSpec spec = new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES);
        for (byte[] key : keyring.decryptionOrder()) {
            try {
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), spec);
                cipher.updateAAD(associatedData);
                return Optional.of(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
            } catch (GeneralSecurityException e) {
                // not this key (or forged): try the next
            }
        }
        return Optional.empty();
    }
}
