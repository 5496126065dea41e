package io.grapevine.net;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** S1–S4 with eight separate JVMs on loopback, including a kill -9. */
class MultiProcessClusterTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final List<NodeProcess> processes = new ArrayList<>();

    /** One child JVM and everything it printed. */
    private static final class NodeProcess {
        final String name;
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Writer stdin;

        NodeProcess(String name, Process process) {
            this.name = name;
            this.process = process;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    lines.add("IOERROR " + e.getMessage());
                }
            }, "reader-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        boolean printed(String line) {
            return lines.contains(line);
        }

        String lastStatus(String member) {
            String last = null;
            for (String line : lines) {
                if (line.startsWith("STATUS " + member + " ")) {
                    last = line.substring(("STATUS " + member + " ").length());
                }
            }
            return last;
        }

        void command(String line) throws java.io.IOException {
            stdin.write(line + "\n");
            stdin.flush();
        }
    }

    private NodeProcess launch(String name, String... seeds) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), NodeProcessMain.class.getName(), name, KEY));
        command.addAll(List.of(seeds));
        NodeProcess node = new NodeProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
        processes.add(node);
        return node;
    }

    @AfterEach
    void stopAll() throws Exception {
        for (NodeProcess node : processes) {
            node.process.destroyForcibly();
        }
        for (NodeProcess node : processes) {
            node.process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void eightProcessesJoinDetectAKillNineDisseminateAndLeave() throws Exception {
        NodeProcess seed = launch("p0");
        await().atMost(DEADLINE).until(() -> seed.lines.stream().anyMatch(l -> l.startsWith("READY ")));
        String seedAddress = seed.lines.stream().filter(l -> l.startsWith("READY ")).findFirst().orElseThrow()
                .substring(6);
        for (int i = 1; i < 8; i++) {
            launch("p" + i, seedAddress);
        }
        // S1: every process sees eight live members
        await().atMost(DEADLINE).until(() -> processes.stream().allMatch(p -> p.printed("LIVE 8")));

        // S2: kill -9 one process; every survivor declares it dead
        NodeProcess victim = processes.get(5);
        victim.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        List<NodeProcess> survivors = processes.stream().filter(p -> p != victim).toList();
        await().atMost(DEADLINE).until(() -> survivors.stream().allMatch(p -> "DEAD".equals(p.lastStatus("p5"))));

        // S3: a user event reaches every survivor
        survivors.get(2).command("broadcast hello");
        await().atMost(DEADLINE).until(() -> survivors.stream().allMatch(p -> p.printed("USER hello")));

        // S4: a graceful leave is seen as left, not dead
        NodeProcess leaver = survivors.get(3);
        leaver.command("leave");
        await().atMost(DEADLINE).until(() -> leaver.printed("LEFT"));
        await().atMost(DEADLINE).until(() -> survivors.stream().filter(p -> p != leaver)
                .allMatch(p -> "LEFT".equals(p.lastStatus(leaver.name))));
    }
}
