package io.grapevine.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStartTest {
    @TempDir
    Path dir;

    @Test
    void theAgeIsTheUptimeLessTheStartTicks() throws Exception {
        Path stat = Files.writeString(dir.resolve("stat"),
                "4242 (java (demo) x) S 1 4242 4242 0 -1 4194560 1 0 0 0 5 3 0 0 20 0 30 0 123456 8000000 900\n");
        Path uptime = Files.writeString(dir.resolve("uptime"), "1238.25 2400.00\n");

        assertThat(ProcessStart.fromProc(stat, uptime)).contains(Duration.ofMillis(3690)); // 1238.25 s - 1234.56 s
    }

    @Test
    void unreadableOrMalformedFilesGiveNothing() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk"), "not a stat line");

        assertThat(ProcessStart.fromProc(dir.resolve("missing"), junk)).isEmpty();
        assertThat(ProcessStart.fromProc(junk, junk)).isEmpty();
    }

    @Test
    void thisProcessIsOlderThanZeroAndYoungerThanADay() {
        assertThat(ProcessStart.age()).isPositive().isLessThan(Duration.ofDays(1));
    }
}
