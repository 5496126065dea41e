package io.grapevine.core.base;

/**
 * Where a node can be reached: a host (IP literal or DNS name, as the runtime resolves it)
 * and a port. The core never resolves or connects; it only passes addresses to its driver.
 *
 * @param host non-blank host text, at most 255 UTF-8 bytes
 * @param port 0..65535
 */
public record Address(String host, int port) implements Comparable<Address> {
    /** Validates the host and port. */
    public Address {
        TextLimits.checkName("host", host);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
    }

    /** Parses {@code host:port} (IPv6 hosts in brackets: {@code [::1]:7946}). */
    public static Address parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("address must be host:port: " + text);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number: " + text);
        }
        return new Address(host, port);
    }

    @Override
    public int compareTo(Address other) {
        int byHost = host.compareTo(other.host);
        return byHost != 0 ? byHost : Integer.compare(port, other.port);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
