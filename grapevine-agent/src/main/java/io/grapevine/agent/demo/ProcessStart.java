package io.grapevine.agent.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long ago this process started, so the demo can say how long {@code grapevine demo} took
 * from the user's Enter key (the {@code bin/grapevine} script execs {@code java}, so the process
 * is the script's). On Linux, from {@code /proc}: the process's start in clock ticks since boot
 * ({@code /proc/self/stat} field 22) against the time since boot ({@code /proc/uptime}), both on
 * the boot clock, to 10 ms. {@link ProcessHandle.Info#startInstant()} is the fallback elsewhere;
 * on Linux it adds the boot time, which the kernel gives in whole seconds, so it can be up to a
 * second off.
 */
final class ProcessStart {
    /** USER_HZ: the unit of {@code /proc/PID/stat} times, 100 on every Linux user-space ABI. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessStart() {
    }

    /**
     * This process's age.
     *
     * @return how long ago it started; zero if that cannot be known
     */
    static Duration age() {
        return fromProc(Path.of("/proc/self/stat"), Path.of("/proc/uptime")).orElseGet(() -> {
            Instant started = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
            return max0(Duration.between(started, Instant.now()));
        });
    }

    /**
     * The age from a {@code stat} and an {@code uptime} file.
     *
     * @param stat a {@code /proc/PID/stat} file
     * @param uptime a {@code /proc/uptime} file
     * @return the age, or empty if either cannot be read or parsed
     */
    static Optional<Duration> fromProc(Path stat, Path uptime) {
        try {
            String statLine = Files.readString(stat, StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may hold spaces: count fields after it
            String[] afterName = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(afterName[22 - 3]);
            double upSeconds = Double.parseDouble(Files.readString(uptime, StandardCharsets.US_ASCII).trim()
                    .split("\\s+")[0]);
            long upNanos = Math.round(upSeconds * 1e9);
            return Optional.of(max0(Duration.ofNanos(upNanos - startTicks * (1_000_000_000L / TICKS_PER_SECOND))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or an unexpected format: the caller falls back
        }
    }

    private static Duration max0(Duration age) {
        return age.isNegative() ? Duration.ZERO : age;
    }
}
