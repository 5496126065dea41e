package io.grapevine.agent.config;

import io.grapevine.core.CoreConfig;
import java.util.Locale;

/**
 * The protocol timing preset an agent runs with ({@code --profile}), memberlist's three: the
 * profile picks the {@link CoreConfig} preset and nothing else.
 */
public enum Profile {
    /** {@link CoreConfig#lan()}: probe every 1 s, suspicion multiplier 4; a data centre. The default. */
    LAN,
    /** {@link CoreConfig#wan()}: probe every 5 s, more tolerant timeouts; members across regions. */
    WAN,
    /** {@link CoreConfig#local()}: probe every 200 ms; every member on one machine (tests, demos). */
    LOCAL;

    /**
     * The protocol configuration of this profile.
     *
     * @return a fresh, validated core configuration
     */
    public CoreConfig core() {
        return switch (this) {
            case LAN -> CoreConfig.lan();
            case WAN -> CoreConfig.wan();
            case LOCAL -> CoreConfig.local();
        };
    }

    /**
     * The name as flags and config files write it.
     *
     * @return {@code lan}, {@code wan} or {@code local}
     */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code lan}, {@code wan} or {@code local} (any case).
     *
     * @param text what the user wrote
     * @return the profile
     * @throws IllegalArgumentException naming {@code --profile} and the value otherwise
     */
    public static Profile parse(String text) {
        for (Profile profile : values()) {
            if (profile.flagValue().equalsIgnoreCase(text.trim())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("--profile must be lan, wan or local: " + text);
    }
}
