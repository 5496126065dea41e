package io.grapevine.agent.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Checks {@code Authorization: Bearer TOKEN} before a request runs: on every write
 * ({@code PUT}, {@code POST}, {@code DELETE}, and any method other than {@code GET},
 * {@code HEAD} and {@code OPTIONS}) when a token is set, and on
 * reads too with {@link HttpSettings#protectReads()}, except {@code GET /v1/health} (probes
 * and load balancers carry no secrets). A missing or wrong token is a 401 whose message says
 * which, never what the token is.
 *
 * <p>The comparison takes the same time whatever the guess: both sides are hashed with
 * SHA-256 first (so neither length nor content leaks) and the digests compared with
 * {@link MessageDigest#isEqual}. Thread-safe: immutable.
 */
final class TokenGuard {
    /** The methods that change nothing; every other one counts as a write (fail closed). */
    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final String PREFIX = "Bearer ";
    private static final String OPEN_PATH = "/v1/health";

    private final byte[] expectedDigest;
    private final boolean protectReads;

    private TokenGuard(byte[] expectedDigest, boolean protectReads) {
        this.expectedDigest = expectedDigest;
        this.protectReads = protectReads;
    }

    /** A guard for {@code settings}; with no token it lets everything through. */
    static TokenGuard of(HttpSettings settings) {
        return new TokenGuard(settings.token().map(TokenGuard::sha256).orElse(null), settings.protectReads());
    }

    /** Javalin before-handler: throws {@link UnauthorizedResponse} unless the request may run. */
    void check(Context ctx) {
        if (expectedDigest == null || !needsToken(ctx)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("this endpoint needs a bearer token: send Authorization: Bearer TOKEN");
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || !MessageDigest.isEqual(expectedDigest, sha256(header.substring(PREFIX.length()).trim()))) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new UnauthorizedResponse("wrong bearer token");
        }
    }

    private boolean needsToken(Context ctx) {
        if (!READS.contains(ctx.method())) {
            return true;
        }
        return protectReads && !ctx.path().equals(OPEN_PATH);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
