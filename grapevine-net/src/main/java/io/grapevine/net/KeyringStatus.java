package io.grapevine.net;

import java.util.List;

/**
 * What one member reports of its keyring, by key fingerprint ({@link Keyring#fingerprint}),
 * never the keys themselves: the key rotation workflow's "does every member have it yet?".
 * Each encrypted node publishes its status in its replicated state whenever its keyring changes.
 *
 * @param primary the fingerprint of the key the member encrypts with
 * @param installed the fingerprints of every key the member can decrypt with, primary first
 */
public record KeyringStatus(String primary, List<String> installed) {
    /** Validates and freezes the fields. */
    public KeyringStatus {
        installed = List.copyOf(installed);
        if (installed.isEmpty() || !installed.get(0).equals(primary)) {
            throw new IllegalArgumentException("installed must start with the primary key " + primary);
        }
    }

    /** Whether the member can decrypt with the key of {@code fingerprint}. */
    public boolean has(String fingerprint) {
        return installed.contains(fingerprint);
    }

    /** The form published in the replicated state: fingerprints, primary first, comma-separated. */
    String encode() {
        return String.join(",", installed);
    }

    /** Parses {@link #encode()}'s form; empty for anything else (a member is never trusted blindly). */
    static java.util.Optional<KeyringStatus> decode(String text) {
        if (text.isEmpty() || text.length() > 64 * 17) {
            return java.util.Optional.empty();
        }
        List<String> fingerprints = List.of(text.split(","));
        for (String fingerprint : fingerprints) {
            if (!fingerprint.matches("[0-9a-f]{16}")) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new KeyringStatus(fingerprints.get(0), fingerprints));
    }
}
