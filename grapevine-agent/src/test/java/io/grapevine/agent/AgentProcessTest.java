package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.agent.config.Encryption;
import io.grapevine.agent.config.Profile;
import io.grapevine.agent.run.Agent;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grapevine agent} as a real process: it prints its banner, joins, and on SIGTERM its shutdown
 * hook leaves gracefully, so the member that stays sees it LEFT, not failed.
 */
class AgentProcessTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void sigtermLeavesGracefully() throws Exception {
        AgentConfig seedConfig = AgentConfig.defaults("seed", Encryption.plaintext())
                .withBind(new Address("127.0.0.1", 0)).withProfile(Profile.LOCAL);
        try (Agent seed = Agent.start(seedConfig, List.of())) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path stderr = dir.resolve("agent.err");
            Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    GrapevineCommand.class.getName(), "agent", "--node", "child", "--bind", "127.0.0.1:0",
                    "--http-addr", "127.0.0.1:0", "--plaintext", "--profile", "local", "--tag", "role=child",
                    "--join", seed.cluster().id().address().toString())
                    .redirectError(stderr.toFile()).start();
            Queue<String> stdout = new ConcurrentLinkedQueue<>();
            Thread reader = new Thread(() -> readLines(process, stdout), "agent-stdout");
            reader.setDaemon(true);
            reader.start();
            try {
                await().atMost(DEADLINE).until(() -> !stdout.isEmpty());
                assertThat(stdout.peek()).startsWith("grapevine agent: node=child gossip=127.0.0.1:")
                        .matches(".* http=127\\.0\\.0\\.1:[1-9][0-9]* .*") // the HTTP API's real port, not 0
                        .contains(" profile=local ", " encryption=off");
                await().atMost(DEADLINE).until(() -> status(seed, "child") == MemberStatus.ALIVE
                        && seed.cluster().get("child", "role").isPresent());

                process.destroy(); // SIGTERM
                assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                await().atMost(DEADLINE).until(() -> status(seed, "child") == MemberStatus.LEFT);
                String log = Files.readString(stderr, StandardCharsets.UTF_8);
                assertThat(log).contains("INFO  Agent: leaving the cluster", "INFO  Agent: left the cluster",
                        "INFO  Agent: agent child stopped");
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static MemberStatus status(Agent observer, String name) {
        return observer.cluster().members().stream().filter(m -> m.name().equals(name)).map(m -> m.status())
                .findFirst().orElse(null);
    }

    private static void readLines(Process process, Queue<String> into) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                into.add(line);
            }
        } catch (IOException e) {
            // the process is gone: nothing more to read
        }
    }
}
