package io.grapevine.agent.client;

import static io.grapevine.agent.client.ClientAgents.DEADLINE;
import static io.grapevine.agent.client.ClientAgents.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.agent.run.Agent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code kv put|get|delete|list|watch} against a real 2-agent cluster, with the refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvCommandsTest {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)";
    private final ClientAgents agents = new ClientAgents();
    private String first;
    private String second;

    @BeforeAll
    void start() {
        List<Agent> cluster = agents.joined("k-0", "k-1");
        first = http(cluster.get(0));
        second = http(cluster.get(1));
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    @Test
    void putWritesTheAgentsKeyAndGetReadsItHereAndOnAnotherNode() {
        Cli put = Cli.run("kv", "put", "service/web", "10.0.0.1:80", "--priority", "critical", "--http-addr", first);

        assertThat(put.exitCode()).isZero();
        assertThat(put.out()).matches("k-0 service/web = 10\\.0\\.0\\.1:80 \\(version \\d+\\)\n");
        Cli local = Cli.run("kv", "get", "service/web", "--http-addr", first);
        assertThat(local.exitCode()).isZero();
        assertThat(local.out()).isEqualTo("10.0.0.1:80\n");
        // the other agent holds a replica: read k-0's key through k-1
        await().atMost(DEADLINE).until(() -> Cli.run("kv", "get", "service/web", "--node", "k-0", "--http-addr",
                second).exitCode() == 0);
        assertThat(Cli.run("kv", "get", "service/web", "--node", "k-0", "--http-addr", second).out())
                .isEqualTo("10.0.0.1:80\n");
    }

    @Test
    void keysWithSpacesAndUrlCharactersTravelIntact() {
        String key = "odd key?a=b&c#d%e+f";

        Cli put = Cli.run("kv", "put", key, "v w", "--http-addr", first);
        Cli get = Cli.run("kv", "get", key, "--http-addr", first);
        Cli delete = Cli.run("kv", "delete", key, "--http-addr", first);

        assertThat(put.exitCode()).as(put.err()).isZero();
        assertThat(put.out()).startsWith("k-0 " + key + " = v w (version ");
        assertThat(get.out()).isEqualTo("v w\n");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
    }

    @Test
    void listShowsANodesKeysAlignedByKey() {
        Cli.run("kv", "put", "zone", "eu-1", "--http-addr", second);
        Cli.run("kv", "put", "a-long-key-name", "x y", "--http-addr", second);

        Cli here = Cli.run("kv", "list", "--http-addr", second);
        assertThat(here.exitCode()).isZero();
        assertThat(here.out()).isEqualTo("a-long-key-name  x y\nzone             eu-1\n");
        await().atMost(DEADLINE).until(() -> Cli.run("kv", "list", "--node", "k-1", "--http-addr", first).out()
                .equals(here.out()));
    }

    @Test
    void deleteRemovesTheKeyAndASecondDeleteIsTheAgents404() {
        Cli.run("kv", "put", "doomed", "1", "--http-addr", first);

        Cli delete = Cli.run("kv", "delete", "doomed", "--http-addr", first);
        Cli again = Cli.run("kv", "delete", "doomed", "--http-addr", first);

        assertThat(delete.exitCode()).isZero();
        assertThat(delete.out()).matches("k-0 doomed deleted \\(version \\d+\\)\n");
        assertThat(Cli.run("kv", "get", "doomed", "--http-addr", first).exitCode()).isEqualTo(1);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().lines()).containsExactly("grapevine kv delete: k-0 holds no key doomed");
    }

    @Test
    void aKeyWithATtlIsGoneAfterIt() {
        Cli put = Cli.run("kv", "put", "lease", "held", "--ttl", "1s", "--http-addr", first);

        assertThat(put.exitCode()).isZero();
        await().atMost(DEADLINE).until(() -> Cli.run("kv", "get", "lease", "--http-addr", first).exitCode() == 1);
    }

    @Test
    void refusalsAreOneLine() {
        Cli unknownNode = Cli.run("kv", "get", "k", "--node", "nobody", "--http-addr", first);
        Cli unknownList = Cli.run("kv", "list", "--node", "nobody", "--http-addr", first);
        Cli badPriority = Cli.run("kv", "put", "k", "v", "--priority", "urgent", "--http-addr", first);
        Cli badTtl = Cli.run("kv", "put", "k", "v", "--ttl", "soon", "--http-addr", first);
        Cli fractionalTtl = Cli.run("kv", "put", "k", "v", "--ttl", "1500ms", "--http-addr", first);

        assertThat(unknownNode.exitCode()).isEqualTo(1);
        assertThat(unknownNode.err().lines()).containsExactly("grapevine kv get: no member named nobody");
        assertThat(unknownList.err().lines()).containsExactly("grapevine kv list: no member named nobody");
        assertThat(badPriority.exitCode()).isEqualTo(2);
        assertThat(badPriority.err().lines()).singleElement().asString()
                .contains("'--priority': must be one of critical, control, bulk: urgent");
        assertThat(badTtl.exitCode()).isEqualTo(2);
        assertThat(badTtl.err().lines()).singleElement().asString()
                .contains("'--ttl': must be a duration like 30s, 10m, 1h30m or 500ms: soon");
        assertThat(fractionalTtl.exitCode()).isEqualTo(2);
        assertThat(fractionalTtl.err().lines()).containsExactly("grapevine kv put: --ttl must be whole seconds: "
                + "1500 ms (see 'grapevine kv put --help')");
    }

    @Test
    void watchPrintsEachChangeOfAnyNodesKeysUntilInterrupted() {
        Cli.Background watch = Cli.background("kv", "watch", "--http-addr", first).awaitFollowing();

        Cli.run("kv", "put", "color", "blue", "--http-addr", first);
        Cli.run("kv", "put", "shape", "round", "--http-addr", second); // k-1's key, replicated to k-0
        Cli.run("kv", "delete", "color", "--http-addr", first);
        await().atMost(DEADLINE).until(() -> watch.out().contains("color deleted")
                && watch.out().contains("shape = round"));
        Cli ended = watch.interrupt();

        assertThat(ended.exitCode()).isEqualTo(StreamFollower.INTERRUPTED);
        assertThat(ended.err()).startsWith("Following key changes of the agent at " + first + " (Ctrl-C to stop)");
        List<String> lines = ended.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches(TIME + " k-0 color = blue \\(version \\d+\\)"));
        assertThat(lines).anyMatch(l -> l.matches(TIME + " k-1 shape = round \\(version \\d+\\)"));
        assertThat(lines).anyMatch(l -> l.matches(TIME + " k-0 color deleted \\(version \\d+\\)"));
        assertThat(lines.indexOf(lines.stream().filter(l -> l.contains("color = blue")).findFirst().orElseThrow()))
                .isLessThan(lines.indexOf(lines.stream().filter(l -> l.contains("color deleted")).findFirst()
                        .orElseThrow()));
    }

    @Test
    void watchOfOneKeyPrintsOnlyItsChangesAndStopsAfterTheDuration() {
        Cli.Background watch = Cli.background("kv", "watch", "mood", "--duration", "3s", "--http-addr", first)
                .awaitFollowing();

        Cli.run("kv", "put", "noise", "1", "--http-addr", first);
        Cli.run("kv", "put", "mood", "calm", "--http-addr", first);
        Cli ended = watch.finish();

        assertThat(ended.exitCode()).isZero();
        assertThat(ended.err()).startsWith("Following changes of mood of the agent at " + first + " for 3.0 s");
        assertThat(ended.out().lines()).singleElement().asString().matches(TIME + " k-0 mood = calm \\(version \\d+\\)");
    }

    @Test
    void watchEndsWithExit1WhenTheAgentStops() {
        Agent doomed = agents.start("k-doomed");
        String address = http(doomed);
        Cli.Background watch = Cli.background("kv", "watch", "--http-addr", address).awaitFollowing();

        doomed.halt();
        Cli ended = watch.finish();

        assertThat(ended.exitCode()).isEqualTo(1);
        assertThat(ended.err().lines()).last().isEqualTo("grapevine kv watch: the agent at " + address
                + " ended the stream of key changes (did it stop?)");
    }
}
