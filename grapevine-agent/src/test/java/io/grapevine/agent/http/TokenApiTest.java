package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.net.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The bearer token: writes need it when set, reads too with protectReads (health stays open). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenApiTest {
    private static final String TOKEN = "s3cret-token";
    private final TestNodes nodes = new TestNodes();
    private Http writesProtected;
    private Http allProtected;

    @BeforeAll
    void startNode() {
        Cluster node = nodes.start("token");
        writesProtected = Http.of(nodes.api(node, HttpSettings.defaults().withPort(0).withBearerToken(TOKEN)));
        allProtected = Http.of(nodes.api(node, HttpSettings.defaults().withPort(0).withBearerToken(TOKEN)
                .withProtectReads(true)));
    }

    @AfterAll
    void stopNode() {
        nodes.close();
    }

    @Test
    void aWriteWithoutTheTokenIs401() {
        Http.Response response = writesProtected.put("/v1/kv/k", "{\"value\": \"v\"}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("this endpoint needs a bearer token: send Authorization: Bearer TOKEN");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aWriteWithAWrongTokenIs401() {
        Http.Response response = writesProtected.with("Authorization", "Bearer s3cret-tokem")
                .post("/v1/event/e", "");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("wrong bearer token");
    }

    @Test
    void aWriteWithTheTokenIs200() {
        Http.Response response = writesProtected.with("Authorization", "Bearer " + TOKEN)
                .put("/v1/kv/k", "{\"value\": \"v\"}");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aDeleteIsAWriteToo() {
        assertThat(writesProtected.delete("/v1/kv/k").status()).isEqualTo(401);
    }

    @Test
    void readsNeedNoTokenUnlessProtected() {
        assertThat(writesProtected.get("/v1/members").status()).isEqualTo(200);
        assertThat(writesProtected.get("/metrics").status()).isEqualTo(200);
    }

    @Test
    void withProtectReadsEveryReadButHealthNeedsTheToken() {
        assertThat(allProtected.get("/v1/members").status()).isEqualTo(401);
        assertThat(allProtected.get("/metrics").status()).isEqualTo(401);
        assertThat(allProtected.get("/v1/events").status()).isEqualTo(401);
        assertThat(allProtected.get("/v1/health").status()).isEqualTo(200);
        assertThat(allProtected.with("Authorization", "Bearer " + TOKEN).get("/v1/members").status()).isEqualTo(200);
    }
}
