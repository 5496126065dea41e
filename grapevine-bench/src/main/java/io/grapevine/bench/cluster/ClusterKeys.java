package io.grapevine.bench.cluster;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Fresh cluster keys, one per run, so that no run's nodes can talk to another's: 32 random
 * bytes (AES-256), for both Grapevine's {@code --encrypt} and Serf's {@code -encrypt}.
 */
public final class ClusterKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClusterKeys() {
    }

    /** 32 fresh random bytes. */
    public static byte[] fresh() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** 32 fresh random bytes in base64, as both agents' encrypt flags take them. */
    public static String freshBase64() {
        return Base64.getEncoder().encodeToString(fresh());
    }
}
