package io.grapevine.agent.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * Serves the dashboard from the class path on the HTTP API's server: the page and its script
 * and style at {@code /} (from {@code grapevine-dashboard/} in the jar) and the webjars at
 * {@code /webjars/} (Javalin's webjar mapping of {@code META-INF/resources/webjars}, cached for
 * a year since each path carries its version).
 *
 * <p>Static files go through the API's before-handlers like every other request, so the origin
 * guard (loopback {@code Host} names only on a loopback API) and the bearer token (when reads
 * are protected) apply to the page as they do to {@code /v1/}. The page only reads. Its
 * responses carry a Content-Security-Policy that allows scripts, styles and connections to this
 * origin only, so a replicated key's value that looks like markup can neither run nor load
 * anything, and {@code frame-ancestors 'none'} keeps other sites from framing it.
 *
 * <p>Stateless; {@link #serveOn} is called once per server while Javalin is configured.
 */
public final class Dashboard {
    /** Class path directory holding {@code index.html}, {@code dashboard.js}, {@code dashboard.css}. */
    static final String ASSETS = "/grapevine-dashboard";

    /**
     * The page's security headers: everything from this origin only, no inline script or style
     * (uPlot styles its elements through the DOM, which CSP allows), {@code data:} images for
     * the empty favicon. {@code no-cache}: the page and its script are revalidated, so an
     * upgraded agent serves its own page.
     */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                    + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                    + "form-action 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    private Dashboard() {
    }

    /**
     * Adds the dashboard's static files to {@code config}: {@code /} and {@code /index.html} is
     * the page, {@code /webjars/**} the libraries. Routes declared on the server take precedence
     * over files, so nothing under {@code /v1/} or {@code /metrics} is shadowed.
     *
     * @param config the server's configuration, while Javalin is being created
     */
    public static void serveOn(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = ASSETS;
            files.location = Location.CLASSPATH;
            files.headers = HEADERS;
        });
        config.staticFiles.enableWebjars();
    }
}
