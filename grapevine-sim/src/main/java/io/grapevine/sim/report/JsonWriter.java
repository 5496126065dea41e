package io.grapevine.sim.report;

import java.util.Locale;

/**
 * A tiny builder for one flat-or-nested JSON object on one line: enough for reports, nothing
 * more. Strings are escaped per RFC 8259; NaN and infinities become {@code null}. Not
 * thread-safe.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    /** Adds a string member. */
    public JsonWriter string(String name, String value) {
        key(name);
        quote(value);
        return this;
    }

    /** Adds a number member (null when NaN or infinite). */
    public JsonWriter number(String name, double value) {
        key(name);
        out.append(number(value));
        return this;
    }

    /** Adds a boolean member. */
    public JsonWriter bool(String name, boolean value) {
        key(name);
        out.append(value);
        return this;
    }

    /** Adds an array of strings. */
    public JsonWriter strings(String name, java.util.List<String> values) {
        key(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(values.get(i));
        }
        out.append(']');
        return this;
    }

    /** Adds an array of numbers. */
    public JsonWriter numbers(String name, java.util.List<? extends Number> values) {
        key(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(number(values.get(i).doubleValue()));
        }
        out.append(']');
        return this;
    }

    /** Adds a nested object member, already written. */
    public JsonWriter object(String name, JsonWriter value) {
        key(name);
        out.append(value);
        return this;
    }

    /** The object's JSON text. */
    @Override
    public String toString() {
        return out + "}";
    }

    /** A JSON number: integral values without a fraction, others with up to 3 decimals. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(name);
        out.append(':');
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
