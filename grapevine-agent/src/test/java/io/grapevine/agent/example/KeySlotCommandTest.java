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
}
