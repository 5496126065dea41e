package io.grapevine.agent.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.agent.GrapevineCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code grapevine example slot-map keyslot}: the slot alone on a line; a missing key exits 2. */
class KeySlotCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = GrapevineCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheSlotAloneOnALine() {
        Run run = run("example", "slot-map", "keyslot", "foo");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("12182" + System.lineSeparator());
        assertThat(run("example", "slot-map", "keyslot", "{user1000}.followers").out().trim()).isEqualTo("3443");
    }

    @Test
    void aMissingKeyExitsTwoNamingIt() {
        Run run = run("example", "slot-map", "keyslot");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("KEY");
    }

    @Test
    void theDemosBadFlagsExitTwoNamingTheFlag() {
        Run nodes = run("example", "slot-map", "demo", "--nodes", "2");
        assertThat(nodes.code()).isEqualTo(2);
        assertThat(nodes.err()).contains("--nodes").contains("3..64");
        Run replicas = run("example", "slot-map", "demo", "--nodes", "6", "--replicas", "2");
        assertThat(replicas.code()).isEqualTo(2);
        assertThat(replicas.err()).contains("--replicas").contains("at least 3 masters");
        Run poll = run("example", "slot-map", "demo", "--poll-ms", "0");
        assertThat(poll.code()).isEqualTo(2);
        assertThat(poll.err()).contains("--poll-ms");
    }
}
