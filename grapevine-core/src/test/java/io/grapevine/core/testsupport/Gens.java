package io.grapevine.core.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Small QuickTheories generators the core properties share. Each draws only from the source
 * it is given, so QuickTheories can replay and shrink it (sizes towards their minimum,
 * numbers towards zero or their lower bound).
 */
public final class Gens {
    private Gens() {
    }

    /** Integers in {@code [min, max]}. */
    public static Gen<Integer> ints(int min, int max) {
        return Generate.range(min, max, min);
    }

    /** Longs in {@code [min, max]}. */
    public static Gen<Long> longs(long min, long max) {
        return Generate.longRange(min, max, min);
    }

    /** Any long. */
    public static Gen<Long> anyLong() {
        return Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE, 0);
    }

    /** Any int. */
    public static Gen<Integer> anyInt() {
        return Generate.range(Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
    }

    /** One of {@code values}, shrinking towards the first. */
    @SafeVarargs
    public static <T> Gen<T> of(T... values) {
        return Generate.pick(List.of(values));
    }

    /** {@code false} or {@code true}. */
    public static Gen<Boolean> booleans() {
        return Generate.booleans();
    }

    /** Mutable {@link ArrayList}s of {@code min..max} elements. */
    public static <T> Gen<List<T>> lists(Gen<T> elements, int min, int max) {
        Gen<Integer> sizes = ints(min, max);
        Gen<List<T>> lists = in -> {
            int size = sizes.generate(in);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(elements.generate(in));
            }
            return list;
        };
        return lists.describedAs(list -> list.stream().map(elements::asString)
                .collect(Collectors.joining(", ", "[", "]")));
    }

    /** Byte arrays of {@code min..max} bytes, any values. */
    public static Gen<byte[]> byteArrays(int min, int max) {
        return Generate.byteArrays(ints(min, max), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                .describedAs(Arrays::toString);
    }

    /** Any UTF-16 unit, unpaired surrogates included. */
    public static Gen<Character> anyChar() {
        return ints(Character.MIN_VALUE, Character.MAX_VALUE).map(c -> (char) c.intValue());
    }

    /** One of the chars of {@code alphabet}. */
    public static Gen<Character> charsOf(String alphabet) {
        return ints(0, alphabet.length() - 1).map(alphabet::charAt);
    }

    /** Strings of {@code min..max} UTF-16 units drawn from {@code chars}. */
    public static Gen<String> strings(Gen<Character> chars, int min, int max) {
        Gen<Integer> lengths = ints(min, max);
        Gen<String> strings = in -> {
            int length = lengths.generate(in);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.generate(in).charValue());
            }
            return text.toString();
        };
        return strings.describedAs(Gens::quoted);
    }

    /** {@code text} in quotes with every char outside printable ASCII escaped, so failures show what was sent. */
    public static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                quoted.append(c);
            } else {
                quoted.append(String.format("\\u%04x", (int) c));
            }
        }
        return quoted.append('"').toString();
    }
}
