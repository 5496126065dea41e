package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Web pages cannot drive a loopback API: cross-origin writes and foreign Host names are 403. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginGuardApiTest {
    private final TestNodes nodes = new TestNodes();
    private HttpApi api;
    private Http http;

    @BeforeAll
    void startNode() {
        api = nodes.api(nodes.start("origin"));
        http = Http.of(api);
    }

    @AfterAll
    void stopNode() {
        nodes.close();
    }

    /** The status line's code of a GET sent with {@code host} as Host (java.net.http will not set Host). */
    private int statusWithHost(String host) {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/members HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aWriteFromAnotherOriginIs403() {
        Http.Response response = http.with("Origin", "http://evil.example").post("/v1/leave", "");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).startsWith("cross-origin write refused: Origin http://evil.example");
    }

    @Test
    void aWriteFromTheApisOwnOriginIsServed() {
        Http.Response response = http.with("Origin", "http://127.0.0.1:" + api.port())
                .put("/v1/kv/same-origin", "{\"value\": \"ok\"}");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aReadFromAnotherOriginIsServed() {
        assertThat(http.with("Origin", "http://evil.example").get("/v1/members").status()).isEqualTo(200);
    }

    @Test
    void aForeignHostNameOnALoopbackApiIs403() {
        assertThat(statusWithHost("evil.example:" + api.port())).isEqualTo(403);
        assertThat(statusWithHost("localhost:" + api.port())).isEqualTo(200);
        assertThat(statusWithHost("[::1]:" + api.port())).isEqualTo(200);
    }
}
