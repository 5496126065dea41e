package io.grapevine.agent.config;

import java.util.Locale;

/** The agent's root log level ({@code --log-level}), most verbose first. */
public enum LogLevel {
    /** Everything, Netty's internals included. */
    TRACE,
    /** Diagnostic detail. */
    DEBUG,
    /** Lifecycle: start, join, leave, stop. The default. */
    INFO,
    /** Something an operator should look at: a failed join, dropped packets. */
    WARN,
    /** Failures only. */
    ERROR;

    /**
     * The name as flags and config files write it.
     *
     * @return the lower-case name, e.g. {@code info}
     */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a level name (any case).
     *
     * @param text what the user wrote
     * @return the level
     * @throws IllegalArgumentException naming {@code --log-level} and the value otherwise
     */
    public static LogLevel parse(String text) {
        for (LogLevel level : values()) {
            if (level.name().equalsIgnoreCase(text.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException("--log-level must be one of trace, debug, info, warn, error: " + text);
    }
}
