package io.grapevine.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Agent settings as one source gave them (a config file, or the command line), each absent unless
 * given, before defaults apply. {@link #overriddenBy} layers the flags over the file;
 * {@link #toConfig} applies the defaults and builds the validated {@link AgentConfig}.
 *
 * <p>Merge rules: a flag replaces the file's value, lists included ({@code --join},
 * {@code --event-handler}); {@code --tag} replaces the file's tag of the same key and keeps the
 * others; any of {@code --encrypt}, {@code --keyring-file}, {@code --plaintext} replaces the file's
 * encryption choice as a whole. Immutable.
 */
public final class AgentSettings {
    /** Every setting, named as its flag without the dashes, which is also its config file key. */
    public enum Key {
        /** {@code --node}: text. */
        NODE("node"),
        /** {@code --bind}: text. */
        BIND("bind"),
        /** {@code --advertise}: text. */
        ADVERTISE("advertise"),
        /** {@code --http-addr}: text. */
        HTTP_ADDR("http-addr"),
        /** {@code --join}: a list of text. */
        JOIN("join"),
        /** {@code --data-dir}: text. */
        DATA_DIR("data-dir"),
        /** {@code --encrypt}: text. */
        ENCRYPT("encrypt"),
        /** {@code --keyring-file}: text. */
        KEYRING_FILE("keyring-file"),
        /** {@code --plaintext}: a boolean. */
        PLAINTEXT("plaintext"),
        /** {@code --profile}: text. */
        PROFILE("profile"),
        /** {@code --tag}: a map of text to text. */
        TAG("tag"),
        /** {@code --event-handler}: a list of text. */
        EVENT_HANDLER("event-handler"),
        /** {@code --log-level}: text. */
        LOG_LEVEL("log-level"),
        /** {@code --log-json}: a boolean. */
        LOG_JSON("log-json"),
        /** {@code --http-token}: text. */
        HTTP_TOKEN("http-token"),
        /** {@code --http-protect-reads}: a boolean. */
        HTTP_PROTECT_READS("http-protect-reads"),
        /** {@code --zone}: text. */
        ZONE("zone"),
        /** {@code --quorum-failure-detection}: a boolean. */
        QUORUM_FAILURE_DETECTION("quorum-failure-detection"),
        /** {@code --proof-first-acks}: text (a number, checked by {@link AgentConfig}). */
        PROOF_FIRST_ACKS("proof-first-acks");

        private final String key;

        Key(String key) {
            this.key = key;
        }

        /**
         * The config file key.
         *
         * @return e.g. {@code http-addr}
         */
        public String key() {
            return key;
        }

        /**
         * The flag.
         *
         * @return e.g. {@code --http-addr}
         */
        public String flag() {
            return "--" + key;
        }

        /**
         * The key a config file spells {@code name}.
         *
         * @param name a config file key
         * @return the key, or empty if there is none of that name
         */
        public static Optional<Key> ofName(String name) {
            return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
        }
    }

    private static final List<Key> ENCRYPTION_KEYS = List.of(Key.ENCRYPT, Key.KEYRING_FILE, Key.PLAINTEXT);

    private final Map<Key, Object> values;
    /** Where each value came from, for messages: "flag" or "--config FILE". */
    private final Map<Key, String> origins;

    private AgentSettings(Map<Key, Object> values, Map<Key, String> origins) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.origins = Collections.unmodifiableMap(new EnumMap<>(origins));
    }

    /**
     * No setting given.
     *
     * @return empty settings
     */
    public static AgentSettings empty() {
        return new AgentSettings(new EnumMap<>(Key.class), new EnumMap<>(Key.class));
    }

    /**
     * A copy with {@code key} set.
     *
     * @param key the setting
     * @param value a {@code String}, {@code Boolean}, {@code List<String>} or {@code Map<String, String>},
     *              as the key's Javadoc says
     * @param origin where it came from, for messages: {@code flag}, or {@code --config FILE}
     * @return the copy
     */
    public AgentSettings with(Key key, Object value, String origin) {
        Map<Key, Object> v = new EnumMap<>(Key.class);
        v.putAll(values);
        Map<Key, String> o = new EnumMap<>(Key.class);
        o.putAll(origins);
        v.put(key, copyOf(key, value));
        o.put(key, origin);
        return new AgentSettings(v, o);
    }

    private static Object copyOf(Key key, Object value) {
        switch (key) {
            case JOIN, EVENT_HANDLER -> {
                List<?> list = (List<?>) value;
                List<String> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add((String) item));
                return List.copyOf(copy);
            }
            case TAG -> {
                Map<?, ?> map = (Map<?, ?>) value;
                Map<String, String> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put((String) k, (String) v));
                return Collections.unmodifiableMap(copy);
            }
            case PLAINTEXT, LOG_JSON, HTTP_PROTECT_READS, QUORUM_FAILURE_DETECTION -> {
                return (Boolean) value;
            }
            default -> {
                return (String) value;
            }
        }
    }

    /**
     * Whether {@code key} was given.
     *
     * @param key the setting
     * @return true if this source set it
     */
    public boolean has(Key key) {
        return values.containsKey(key);
    }

    /**
     * The value of {@code key}, if given.
     *
     * @param key the setting
     * @return the value, of the type the key's Javadoc names
     */
    public Optional<Object> get(Key key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * These settings with {@code flags} laid over them (see the merge rules above).
     *
     * @param flags the overriding source
     * @return the merged settings
     * @throws IllegalArgumentException if either source names more than one encryption choice
     */
    public AgentSettings overriddenBy(AgentSettings flags) {
        checkOneEncryption();
        flags.checkOneEncryption();
        Map<Key, Object> v = new EnumMap<>(Key.class);
        v.putAll(values);
        Map<Key, String> o = new EnumMap<>(Key.class);
        o.putAll(origins);
        if (flags.choosesEncryption()) {
            ENCRYPTION_KEYS.forEach(k -> {
                v.remove(k);
                o.remove(k);
            });
        }
        for (Map.Entry<Key, Object> entry : flags.values.entrySet()) {
            Key key = entry.getKey();
            Object value = entry.getValue();
            if (key == Key.TAG && values.containsKey(Key.TAG)) {
                Map<String, String> tags = new LinkedHashMap<>(tags(values.get(Key.TAG)));
                tags.putAll(tags(value));
                value = Collections.unmodifiableMap(tags);
            }
            v.put(key, value);
            o.put(key, flags.origins.get(key));
        }
        return new AgentSettings(v, o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(Object value) {
        return (Map<String, String>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }

    private boolean choosesEncryption() {
        return values.containsKey(Key.ENCRYPT) || values.containsKey(Key.KEYRING_FILE)
                || Boolean.TRUE.equals(values.get(Key.PLAINTEXT));
    }

    private void checkOneEncryption() {
        int chosen = (values.containsKey(Key.ENCRYPT) ? 1 : 0) + (values.containsKey(Key.KEYRING_FILE) ? 1 : 0)
                + (Boolean.TRUE.equals(values.get(Key.PLAINTEXT)) ? 1 : 0);
        if (chosen > 1) {
            String where = ENCRYPTION_KEYS.stream().filter(values::containsKey).findFirst().map(origins::get)
                    .filter(origin -> !origin.equals("flag")).map(origin -> " (in " + origin + ")").orElse("");
            throw new IllegalArgumentException("--encrypt, --keyring-file and --plaintext are mutually exclusive"
                    + where);
        }
    }

    /**
     * Applies the defaults and validates.
     *
     * @param defaultNodeName gives the node name when none was set (the host name)
     * @return the agent configuration
     * @throws IllegalArgumentException one line naming the flag and the value (and the config file
     *                                  when the value came from one)
     */
    public AgentConfig toConfig(Supplier<String> defaultNodeName) {
        checkOneEncryption();
        Encryption encryption = encryption();
        try {
            return new AgentConfig(
                    text(Key.NODE).orElseGet(defaultNodeName),
                    AgentConfig.parseAddress("--bind", text(Key.BIND).orElse(AgentConfig.DEFAULT_BIND)),
                    text(Key.ADVERTISE).orElse(""),
                    AgentConfig.parseAddress("--http-addr", text(Key.HTTP_ADDR).orElse(AgentConfig.DEFAULT_HTTP_ADDR)),
                    get(Key.JOIN).map(AgentSettings::list).orElse(List.of()),
                    text(Key.DATA_DIR).orElse(""),
                    encryption,
                    text(Key.PROFILE).map(Profile::parse).orElse(Profile.LAN),
                    get(Key.TAG).map(AgentSettings::tags).orElse(Map.of()),
                    get(Key.EVENT_HANDLER).map(AgentSettings::list).orElse(List.of()),
                    text(Key.LOG_LEVEL).map(LogLevel::parse).orElse(LogLevel.INFO),
                    Boolean.TRUE.equals(values.get(Key.LOG_JSON)),
                    text(Key.HTTP_TOKEN).orElse(""),
                    Boolean.TRUE.equals(values.get(Key.HTTP_PROTECT_READS)),
                    text(Key.ZONE).orElse(""),
                    Boolean.TRUE.equals(values.get(Key.QUORUM_FAILURE_DETECTION)),
                    AgentConfig.parseProofFirstAcks(text(Key.PROOF_FIRST_ACKS).orElse("0")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + fromFile(e.getMessage()), e);
        }
    }

    private Encryption encryption() {
        try {
            if (values.containsKey(Key.ENCRYPT)) {
                return Encryption.key(text(Key.ENCRYPT).orElseThrow());
            }
            if (values.containsKey(Key.KEYRING_FILE)) {
                return Encryption.keyringFile(text(Key.KEYRING_FILE).orElseThrow());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + fromFile(e.getMessage()), e);
        }
        if (Boolean.TRUE.equals(values.get(Key.PLAINTEXT))) {
            return Encryption.plaintext();
        }
        throw new IllegalArgumentException("one of --encrypt BASE64KEY, --keyring-file FILE or --plaintext is required"
                + " (or encrypt, keyring-file or plaintext in the config file)");
    }

    /** " (in --config FILE)" when the flag {@code message} names was set by a config file. */
    private String fromFile(String message) {
        for (Map.Entry<Key, String> origin : origins.entrySet()) {
            String flag = origin.getKey().flag();
            boolean named = message.startsWith(flag + " ") || message.startsWith(flag + ":");
            if (named && !origin.getValue().equals("flag")) {
                return " (in " + origin.getValue() + ")";
            }
        }
        return "";
    }

    private Optional<String> text(Key key) {
        return Optional.ofNullable((String) values.get(key));
    }

    @Override
    public String toString() {
        Map<Key, Object> shown = new EnumMap<>(values);
        shown.computeIfPresent(Key.ENCRYPT, (k, v) -> "(secret)");
        shown.computeIfPresent(Key.HTTP_TOKEN, (k, v) -> "(secret)");
        return "AgentSettings" + shown;
    }
}
