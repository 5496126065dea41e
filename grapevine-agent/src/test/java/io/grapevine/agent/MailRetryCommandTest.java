package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code sim mail-retry}: two rows per loss (mail once, mail retried), then the difference; bad flags named. */
class MailRetryCommandTest {
    @Test
    void printsOnceAndRetriedRowsPerLossAndTheirDifference() {
        CommandLineRun run = CommandLineRun.of("sim", "mail-retry", "--nodes", "16", "--loss", "0.2", "--periods", "30",
                "--runs", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines[2].trim()).startsWith("20%").contains(" 0 ");
        assertThat(lines[3].trim()).startsWith("20%").contains(" 2 ");
        // six writes in 30 periods: mail sent once is never resent; at 20% loss retry resends some
        // (the total datagram rate is not compared: the runs' other traffic varies more than that)
        double once = Double.parseDouble(lines[2].trim().split("\\s+")[8]);
        double retried = Double.parseDouble(lines[3].trim().split("\\s+")[8]);
        assertThat(once).isZero();
        assertThat(retried).isPositive();
        assertThat(run.out()).contains("what retry changes").contains("datagrams per write");
    }

    @Test
    void aBadLossNamesTheFlag() {
        CommandLineRun run = CommandLineRun.of("sim", "mail-retry", "--loss", "1.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--loss");
    }
}
