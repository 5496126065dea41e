package io.grapevine.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.agent.http.HttpApi;
import io.grapevine.agent.http.HttpSettings;
import io.grapevine.core.CoreConfig;
import io.grapevine.net.Cluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard is served from the class path beside the API, every asset it names resolves
 * (so a webjar version bump cannot break the page silently), and the API's guards still apply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardServingTest {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");
    private static final String TOKEN = "s3cret-token";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Cluster cluster;
    private HttpApi open;
    private HttpApi guarded;

    @BeforeAll
    void start() {
        cluster = Cluster.builder("page").core(CoreConfig.local()).bind("127.0.0.1", 0).plaintext().start();
        open = HttpApi.start(cluster, HttpSettings.defaults().withPort(0));
        guarded = HttpApi.start(cluster, HttpSettings.defaults().withPort(0).withBearerToken(TOKEN)
                .withProtectReads(true));
    }

    @AfterAll
    void stop() {
        open.close();
        guarded.close();
        cluster.close();
    }

    private HttpResponse<String> get(HttpApi api, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Test
    void theRootIsThePageWithItsSecurityHeaders() {
        HttpResponse<String> page = get(open, "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Grapevine dashboard</title>", "id=\"members\"", "id=\"feed\"");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "connect-src 'self'",
                        "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(get(open, "/index.html").body()).isEqualTo(page.body());
    }

    @Test
    void everyAssetThePageNamesIsServedFromTheJarWithItsType() {
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(get(open, "/").body());
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertThat(assets).contains("/dashboard.js", "/dashboard.css", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                "/webjars/uplot/1.6.30/dist/uPlot.min.css");

        for (String asset : assets) {
            HttpResponse<String> response = get(open, asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotBlank();
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertThat(type).as(asset).startsWith(asset.endsWith(".js") ? "text/javascript" : "text/css");
        }
        assertThat(get(open, "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").headers().firstValue("Cache-Control"))
                .contains("max-age=31622400");
    }

    @Test
    void theApiAndItsErrorsAreUnchangedBesideThePage() {
        assertThat(get(open, "/v1/members").statusCode()).isEqualTo(200);
        assertThat(get(open, "/v1/members").body()).startsWith("[{\"name\":\"page\"");
        HttpResponse<String> missing = get(open, "/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("{\"error\":");
        // the page's Java classes share a package name with nothing that is served
        assertThat(get(open, "/io/grapevine/agent/dashboard/Dashboard.class").statusCode()).isEqualTo(404);
    }

    @Test
    void aForeignHostNameGetsNoPage() {
        assertThat(statusWithHost("evil.example:" + open.port())).isEqualTo(403);
        assertThat(statusWithHost("localhost:" + open.port())).isEqualTo(200);
    }

    @Test
    void protectedReadsProtectThePageAndItsLibrariesToo() {
        assertThat(get(guarded, "/").statusCode()).isEqualTo(401);
        assertThat(get(guarded, "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").statusCode()).isEqualTo(401);
        assertThat(get(guarded, "/", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    /** The status code of {@code GET /} sent with {@code host} as Host (java.net.http will not set Host). */
    private int statusWithHost(String host) {
        try (Socket socket = new Socket("127.0.0.1", open.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
            return Integer.parseInt(head.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
