package io.grapevine.agent.demo;

import io.grapevine.agent.GrapevineCommand;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the demo starts a {@code grapevine agent} child: the same {@code java} as the demo's own
 * process, a class path holding the agent, and JVM flags. The child runs
 * {@code java FLAGS -cp CLASSPATH io.grapevine.agent.GrapevineCommand agent ARGS}.
 *
 * @param javaCommand path of the {@code java} executable
 * @param classpath class path holding {@link GrapevineCommand} and its dependencies (the shaded
 *                  {@code grapevine.jar} when the demo runs from it)
 * @param jvmFlags flags put before {@code -cp}, in order
 */
public record AgentLauncher(String javaCommand, String classpath, List<String> jvmFlags) {
    /**
     * The JVM flags of a demo agent: an agent idles at a few packets a second, so it is tuned for
     * footprint and start-up time, not throughput. Several agents share one machine with the demo.
     * <ul>
     *   <li>{@code -Xms8m -Xmx64m}: the heap an agent needs is a few MB (members, state, the SSE
     *       backlog); 64 MB bounds each child, where the default (a quarter of RAM) lets every
     *       JVM grow its heap before collecting. Without {@code -Xms} the initial heap is
     *       min(RAM/64, max) = all 64 MB, which the young generation touches before its first
     *       collection: starting at 8 MB, an idle agent measured 15 MiB less RSS.</li>
     *   <li>{@code -Xss512k}: half the default thread stack (Netty's event loop, Jetty's pool and
     *       the agent's own threads run shallow stacks).</li>
     *   <li>{@code -XX:+UseSerialGC}: no GC worker threads and the smallest GC data structures;
     *       pauses on a heap this small are a few ms. {@code -XX:MinHeapFreeRatio=10
     *       -XX:MaxHeapFreeRatio=20}: the serial collector gives back the heap that start-up
     *       garbage grew (about 10 MB stay live; without them about 24 MB stay committed).</li>
     *   <li>{@code -XX:TieredStopAtLevel=1} and {@code -XX:CICompilerCount=1}: C1 only, one
     *       compiler thread: start-up compiles far less (the agents start at once on a shared
     *       machine), and peak speed does not matter at idle load.</li>
     *   <li>{@code -Dio.netty.allocator.type=unpooled}: Netty's pooled allocator reserves arenas of
     *       direct memory per thread up front; unpooled buffers cost a few allocations per packet
     *       at this rate and no resident arenas (the bench's node processes use the same).</li>
     * </ul>
     * docs/PERFORMANCE.md ("The agent") gives what an idle agent costs with these flags.
     */
    public static final List<String> LEAN_JVM_FLAGS = List.of("-Xms8m", "-Xmx64m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Dio.netty.allocator.type=unpooled");

    /**
     * Environment variables a lean agent is started with, on top of the parent's:
     * {@code MALLOC_ARENA_MAX=2}. glibc gives each thread that mallocs its own arena (up to 8 per
     * core), and each arena keeps its freed memory resident; the JVM's threads (compiler, GC,
     * Netty, Jetty) malloc for metadata, symbols and compiled code. Two arenas measured 0.5-3 MiB
     * less RSS per idle agent (docs/PERFORMANCE.md, "RSS of an agent"). Only glibc reads
     * it; elsewhere it is ignored.
     */
    public static final Map<String, String> LEAN_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if {@code javaCommand} or {@code classpath} is blank
     */
    public AgentLauncher {
        if (javaCommand.isBlank()) {
            throw new IllegalArgumentException("javaCommand must not be blank");
        }
        if (classpath.isBlank()) {
            throw new IllegalArgumentException("classpath must not be blank");
        }
        jvmFlags = List.copyOf(jvmFlags);
    }

    /**
     * The launcher of a demo running from {@code grapevine.jar}: this process's {@code java}
     * ({@link ProcessHandle.Info#command()}) and the jar {@link GrapevineCommand} was loaded from,
     * with {@link #LEAN_JVM_FLAGS}. When the classes do not come from a jar (an IDE, the build's
     * {@code target/classes}) the class path is this process's own.
     *
     * @return the launcher
     */
    public static AgentLauncher forThisProcess() {
        return withClasspath(codeSourceJar().orElseGet(() -> System.getProperty("java.class.path")));
    }

    /**
     * A launcher with this process's {@code java} and {@link #LEAN_JVM_FLAGS}, for a given class
     * path (tests pass {@code java.class.path}: the module's classes and dependencies, no jar).
     *
     * @param classpath the class path
     * @return the launcher
     */
    public static AgentLauncher withClasspath(String classpath) {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new AgentLauncher(java, classpath, LEAN_JVM_FLAGS);
    }

    /**
     * The command line of one agent.
     *
     * @param agentArgs the arguments after {@code agent}
     * @return the whole command, {@code java} first
     */
    public List<String> command(List<String> agentArgs) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(GrapevineCommand.class.getName());
        command.add("agent");
        command.addAll(agentArgs);
        return command;
    }

    private static Optional<String> codeSourceJar() {
        CodeSource source = GrapevineCommand.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) ? Optional.of(path.toString()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty(); // not a file URL: fall back to the class path
        }
    }
}
