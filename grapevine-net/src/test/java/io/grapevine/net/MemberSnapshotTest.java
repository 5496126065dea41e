package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberSnapshotTest {
    @Test
    void readsOnlyWellFormedHostPortsAndAtMostSixteen(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("", "garbage", "host:", ":7946", "h:99999", "h:x",
                "[::1]:7000", "10.0.0.1:7946"));
        for (int i = 0; i < 40; i++) {
            lines.add("10.1.0." + i + ":7946");
        }
        Path file = dir.resolve("members");
        Files.write(file, lines);

        List<String> candidates = MemberSnapshot.rejoinCandidates(file);

        assertThat(candidates).hasSize(MemberSnapshot.REJOIN_CANDIDATES).doesNotHaveDuplicates()
                .allMatch(MemberSnapshot::isHostPort)
                .noneMatch(c -> c.equals("garbage") || c.equals("h:99999") || c.equals(":7946"));
    }

    @Test
    void aMissingOversizedOrLeftFileGivesNoCandidates(@TempDir Path dir) throws Exception {
        assertThat(MemberSnapshot.rejoinCandidates(dir.resolve("absent"))).isEmpty();
        Path big = dir.resolve("big");
        Files.write(big, new byte[MemberSnapshot.MAX_BYTES + 1]);
        assertThat(MemberSnapshot.rejoinCandidates(big)).isEmpty();
        Path left = dir.resolve("left");
        Files.write(left, List.of("10.0.0.1:7946", MemberSnapshot.LEFT_MARKER));
        assertThat(MemberSnapshot.rejoinCandidates(left)).isEmpty();
    }
}
