package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code sim rumor-variants}: one row per variant and k; a larger k leaves less residue; bad flags named. */
class RumorVariantsCommandTest {
    @Test
    void aLargerKLeavesLessResidueAndCostsMoreTraffic() {
        CommandLineRun run = CommandLineRun.of("sim", "rumor-variants", "--nodes", "100", "--runs", "1", "--k", "1,4",
                "--variants", "blind-counter");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        String[] k1 = lines[2].trim().split("\\s+");
        String[] k4 = lines[3].trim().split("\\s+");
        assertThat(k1[0]).isEqualTo("blind-counter");
        assertThat(k1[1]).isEqualTo("1");
        assertThat(k4[1]).isEqualTo("4");
        assertThat(Double.parseDouble(k4[2])).isLessThan(Double.parseDouble(k1[2]));
        assertThat(Double.parseDouble(k4[3])).isGreaterThan(Double.parseDouble(k1[3]));
        assertThat(run.out()).contains("Demers et al. 1987, Table 1");
    }

    @Test
    void anUnknownVariantNamesTheFlag() {
        CommandLineRun run = CommandLineRun.of("sim", "rumor-variants", "--variants", "loud-counter");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--variants").contains("feedback-counter");
    }
}
