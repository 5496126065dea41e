package io.grapevine.sim.epidemic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting shared by the reports: locale-independent, JSON-safe. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code value} with at most six significant digits, plain notation; {@code null} if not finite (valid JSON). */
    public static String json(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** {@code value} with {@code decimals} decimals, or "-" if not finite. */
    public static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** {@code value} with four significant digits (for small residues), or "-" if not finite. */
    public static String sig(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** {@code text} as a JSON string literal. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
