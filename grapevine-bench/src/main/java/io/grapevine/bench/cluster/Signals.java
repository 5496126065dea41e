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
        Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new IOException("kill -STOP " + process.pid() + " failed");
        }
    }
}
