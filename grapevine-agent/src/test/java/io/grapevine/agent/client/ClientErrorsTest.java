package io.grapevine.agent.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.grapevine.agent.run.Agent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One test per kind of failure a client command reports: no agent, a missing or wrong token,
 * an API refusal (4xx), something that is not an agent, and bad flags. Each is one line on
 * stderr, nothing on stdout, exit 1 (2 for bad usage).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientErrorsTest {
    private static final String TOKEN = "s3cret-t0ken";
    private final ClientAgents agents = new ClientAgents();
    private String open;
    private String guarded;
    private String readGuarded;

    @BeforeAll
    void start() {
        open = ClientAgents.http(agents.start("e-open"));
        guarded = ClientAgents.http(agents.start("e-token", c -> c.withHttpToken(TOKEN)));
        Agent reads = agents.start("e-reads", c -> c.withHttpToken(TOKEN).withHttpProtectReads(true));
        readGuarded = ClientAgents.http(reads);
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    private static void assertOneLine(Cli run, int exitCode, String line) {
        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.err().lines()).containsExactly(line);
        assertThat(run.out()).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // closed again at once: nothing listens there
        }
    }

    @Test
    void noAgentRunningIsOneLineNamingTheAddressAndExit1() throws IOException {
        String address = "127.0.0.1:" + closedPort();
        assertOneLine(Cli.run("members", "--http-addr", address), 1, "grapevine members: no agent at " + address
                + " (connection refused); is `grapevine agent` running? (--http-addr)");
        assertOneLine(Cli.run("kv", "put", "k", "v", "--http-addr", address), 1, "grapevine kv put: no agent at "
                + address + " (connection refused); is `grapevine agent` running? (--http-addr)");
    }

    @Test
    void theDefaultAddressIsTheAgentsDefault() {
        Cli run = Cli.run("members", "--help");
        assertThat(run.out().replaceAll("\\s+", " ")).contains("Default: 127.0.0.1:7373",
                "Default: $GRAPEVINE_HTTP_TOKEN, else none");
    }

    @Test
    void aMissingOrWrongTokenIsTheAgentsMessageAndExit1() {
        assertOneLine(Cli.run("kv", "put", "k", "v", "--http-addr", guarded), 1, "grapevine kv put: this endpoint "
                + "needs a bearer token: send Authorization: Bearer TOKEN (the agent's token goes in --http-token or "
                + "$GRAPEVINE_HTTP_TOKEN)");
        assertOneLine(Cli.run("kv", "put", "k", "v", "--http-addr", guarded, "--http-token", "nope"), 1,
                "grapevine kv put: wrong bearer token (the agent's token goes in --http-token or "
                        + "$GRAPEVINE_HTTP_TOKEN)");
        // reads are open on this agent; on the one protecting reads, members needs the token too
        assertThat(Cli.run("members", "--http-addr", guarded).exitCode()).isZero();
        assertOneLine(Cli.run("members", "--http-addr", readGuarded), 1, "grapevine members: this endpoint needs a "
                + "bearer token: send Authorization: Bearer TOKEN (the agent's token goes in --http-token or "
                + "$GRAPEVINE_HTTP_TOKEN)");
    }

    @Test
    void theTokenComesFromTheFlagOrElseTheEnvironment() {
        Cli flag = Cli.run("kv", "put", "k", "flag", "--http-addr", guarded, "--http-token", TOKEN);
        Cli env = Cli.run(Map.of(ClientOptions.TOKEN_ENV, TOKEN), "members", "--http-addr", readGuarded);
        Cli flagWins = Cli.run(Map.of(ClientOptions.TOKEN_ENV, "stale"), "kv", "put", "k", "env", "--http-addr",
                guarded, "--http-token", TOKEN);

        assertThat(flag.exitCode()).isZero();
        assertThat(flag.out()).matches("e-token k = flag \\(version \\d+\\)\n");
        assertThat(env.exitCode()).isZero();
        assertThat(env.out()).contains("e-reads");
        assertThat(flagWins.exitCode()).isZero();
    }

    @Test
    void anApiRefusalIsTheApisMessageAndExit1() {
        assertOneLine(Cli.run("history", "nobody", "--http-addr", open), 1, "grapevine history: no member named nobody");
        assertOneLine(Cli.run("kv", "get", "missing", "--http-addr", open), 1, "grapevine kv get: e-open holds no key "
                + "missing");
        assertOneLine(Cli.run("kv", "put", "grapevine.view", "x", "--http-addr", open), 1, "grapevine kv put: key "
                + "grapevine.view is reserved: keys starting with grapevine. are written by the runtime");
    }

    @Test
    void somethingElseListeningIsNamedAsNotAnAgent() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<html>not here</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        try {
            String address = "127.0.0.1:" + server.getAddress().getPort();
            assertOneLine(Cli.run("members", "--http-addr", address), 1, "grapevine members: HTTP 404 from " + address
                    + " (is it a Grapevine agent?): <html>not here</html>");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badFlagsAreOneLineAndExit2() {
        assertOneLine(Cli.run("members", "--http-addr", "localhost"), 2, "grapevine members: Invalid value for option "
                + "'--http-addr': must be HOST:PORT: localhost (address must be host:port: localhost) "
                + "(see 'grapevine members --help')");
        assertOneLine(Cli.run("members", "--http-addr", "127.0.0.1:0"), 2, "grapevine members: Invalid value for "
                + "option '--http-addr': port must be in 1..65535: 127.0.0.1:0 (see 'grapevine members --help')");
        assertOneLine(Cli.run("kv", "put", "only-a-key"), 2, "grapevine kv put: Missing required parameter: 'VALUE' "
                + "(see 'grapevine kv put --help')");
        assertOneLine(Cli.run("members", "--stauts", "alive"), 2, "grapevine members: Unknown options: '--stauts', "
                + "'alive' (did you mean --status?) (see 'grapevine members --help')");
        assertOneLine(Cli.run("members", "--http-addr", open, "--http-token", "two words"), 2, "grapevine members: "
                + "--http-token must be printable ASCII without spaces (it travels in an HTTP header) "
                + "(see 'grapevine members --help')");
    }
}
