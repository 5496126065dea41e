package io.grapevine.agent.dashboard;

import io.javalin.config.JavalinConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the dashboard from the class path on the HTTP API's server: the page and its script
 * and style at {@code /} (from {@code grapevine-dashboard/} in the jar) and the uPlot webjar's
 * two files at {@code /webjars/} (cached for a year since each path carries its version).
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
    /** The uPlot webjar's version, as the page names it (and the pom pins it). */
    static final String UPLOT_VERSION = "1.6.30";

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

    /** The files the page needs, by the path it names them with, and where they live on the class path. */
    private static final Map<String, String> FILES = Map.of(
            "/", ASSETS + "/index.html",
            "/index.html", ASSETS + "/index.html",
            "/dashboard.js", ASSETS + "/dashboard.js",
            "/dashboard.css", ASSETS + "/dashboard.css",
            "/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.iife.min.js",
            "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.iife.min.js",
            "/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.min.css",
            "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.min.css");

    /**
     * Adds the dashboard's files to {@code config}'s routes: {@code /} and {@code /index.html}
     * are the page, the rest its script, style and the uPlot webjar files. Each file is read
     * once from the class path into memory (about 70 KB in all) and served from there: Javalin's
     * class path static files would mount the jar as a zip file system per handler (tens of MB
     * of index nodes and a slower start per agent). A file missing from the build fails here.
     *
     * @param config the server's configuration, while Javalin is being created
     */
    public static void serveOn(JavalinConfig config) {
        Map<String, StaticFile> files = new HashMap<>();
        FILES.forEach((path, resource) -> files.put(path, StaticFile.load(resource)));
        files.forEach((path, file) -> config.routes.get(path, ctx -> file.serveTo(ctx, path.startsWith("/webjars/"))));
    }
}
