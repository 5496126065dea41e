package io.grapevine.agent.client;

import static io.grapevine.agent.client.ClientAgents.http;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapevine.agent.http.BuildInfo;
import io.grapevine.agent.run.Agent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code grapevine info}: the agent's identity and counters, as key = value lines and as JSON. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfoCommandTest {
    private final ClientAgents agents = new ClientAgents();
    private Agent agent;

    @BeforeAll
    void start() {
        agent = agents.start("i-0");
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    @Test
    void textIsKeyValueLinesWithGroupsIndented() {
        Cli run = Cli.run("info", "--http-addr", http(agent));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).startsWith("node = i-0", "gossipAddress = " + ClientAgents.gossip(agent),
                "httpAddress = " + http(agent));
        assertThat(run.out()).contains("\nversion = " + BuildInfo.version() + "\n", "\nencrypted = true\n",
                "\nmembers:\n  alive = 1\n  suspect = 0\n  dead = 0\n  left = 0\nmetrics:\n  packetsSent = ");
    }

    @Test
    void jsonIsTheApisObject() throws Exception {
        Cli run = Cli.run("info", "--format", "json", "--http-addr", http(agent));

        assertThat(run.exitCode()).isZero();
        JsonNode info = new ObjectMapper().readTree(run.out());
        assertThat(info.get("node").asText()).isEqualTo("i-0");
        assertThat(info.get("members").get("alive").asInt()).isEqualTo(1);
        assertThat(info.get("metrics").has("packetsSent")).isTrue();
    }
}
