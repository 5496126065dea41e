package io.grapevine.agent.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapevine.agent.run.Agent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code grapevine members} against a real 2-agent cluster: text columns, JSON, the status filter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersCommandTest {
    private final ClientAgents agents = new ClientAgents();
    private List<Agent> cluster;
    private String http;

    @BeforeAll
    void start() {
        cluster = agents.joined("m-0", "m-1");
        http = ClientAgents.http(cluster.get(0));
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    @Test
    void textIsAlignedColumnsOfNameAddressStatusAndIncarnationByName() {
        Cli run = Cli.run("members", "--http-addr", http);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("NAME +ADDRESS +STATUS +INCARNATION");
        String address0 = ClientAgents.gossip(cluster.get(0));
        String address1 = ClientAgents.gossip(cluster.get(1));
        assertThat(lines.get(1)).matches("m-0 +" + address0.replace(".", "\\.") + " +alive +0");
        assertThat(lines.get(2)).matches("m-1 +" + address1.replace(".", "\\.") + " +alive +0");
        // aligned: every column starts at the same offset on every line
        for (String header : List.of("ADDRESS", "STATUS", "INCARNATION")) {
            int column = lines.get(0).indexOf(header);
            assertThat(lines.get(1).charAt(column - 1)).isEqualTo(' ');
            assertThat(lines.get(1).charAt(column)).isNotEqualTo(' ');
            assertThat(lines.get(2).charAt(column)).isNotEqualTo(' ');
        }
    }

    @Test
    void jsonIsTheApisArray() throws Exception {
        Cli run = Cli.run("members", "--http-addr", http, "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode members = new ObjectMapper().readTree(run.out());
        assertThat(members.isArray()).isTrue();
        assertThat(members).extracting(m -> m.get("name").asText()).containsExactly("m-0", "m-1");
        for (JsonNode member : members) {
            assertThat(member.get("status").asText()).isEqualTo("alive");
            assertThat(member.has("address") && member.has("incarnation") && member.has("generation")).isTrue();
        }
        assertThat(members.get(1).get("address").asText()).isEqualTo(ClientAgents.gossip(cluster.get(1)));
    }

    @Test
    void theStatusFilterKeepsOnlyThatStatus() {
        Cli alive = Cli.run("members", "--http-addr", http, "--status", "ALIVE");
        Cli left = Cli.run("members", "--http-addr", http, "--status", "left");

        assertThat(alive.exitCode()).isZero();
        assertThat(alive.out().lines()).hasSize(3);
        assertThat(left.exitCode()).isZero();
        assertThat(left.out().lines()).containsExactly("NAME  ADDRESS  STATUS  INCARNATION");
    }

    @Test
    void aBadStatusOrFormatIsOneLineAndExit2() {
        Cli status = Cli.run("members", "--http-addr", http, "--status", "zombie");
        Cli format = Cli.run("members", "--http-addr", http, "--format", "xml");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err().lines()).containsExactly("grapevine members: Invalid value for option '--status': "
                + "must be one of alive, suspect, dead, left: zombie (see 'grapevine members --help')");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err().lines()).hasSize(1).allMatch(l -> l.startsWith("grapevine members: ")
                && l.contains("'--format'") && l.contains("text, json: xml"));
        assertThat(status.out() + format.out()).isEmpty();
    }
}
