package io.grapevine.agent.run;

import static io.grapevine.agent.run.TestAgents.alive;
import static io.grapevine.agent.run.TestAgents.config;
import static io.grapevine.agent.run.TestAgents.gossip;
import static io.grapevine.agent.run.TestAgents.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.agent.config.Encryption;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.net.Keyring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real agents on 127.0.0.1, each on its own free port. */
class AgentTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final TestAgents agents = new TestAgents();

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        agents.close();
    }

    @Test
    void aSecondAgentJoinsTheFirstAndBothSeeTwoAliveWithTheTags() throws Exception {
        Agent first = agents.start(config("a1").withTags(Map.of("role", "seed")));
        Agent second = agents.start(config("a2").withJoin(List.of(gossip(first))).withTags(Map.of("role", "web",
                "zone", "b")));

        assertThat(second.joined().get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);
        await().atMost(DEADLINE).until(() -> alive(first) == 2 && alive(second) == 2);
        await().atMost(DEADLINE).until(() -> first.cluster().get("a2", "zone").isPresent()
                && second.cluster().get("a1", "role").isPresent());
        assertThat(first.cluster().get("a2", "role")).contains(Bytes.copyOf("web".getBytes(StandardCharsets.UTF_8)));
        assertThat(second.cluster().get("a1", "role")).contains(Bytes.copyOf("seed".getBytes(StandardCharsets.UTF_8)));
        assertThat(first.joined().get(1, TimeUnit.SECONDS)).isEqualTo(1); // nothing to join: alone until a2 came
    }

    @Test
    void aRestartFromTheDataDirRejoinsWithoutJoin() throws Exception {
        Agent first = agents.start(config("r1"));
        Path data = dir.resolve("r2-data"); // created by the agent
        Agent second = Agent.start(config("r2").withJoin(List.of(gossip(first))).withDataDir(data.toString()),
                List.of());
        await().atMost(DEADLINE).until(() -> alive(first) == 2);
        Path snapshot = data.resolve(DataDir.SNAPSHOT_FILE);
        await().atMost(DEADLINE).until(() -> Files.isRegularFile(snapshot)
                && Files.readString(snapshot).contains(gossip(first)));
        long firstGeneration = second.cluster().id().generation();
        second.halt(); // as a crash: no leave

        // no --join: the remembered member is the way back in
        Agent restarted = agents.start(config("r2").withDataDir(data.toString()));
        assertThat(restarted.joined().get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);
        await().atMost(DEADLINE).until(() -> first.cluster().members().stream().anyMatch(m -> m.name().equals("r2")
                && m.status() == MemberStatus.ALIVE && m.id().generation() > firstGeneration));
        await().atMost(DEADLINE).until(() -> alive(restarted) == 2);
    }

    @Test
    void aGracefulLeaveIsRememberedSoARestartDoesNotRejoin() throws Exception {
        Agent first = agents.start(config("l1"));
        Path data = dir.resolve("l2-data");
        Agent second = Agent.start(config("l2").withJoin(List.of(gossip(first))).withDataDir(data.toString()),
                List.of());
        await().atMost(DEADLINE).until(() -> alive(first) == 2);
        second.close(); // graceful: leaves, and the data dir remembers it
        await().atMost(DEADLINE).until(() -> status(first, "l2").equals(Optional.of(MemberStatus.LEFT)));

        Agent restarted = agents.start(config("l2").withDataDir(data.toString()));
        assertThat(restarted.joined().get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(restarted.cluster().liveMembers()).hasSize(1);
        assertThat(status(first, "l2")).contains(MemberStatus.LEFT);
    }

    @Test
    void aDataDirThatIsAFileOrInUseIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> Agent.start(config("d1").withDataDir(file.toString()), List.of()))
                .isInstanceOf(AgentStartException.class).hasMessage("--data-dir " + file + " is a file, not a directory");

        Path data = dir.resolve("shared");
        agents.start(config("d2").withDataDir(data.toString()));
        assertThatThrownBy(() -> Agent.start(config("d3").withDataDir(data.toString()), List.of()))
                .isInstanceOf(AgentStartException.class)
                .hasMessage("--data-dir " + data + " is in use by another agent (" + data.resolve(DataDir.LOCK_FILE)
                        + " is locked)");
    }

    @Test
    void aTakenPortIsRefusedNamingTheBindFlag() {
        Agent first = agents.start(config("p1"));
        Address taken = new Address("127.0.0.1", first.cluster().boundAddress().getPort());
        assertThatThrownBy(() -> Agent.start(config("p2").withBind(taken), List.of()))
                .isInstanceOf(AgentStartException.class)
                .hasMessageStartingWith("cannot start the node on --bind " + taken + ": ");
    }

    @Test
    void servicesStartInOrderAndCloseInReverseAfterTheLeave() {
        List<String> calls = new ArrayList<>();
        Agent agent = agents.start(config("s1"), new Recording("first", calls), new Recording("second", calls));
        assertThat(calls).containsExactly("start first", "start second");
        assertThat(agent.banner()).startsWith("grapevine agent: node=s1 gossip=127.0.0.1:")
                .contains(" http=127.0.0.1:0 ", " profile=local ", " encryption=on", " second=banner");
        agent.close();
        assertThat(calls).containsExactly("start first", "start second", "close second", "close first");
        assertThat(agent.stopped()).isDone();
        agent.close(); // again: a no-op
        assertThat(calls).hasSize(4);
    }

    @Test
    void aServiceThatFailsToStartStopsTheOthersAndTheNode() {
        List<String> calls = new ArrayList<>();
        AgentService broken = new Recording("broken", calls) {
            @Override
            public void start(AgentContext context) {
                throw new IllegalStateException("port 7373 is taken");
            }
        };
        AgentConfig config = config("f1");
        assertThatThrownBy(() -> Agent.start(config, List.of(new Recording("ok", calls), broken)))
                .isInstanceOf(AgentStartException.class).hasMessage("cannot start broken: port 7373 is taken");
        assertThat(calls).containsExactly("start ok", "close ok");
    }

    @Test
    void aServiceCanAskTheAgentToStop() {
        List<String> calls = new ArrayList<>();
        Recording service = new Recording("api", calls);
        Agent agent = agents.start(config("q1"), service);
        service.context.shutdown().run(); // as the HTTP API's leave endpoint will
        await().atMost(DEADLINE).until(() -> agent.stopped().isDone());
        assertThat(calls).containsExactly("start api", "close api");
    }

    @Test
    void aKeyringFileEncryptsWithItsFirstKeyAndInstallsTheRest() throws Exception {
        String other = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
        Path ring = Files.writeString(dir.resolve("keys.json"), "[\"" + TestAgents.KEY + "\", \"" + other + "\"]");
        Agent first = agents.start(config("k1"));
        Agent second = agents.start(config("k2").withEncryption(Encryption.keyringFile(ring.toString()))
                .withJoin(List.of(gossip(first))));
        await().atMost(DEADLINE).until(() -> alive(first) == 2 && alive(second) == 2); // one primary key: both talk
        assertThat(second.cluster().keyring().orElseThrow().fingerprints()).containsExactly(
                Keyring.fingerprint(Base64.getDecoder().decode(TestAgents.KEY)),
                Keyring.fingerprint(Base64.getDecoder().decode(other)));

        Path bad = Files.writeString(dir.resolve("bad.json"), "[\"" + TestAgents.KEY + "\", \"c2hvcnQ=\"]");
        assertThatThrownBy(() -> Agent.start(config("k3").withEncryption(Encryption.keyringFile(bad.toString())),
                List.of())).isInstanceOf(AgentStartException.class)
                .hasMessage("--keyring-file " + bad + ": entry 2: encryption key must be 32 bytes (AES-256), was 5");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> Agent.start(config("k4").withEncryption(Encryption.keyringFile(missing.toString())),
                List.of())).hasMessage("--keyring-file " + missing + ": no such file");
        Path empty = Files.writeString(dir.resolve("empty.json"), "[]");
        assertThatThrownBy(() -> Agent.start(config("k5").withEncryption(Encryption.keyringFile(empty.toString())),
                List.of())).hasMessage("--keyring-file " + empty
                + ": must be a non-empty JSON array of base64 keys, the first primary");
    }

    @Test
    void aWildcardBindAdvertisesANonLoopbackAddressOrNamesTheAdvertiseFlag() {
        AgentConfig wildcard = config("w1").withBind(new Address("0.0.0.0", 0));
        try {
            Optional<Address> chosen = AdvertiseAddress.choose(wildcard);
            assertThat(chosen).isPresent();
            assertThat(chosen.orElseThrow().host()).isNotEqualTo("127.0.0.1");
            assertThat(chosen.orElseThrow().port()).isZero(); // the bound port
        } catch (AgentStartException e) {
            assertThat(e).hasMessageStartingWith("--advertise is required: --bind 0.0.0.0:0 is a wildcard");
        }
        assertThat(AdvertiseAddress.choose(wildcard.withAdvertise("127.0.0.1:7000")))
                .contains(new Address("127.0.0.1", 7000));
        assertThat(AdvertiseAddress.choose(config("w2"))).isEmpty(); // a specific bind host advertises itself
    }

    /** Records its lifecycle calls in a shared list. */
    private static class Recording implements AgentService {
        private final String name;
        private final List<String> calls;
        AgentContext context;

        Recording(String name, List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(AgentContext context) {
            this.context = context;
            calls.add("start " + name);
        }

        @Override
        public Map<String, String> banner() {
            return name.equals("second") ? Map.of("second", "banner") : Map.of();
        }

        @Override
        public void close() {
            synchronized (calls) {
                calls.add("close " + name);
            }
        }
    }
}
