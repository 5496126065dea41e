package io.grapevine.agent.config;

import io.grapevine.net.Keyring;

/**
 * How an agent protects its gossip: exactly one of an AES-256 key ({@code --encrypt}), a keyring
 * file ({@code --keyring-file}) or, explicitly, none ({@code --plaintext}). A key is checked here
 * (base64 of exactly 32 bytes); a keyring file is read when the agent starts.
 *
 * <p>{@link #toString()} never shows the key.
 *
 * @param mode which of the three
 * @param value the base64 key ({@link Mode#KEY}), the keyring file's path ({@link Mode#KEYRING_FILE}),
 *              or empty ({@link Mode#PLAINTEXT})
 */
public record Encryption(Mode mode, String value) {
    /** The three ways, each with the flag that selects it. */
    public enum Mode {
        /** One primary key, base64 ({@code --encrypt}). */
        KEY("--encrypt"),
        /**
         * A JSON array of base64 keys, the first the primary one, the rest installed for decryption
         * (Serf's keyring file; {@code --keyring-file}).
         */
        KEYRING_FILE("--keyring-file"),
        /** No encryption ({@code --plaintext}); never the default. */
        PLAINTEXT("--plaintext");

        private final String flag;

        Mode(String flag) {
            this.flag = flag;
        }

        /**
         * The flag that selects this mode.
         *
         * @return e.g. {@code --encrypt}
         */
        public String flag() {
            return flag;
        }
    }

    /** Validates the value for its mode; the message names the flag. */
    public Encryption {
        if (mode == null) {
            throw new IllegalArgumentException("encryption mode must not be null");
        }
        if (value == null) {
            throw new IllegalArgumentException(mode.flag() + " must not be null");
        }
        switch (mode) {
            case KEY -> {
                try {
                    Keyring.decode(value);
                } catch (IllegalArgumentException e) {
                    // never echo the key itself: it is a secret
                    throw new IllegalArgumentException("--encrypt: " + e.getMessage());
                }
            }
            case KEYRING_FILE -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("--keyring-file must not be blank");
                }
            }
            case PLAINTEXT -> {
                if (!value.isEmpty()) {
                    throw new IllegalArgumentException("--plaintext takes no value: " + value);
                }
            }
        }
    }

    /**
     * Encrypts with one base64 key.
     *
     * @param base64Key a 32-byte AES-256 key in base64
     * @return the setting
     */
    public static Encryption key(String base64Key) {
        return new Encryption(Mode.KEY, base64Key);
    }

    /**
     * Encrypts with the keys of a keyring file, read at start.
     *
     * @param path the file
     * @return the setting
     */
    public static Encryption keyringFile(String path) {
        return new Encryption(Mode.KEYRING_FILE, path);
    }

    /**
     * No encryption.
     *
     * @return the setting
     */
    public static Encryption plaintext() {
        return new Encryption(Mode.PLAINTEXT, "");
    }

    @Override
    public String toString() {
        return switch (mode) {
            case KEY -> "key " + Keyring.fingerprint(Keyring.decode(value));
            case KEYRING_FILE -> "keyring file " + value;
            case PLAINTEXT -> "plaintext";
        };
    }
}
