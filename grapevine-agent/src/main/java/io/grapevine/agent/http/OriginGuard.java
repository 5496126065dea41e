package io.grapevine.agent.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps web pages the operator happens to visit away from the API, which otherwise answers
 * anyone who can reach it (and, bound to loopback, that includes every page in the operator's
 * browser):
 * <ul>
 *   <li>a write carrying an {@code Origin} header (browsers send one on every cross-site
 *       {@code POST}; {@code curl} and the CLI send none) must come from the API's own origin,
 *       or it is refused with 403: no drive-by {@code POST /v1/leave} from a web page;</li>
 *   <li>bound to a loopback address, the API answers only requests whose {@code Host} is a
 *       loopback name ({@code localhost}, {@code 127.0.0.1}, {@code [::1]} or the bound host),
 *       so a DNS-rebinding page cannot read it either.</li>
 * </ul>
 * Thread-safe: immutable.
 */
final class OriginGuard {
    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private final boolean loopbackOnly;
    private final String boundHost;

    private OriginGuard(boolean loopbackOnly, String boundHost) {
        this.loopbackOnly = loopbackOnly;
        this.boundHost = boundHost;
    }

    /** A guard for an API listening on {@code settings.host()}. */
    static OriginGuard of(HttpSettings settings) {
        return new OriginGuard(isLoopback(settings.host()), settings.host().toLowerCase(Locale.ROOT));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // Jetty will fail to bind it and say so
        }
    }

    /** Javalin before-handler: throws {@link ForbiddenResponse} for a foreign page's request. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (loopbackOnly && (host == null || !isLoopbackName(hostPart(host)))) {
            throw new ForbiddenResponse("Host " + host + " is not a loopback name, and this API listens on loopback "
                    + "only: refused (a DNS-rebinding page?)");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !READS.contains(ctx.method()) && !sameOrigin(origin, host)) {
            throw new ForbiddenResponse("cross-origin write refused: Origin " + origin + " is not this API's "
                    + "(http://" + host + ")");
        }
    }

    private boolean isLoopbackName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return LOOPBACK_NAMES.contains(lower) || lower.equals(boundHost);
    }

    /** The host of a Host header value: without the port, an IPv6 literal without brackets. */
    private static String hostPart(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(1, close) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return "http".equalsIgnoreCase(uri.getScheme()) && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed page) or junk: not us
        }
    }
}
