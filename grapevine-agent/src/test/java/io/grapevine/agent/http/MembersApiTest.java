package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.net.Cluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /v1/members} and {@code /v1/members/{name}} over a 3-node loopback cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersApiTest {
    private final TestNodes nodes = new TestNodes();
    private List<Cluster> cluster;
    private Http http;

    @BeforeAll
    void startCluster() {
        cluster = nodes.joined("members", 3);
        http = Http.of(nodes.api(cluster.get(0)));
    }

    @AfterAll
    void stopCluster() {
        nodes.close();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(member -> names.add(member.get("name").asText()));
        return names;
    }

    @Test
    void membersListsEveryMemberWithAddressStatusIncarnationAndGeneration() {
        Http.Response response = http.get("/v1/members");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode members = response.json();
        assertThat(names(members)).containsExactly("members-0", "members-1", "members-2");
        JsonNode second = members.get(1);
        assertThat(second.get("address").asText()).isEqualTo(TestNodes.seedOf(cluster.get(1)));
        assertThat(second.get("status").asText()).isEqualTo("alive");
        assertThat(second.get("incarnation").isIntegralNumber()).isTrue();
        assertThat(second.get("generation").asLong()).isEqualTo(cluster.get(1).id().generation());
    }

    @Test
    void membersFiltersByStatus() {
        assertThat(names(http.get("/v1/members?status=alive").json())).hasSize(3);
        assertThat(http.get("/v1/members?status=dead").json()).isEmpty();
    }

    @Test
    void membersRefusesAnUnknownStatusWith400() {
        Http.Response response = http.get("/v1/members?status=sleepy");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).contains("status must be one of [alive, suspect, dead, left]").contains("sleepy");
    }

    @Test
    void memberAddsItsHistoryAndNoKeyringInPlaintext() {
        JsonNode member = http.get("/v1/members/members-2").json();

        assertThat(member.get("name").asText()).isEqualTo("members-2");
        assertThat(member.get("status").asText()).isEqualTo("alive");
        JsonNode joined = member.get("history").get(0);
        assertThat(joined.get("change").asText()).isEqualTo("joined");
        assertThat(joined.get("status").asText()).isEqualTo("alive");
        assertThat(joined.get("generation").asLong()).isEqualTo(cluster.get(2).id().generation());
        assertThat(joined.has("atNanos")).isTrue();
        assertThat(joined.has("onWordOf")).isTrue();
        assertThat(joined.has("detail")).isTrue();
        assertThat(member.get("keyring").isNull()).isTrue();
    }

    @Test
    void anUnknownMemberIs404() {
        Http.Response response = http.get("/v1/members/nobody");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("no member named nobody");
    }

    @Test
    void anUnknownPathIs404AsJson() {
        Http.Response response = http.get("/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isNotEmpty();
    }

    @Test
    void aWrongMethodIs405() {
        Http.Response response = http.delete("/v1/members");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.error()).isEqualTo("method not allowed here; allowed: GET");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }
}
