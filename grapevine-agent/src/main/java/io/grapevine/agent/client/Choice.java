package io.grapevine.agent.client;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A text option with a fixed set of values: picocli's converter (any case accepted, the value
 * kept in lower case; anything else a bad flag naming the choices, exit 2) and its completion
 * candidates, in one. Each nested class is one option's set.
 */
public abstract class Choice implements ITypeConverter<String>, Iterable<String> {
    private final List<String> values;

    private Choice(List<String> values) {
        this.values = values;
    }

    @Override
    public final String convert(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!values.contains(lower)) {
            throw new TypeConversionException("must be one of " + String.join(", ", values) + ": " + value);
        }
        return lower;
    }

    @Override
    public final Iterator<String> iterator() {
        return values.iterator();
    }

    /** Member statuses, as the API spells them. */
    public static final class Status extends Choice {
        /** The four statuses. */
        public Status() {
            super(List.of("alive", "suspect", "dead", "left"));
        }
    }

    /** Output formats. */
    public static final class Format extends Choice {
        /** Text (aligned columns) and JSON (the API's answer). */
        public Format() {
            super(List.of("text", "json"));
        }
    }

    /** Log levels, lowest first. */
    public static final class LogLevel extends Choice {
        /** The five levels. */
        public LogLevel() {
            super(List.of("trace", "debug", "info", "warn", "error"));
        }
    }

    /** Key priorities: the class a key is reconciled in. */
    public static final class Priority extends Choice {
        /** The three priorities. */
        public Priority() {
            super(List.of("critical", "control", "bulk"));
        }
    }
}
