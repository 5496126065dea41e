package io.grapevine.agent.client;

import static io.grapevine.agent.client.ClientAgents.DEADLINE;
import static io.grapevine.agent.client.ClientAgents.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.agent.config.Encryption;
import io.grapevine.agent.run.Agent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code keys list|install|use|remove}: a whole key rotation over two encrypted agents through
 * the CLI, the keyring's refusals, and a plaintext agent's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysCommandsTest {
    private static final String NEW_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8="; // bytes 32..63
    private static final String FINGERPRINT = "[0-9a-f]{16}";
    private final ClientAgents agents = new ClientAgents();
    private List<String> apis;

    @BeforeAll
    void start() {
        List<Agent> cluster = agents.joined("r-0", "r-1");
        apis = cluster.stream().map(ClientAgents::http).toList();
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    private static String keys(String api) {
        Cli run = Cli.run("keys", "list", "--http-addr", api);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void aRotationThroughTheCliEndsWithOnlyTheNewKeyEverywhere() {
        String before = keys(apis.get(0));
        assertThat(before.lines().toList()).hasSize(2);
        assertThat(before.lines().toList().get(0)).matches("KEY +THIS AGENT +INSTALLED ON +PRIMARY ON");
        assertThat(before.lines().toList().get(1)).matches(FINGERPRINT + " +primary +2/2 +2/2");
        String oldKey = before.lines().toList().get(1).substring(0, 16);

        for (String api : apis) {
            Cli install = Cli.run("keys", "install", NEW_KEY, "--http-addr", api);
            assertThat(install.exitCode()).as(install.err()).isZero();
            assertThat(install.out()).startsWith("Installed the key on the agent at " + api
                    + "; its primary key is now " + oldKey);
        }
        await().atMost(DEADLINE).until(() -> keys(apis.get(0)).lines()
                .anyMatch(l -> l.matches(FINGERPRINT + " +installed +2/2 +0/2")));
        String newKey = keys(apis.get(0)).lines().filter(l -> l.contains("installed")).findFirst().orElseThrow()
                .substring(0, 16);

        for (String api : apis) {
            Cli use = Cli.run("keys", "use", NEW_KEY, "--http-addr", api);
            assertThat(use.exitCode()).as(use.err()).isZero();
            assertThat(use.out()).startsWith("Now encrypting with the key on the agent at " + api
                    + "; its primary key is now " + newKey);
        }
        await().atMost(DEADLINE).until(() -> keys(apis.get(0)).lines()
                .anyMatch(l -> l.matches(newKey + " +primary +2/2 +2/2")));

        for (String api : apis) {
            Cli remove = Cli.run("keys", "remove", ClientAgents.KEY, "--http-addr", api);
            assertThat(remove.exitCode()).as(remove.err()).isZero();
        }
        await().atMost(DEADLINE).until(() -> keys(apis.get(1)).lines().toList().size() == 2);
        assertThat(keys(apis.get(1)).lines().toList().get(1)).matches(newKey + " +primary +2/2 +2/2");
    }

    @Test
    void theKeyringsRefusalsAreItsMessages() {
        Cli notInstalled = Cli.run("keys", "use", "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=", "--http-addr",
                apis.get(0));
        Cli tooShort = Cli.run("keys", "install", "c2hvcnQ=", "--http-addr", apis.get(0));

        assertThat(notInstalled.exitCode()).isEqualTo(1);
        assertThat(notInstalled.err().lines()).singleElement().asString().matches("grapevine keys use: key "
                + FINGERPRINT + " is not installed; install it first");
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.err().lines()).containsExactly("grapevine keys install: encryption key must be 32 bytes "
                + "(AES-256), was 5");
    }

    @Test
    void aPlaintextAgentHasNoKeyring() {
        Agent plain = agents.start("r-plain", c -> c.withEncryption(Encryption.plaintext()));

        Cli run = Cli.run("keys", "list", "--http-addr", http(plain));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("grapevine keys list: this node runs in plaintext: it has no "
                + "keyring (start it with an encryption key)");
    }
}
