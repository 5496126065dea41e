package io.grapevine.agent.client;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration as people and Go programs write it: a whole number with a unit, or several
 * ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h30m}, {@code 2d}); a bare number is
 * seconds. Negative or malformed values are bad flags (exit 2).
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern BARE = Pattern.compile("\\d+");

    @Override
    public Duration convert(String value) {
        String text = value.trim();
        try {
            if (BARE.matcher(text).matches()) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            Matcher part = PART.matcher(text);
            Duration total = Duration.ZERO;
            int end = 0;
            while (part.lookingAt()) {
                total = total.plus(unit(Long.parseLong(part.group(1)), part.group(2)));
                end = part.end();
                part.region(end, text.length());
            }
            if (end == 0 || end != text.length()) {
                throw new TypeConversionException("must be a duration like 30s, 10m, 1h30m or 500ms: " + value);
            }
            return total;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("is too large: " + value);
        }
    }

    private static Duration unit(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
