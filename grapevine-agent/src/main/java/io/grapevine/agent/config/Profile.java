package io.grapevine.agent.config;

import io.grapevine.core.CoreConfig;
import java.util.Locale;

/**
 * The protocol timing preset an agent runs with ({@code --profile}): memberlist's three and a
 * fast one. The profile picks the {@link CoreConfig} preset and nothing else; each tolerates a
 * silent pause of its {@code pauseToleranceNanos} (LAN 5 s, WAN 35 s, local 0.8 s, fast 1 s).
 */
public enum Profile {
    /** {@link CoreConfig#lan()}: probe every 1 s, suspicion multiplier 4; a data centre. The default. */
    LAN,
    /** {@link CoreConfig#wan()}: probe every 5 s, more tolerant timeouts; members across regions. */
    WAN,
    /** {@link CoreConfig#local()}: probe every 200 ms; every member on one machine (tests, demos). */
    LOCAL,
    /**
     * {@link CoreConfig#fast()}: LAN timings with a probe every 250 ms and a 1 s pause
     * tolerance; a silent member is declared dead in about 1.1 s, at four times LAN's probe cost.
     */
    FAST;

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
            case FAST -> CoreConfig.fast();
        };
    }

    /**
     * The name as flags and config files write it.
     *
     * @return {@code lan}, {@code wan}, {@code local} or {@code fast}
     */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code lan}, {@code wan}, {@code local} or {@code fast} (any case).
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
        throw new IllegalArgumentException("--profile must be lan, wan, local or fast: " + text);
    }
}
