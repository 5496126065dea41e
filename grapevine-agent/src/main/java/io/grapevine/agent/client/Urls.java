package io.grapevine.agent.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of what users type into request paths and queries: member names, keys and
 * event names are free text, so a space, {@code ?}, {@code #} or {@code %} in them must not
 * change the request. Pure functions.
 */
final class Urls {
    private static final String HEX = "0123456789ABCDEF";

    private Urls() {
    }

    /** {@code text} as one path segment: every byte but RFC 3986's unreserved ones encoded. */
    static String segment(String text) {
        return encode(text, false);
    }

    /**
     * {@code text} as a path that may span segments: like {@link #segment} but {@code /} kept,
     * for keys such as {@code service/web} (the API's key routes match slashes).
     */
    static String path(String text) {
        return encode(text, true);
    }

    /** {@code ?name=value}, or {@code &name=value} when {@code first} is false. */
    static String query(boolean first, String name, String value) {
        return (first ? "?" : "&") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }
}
