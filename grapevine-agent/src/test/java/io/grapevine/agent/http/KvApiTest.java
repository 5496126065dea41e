package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.net.Cluster;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /v1/kv}: writes on one node's API, reads through the other's, and every refusal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvApiTest {
    private static final int MAX_BODY = 4096;
    private final TestNodes nodes = new TestNodes();
    private List<Cluster> cluster;
    private Http first;
    private Http second;

    @BeforeAll
    void startCluster() {
        cluster = nodes.joined("kv", 2);
        first = Http.of(nodes.api(cluster.get(0), HttpSettings.defaults().withPort(0).withMaxBodyBytes(MAX_BODY)));
        second = Http.of(nodes.api(cluster.get(1)));
    }

    @AfterAll
    void stopCluster() {
        nodes.close();
    }

    @Test
    void putWritesTheLocalNodesKeyAndAnswersTheChange() {
        Http.Response response = first.put("/v1/kv/color", "{\"value\": \"blue\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode change = response.json();
        assertThat(change.get("node").asText()).isEqualTo("kv-0");
        assertThat(change.get("key").asText()).isEqualTo("color");
        assertThat(change.get("value").asText()).isEqualTo("blue");
        assertThat(change.get("version").asLong()).isPositive();
        assertThat(change.get("deleted").asBoolean()).isFalse();
        assertThat(cluster.get(0).get("kv-0", "color")).hasValueSatisfying(
                v -> assertThat(new String(v.toArray(), StandardCharsets.UTF_8)).isEqualTo("blue"));
    }

    @Test
    void putAcceptsBase64APriorityAndATtl() {
        byte[] binary = {0, (byte) 0xff, 7};
        Http.Response response = first.put("/v1/kv/blob", Http.json(Map.of("valueBase64",
                Base64.getEncoder().encodeToString(binary), "priority", "bulk", "ttlSeconds", 600)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("valueBase64").asText()).isEqualTo(Base64.getEncoder().encodeToString(binary));
        assertThat(cluster.get(0).get("kv-0", "blob").orElseThrow().toArray()).isEqualTo(binary);
    }

    @Test
    void aKeyWrittenOnOneNodeIsReadOnTheOtherWithTheNodeParameter() {
        first.put("/v1/kv/service/web", "{\"value\": \"10.0.0.1:80\"}");

        await().atMost(TestNodes.DEADLINE).until(() -> second.get("/v1/kv/service/web?node=kv-0").status() == 200);
        JsonNode read = second.get("/v1/kv/service/web?node=kv-0").json();
        assertThat(read.get("node").asText()).isEqualTo("kv-0");
        assertThat(read.get("key").asText()).isEqualTo("service/web");
        assertThat(read.get("value").asText()).isEqualTo("10.0.0.1:80");
        assertThat(second.get("/v1/kv?node=kv-0").json().get("service/web").asText()).isEqualTo("10.0.0.1:80");
    }

    @Test
    void listDefaultsToTheLocalNodeAndHidesTheRuntimesKeysUnlessAskedForAll() {
        first.put("/v1/kv/listed", "{\"value\": \"yes\"}");

        JsonNode local = first.get("/v1/kv").json();
        assertThat(local.get("listed").asText()).isEqualTo("yes");
        assertThat(local.fieldNames()).toIterable().noneMatch(key -> key.startsWith("grapevine."));
        await().atMost(TestNodes.DEADLINE).until(() -> first.get("/v1/kv?all=true").json().has("grapevine.view"));
    }

    @Test
    void readingAnUnknownKeyIs404() {
        Http.Response response = first.get("/v1/kv/never-written");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("kv-0 holds no key never-written");
    }

    @Test
    void readingAnUnknownNodeIs404() {
        assertThat(first.get("/v1/kv?node=ghost").status()).isEqualTo(404);
        Http.Response response = first.get("/v1/kv/color?node=ghost");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("no member named ghost");
    }

    @Test
    void deleteRemovesTheKeyAnd404sWhenThereIsNone() {
        first.put("/v1/kv/doomed", "{\"value\": \"x\"}");

        Http.Response deleted = first.delete("/v1/kv/doomed");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(first.get("/v1/kv/doomed").status()).isEqualTo(404);

        Http.Response again = first.delete("/v1/kv/doomed");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).isEqualTo("kv-0 holds no key doomed");
    }

    @Test
    void aReservedKeyIs400WithTheClustersMessage() {
        Http.Response response = first.put("/v1/kv/grapevine.view", "{\"value\": \"forged\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("key grapevine.view is reserved: keys starting with grapevine. are "
                + "written by the runtime");
    }

    @Test
    void badJsonIs400WithWhereItBroke() {
        Http.Response response = first.put("/v1/kv/color", "{\"value\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).startsWith("bad JSON: ").contains("line 1");
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        Http.Response response = first.put("/v1/kv/color", "{\"vaule\": \"blue\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("unknown field(s) [vaule]; expected [priority, ttlSeconds, value, "
                + "valueBase64]");
    }

    @Test
    void aBodyWithoutAValueIs400() {
        Http.Response response = first.put("/v1/kv/color", "{\"priority\": \"bulk\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).contains("exactly one of \"value\"");
    }

    @Test
    void anUnknownPriorityIs400() {
        Http.Response response = first.put("/v1/kv/color", "{\"value\": \"x\", \"priority\": \"urgent\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("priority must be one of [critical, control, bulk], was \"urgent\"");
    }

    @Test
    void aNegativeTtlIs400() {
        Http.Response response = first.put("/v1/kv/color", "{\"value\": \"x\", \"ttlSeconds\": -1}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).startsWith("ttlSeconds must be in 0..");
    }

    @Test
    void aKeyOverTheCoresLimitIs400WithItsMessage() {
        Http.Response response = first.put("/v1/kv/" + "k".repeat(200), "{\"value\": \"x\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("key of 200 bytes exceeds maxKeyBytes (128)");
    }

    @Test
    void aBodyOverMaxBodyBytesIs413() {
        Http.Response response = first.put("/v1/kv/huge", Http.json(Map.of("value", "x".repeat(MAX_BODY + 1))));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("the request body is larger than maxBodyBytes (" + MAX_BODY + ")");
    }

    @Test
    void postOnAKeyIs405() {
        assertThat(first.post("/v1/kv/color", "{}").status()).isEqualTo(405);
    }
}
