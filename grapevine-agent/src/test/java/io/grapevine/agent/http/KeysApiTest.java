package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.net.Cluster;
import io.grapevine.net.Keyring;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /v1/keys} on a 2-node encrypted cluster: listing, a whole rotation, and each refusal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysApiTest {
    private static final byte[] OLD_KEY = key(1);
    private static final byte[] NEW_KEY = key(101);
    private final TestNodes nodes = new TestNodes();
    private List<Cluster> cluster;
    private Http first;

    private static byte[] key(int first) {
        byte[] key = new byte[Keyring.KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String body(byte[] key) {
        return "{\"key\": \"" + base64(key) + "\"}";
    }

    @BeforeAll
    void startCluster() {
        cluster = List.of(nodes.start("keys-0", b -> b.keyring(Keyring.of(OLD_KEY))),
                nodes.start("keys-1", b -> b.keyring(Keyring.of(OLD_KEY))));
        TestNodes.joinAll(cluster);
        first = Http.of(nodes.api(cluster.get(0)));
    }

    @AfterAll
    void stopCluster() {
        nodes.close();
    }

    @Test
    void keysListsThisNodesFingerprintsAndWhatEveryMemberReports() {
        String old = Keyring.fingerprint(OLD_KEY);
        await().atMost(TestNodes.DEADLINE).until(() -> first.get("/v1/keys").json().get("members").size() == 2);

        JsonNode keys = first.get("/v1/keys").json();
        assertThat(keys.get("primary").asText()).isEqualTo(old);
        assertThat(keys.get("keys")).extracting(JsonNode::asText).containsExactly(old);
        assertThat(keys.get("members").get("keys-1").get("primary").asText()).isEqualTo(old);
        assertThat(keys.get("members").get("keys-1").get("installed")).extracting(JsonNode::asText)
                .containsExactly(old);
        assertThat(first.get("/v1/members/keys-1").json().get("keyring").get("primary").asText()).isEqualTo(old);
    }

    @Test
    void installUseAndRemoveRotateTheKeyOnEveryNode() {
        List<Cluster> rotating = List.of(nodes.start("rot-0", b -> b.keyring(Keyring.of(OLD_KEY))),
                nodes.start("rot-1", b -> b.keyring(Keyring.of(OLD_KEY))));
        TestNodes.joinAll(rotating);
        Http rot0 = Http.of(nodes.api(rotating.get(0)));
        Http rot1 = Http.of(nodes.api(rotating.get(1)));
        String fresh = Keyring.fingerprint(NEW_KEY);
        for (Http node : List.of(rot0, rot1)) {
            Http.Response installed = node.post("/v1/keys/install", body(NEW_KEY));
            assertThat(installed.status()).isEqualTo(200);
            assertThat(installed.json().get("keys")).extracting(JsonNode::asText).contains(fresh);
        }
        await().atMost(TestNodes.DEADLINE).until(() -> rotating.get(0).membersLacking(NEW_KEY).isEmpty()
                && rotating.get(1).membersLacking(NEW_KEY).isEmpty());
        for (Http node : List.of(rot0, rot1)) {
            assertThat(node.post("/v1/keys/use", body(NEW_KEY)).json().get("primary").asText()).isEqualTo(fresh);
        }
        for (Http node : List.of(rot0, rot1)) {
            Http.Response removed = node.post("/v1/keys/remove", body(OLD_KEY));
            assertThat(removed.status()).isEqualTo(200);
            assertThat(removed.json().get("keys")).extracting(JsonNode::asText).containsExactly(fresh);
        }
        // the cluster still talks: a key written on one node reaches the other under the new key
        rot0.put("/v1/kv/rotated", "{\"value\": \"yes\"}");
        await().atMost(TestNodes.DEADLINE).until(() -> rot1.get("/v1/kv/rotated?node=rot-0").status() == 200);
    }

    @Test
    void aKeyThatIsNotBase64Is400() {
        Http.Response response = first.post("/v1/keys/install", "{\"key\": \"not base64!\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("encryption key is not valid base64");
    }

    @Test
    void aKeyOfTheWrongLengthIs400() {
        Http.Response response = first.post("/v1/keys/install", body(new byte[16]));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("encryption key must be 32 bytes (AES-256), was 16");
    }

    @Test
    void usingAKeyThatIsNotInstalledIs400() {
        Http.Response response = first.post("/v1/keys/use", body(key(201)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).endsWith("is not installed; install it first");
    }

    @Test
    void removingThePrimaryKeyIs400() {
        Http.Response response = first.post("/v1/keys/remove", body(OLD_KEY));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).endsWith("is the primary key; use another first");
    }

    @Test
    void aPlaintextNodeHasNoKeyringAndSays409() {
        Http plaintext = Http.of(nodes.api(nodes.start("keys-plain")));

        Http.Response list = plaintext.get("/v1/keys");
        assertThat(list.status()).isEqualTo(409);
        assertThat(list.error()).startsWith("this node runs in plaintext: it has no keyring");
        assertThat(plaintext.post("/v1/keys/install", body(NEW_KEY)).status()).isEqualTo(409);
    }
}
