package io.grapevine.bench.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a measurement came from, for its summary: the commit of the working directory's
 * repository ({@code git rev-parse --short HEAD}, read when the run starts; {@code unknown}
 * outside a repository or without git), the command line, and when it started.
 *
 * @param commit the short commit hash, or {@code unknown}
 * @param command the command line, e.g. {@code bench s1roll --nodes 8 --peer serf}
 * @param startedAt when the measurement started, ISO-8601 UTC
 */
public record Provenance(String commit, String command, String startedAt) {
    /** What {@link #commit} says when git cannot tell. */
    public static final String UNKNOWN = "unknown";

    /** The provenance of {@code bench ARGS} started now in the working directory. */
    public static Provenance of(List<String> args) {
        return new Provenance(commitOf(Path.of("")), "bench " + String.join(" ", args), Instant.now().toString());
    }

    /** The short commit checked out in {@code dir}, or {@link #UNKNOWN}. */
    static String commitOf(Path dir) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(dir.toAbsolutePath()
                    .toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            String out;
            try (InputStream in = git.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return UNKNOWN;
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{4,40}") ? out : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
