package io.grapevine.agent.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One dashboard file held in memory: its bytes and content type, served with the dashboard's
 * security headers. Immutable; safe from any thread.
 */
final class StaticFile {
    private final byte[] bytes;
    private final String contentType;

    private StaticFile(byte[] bytes, String contentType) {
        this.bytes = bytes;
        this.contentType = contentType;
    }

    /** Reads {@code resource} from the class path; a missing file is a broken build and fails loudly. */
    static StaticFile load(String resource) {
        try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the class path: " + resource);
            }
            return new StaticFile(in.readAllBytes(), contentTypeOf(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard file " + resource, e);
        }
    }

    private static String contentTypeOf(String resource) {
        if (resource.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (resource.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (resource.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "application/octet-stream";
    }

    /** Writes the file to {@code ctx}: a versioned webjar path is cached for a year (366 days, as Javalin caches webjars), the page revalidated. */
    void serveTo(Context ctx, boolean versioned) {
        Dashboard.HEADERS.forEach(ctx::header);
        if (versioned) {
            ctx.header("Cache-Control", "max-age=31622400");
        }
        ctx.contentType(contentType).result(bytes);
    }
}
