package io.grapevine.bench.cluster;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Sends POSIX signals the JDK's {@link Process} API lacks, through the {@code kill} command. */
public final class Signals {
    private Signals() {
    }

    /**
     * SIGSTOP to {@code process}: it stays alive but is never scheduled again until killed.
     *
     * @throws IOException if {@code kill} could not run or failed
     */
    public static void stop(Process process) throws IOException, InterruptedException {
        signal("STOP", process);
    }

    /**
     * SIGCONT to {@code process}: a process stopped by {@link #stop} runs again.
     *
     * @throws IOException if {@code kill} could not run or failed
     */
    public static void resume(Process process) throws IOException, InterruptedException {
        signal("CONT", process);
    }

    private static void signal(String name, Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }
}
