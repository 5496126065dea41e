package io.grapevine.net;

import io.grapevine.core.base.Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates between the core's textual {@link Address} and socket addresses. Members
 * advertise IP literals, so resolution does no DNS lookup; the cache is bounded. Confined
 * to the event loop.
 */
final class AddressBook {
    private static final int CAPACITY = 4096;
    private final Map<Address, InetSocketAddress> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Address, InetSocketAddress> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The socket address for {@code address}, or {@code null} if the host is not an IP literal. */
    InetSocketAddress resolve(Address address) {
        InetSocketAddress cached = cache.get(address);
        if (cached != null) {
            return cached;
        }
        if (!isIpLiteral(address.host())) {
            return null;
        }
        try {
            InetSocketAddress resolved = new InetSocketAddress(InetAddress.getByName(address.host()), address.port());
            cache.put(address, resolved);
            return resolved;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static Address of(InetSocketAddress socket) {
        return new Address(socket.getAddress().getHostAddress(), socket.getPort());
    }

    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true; // IPv6
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !host.isEmpty();
    }
}
