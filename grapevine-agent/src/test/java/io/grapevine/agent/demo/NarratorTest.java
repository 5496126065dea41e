package io.grapevine.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NarratorTest {
    @Test
    void linesAreStampedWithSecondsSinceTheStart() {
        StringWriter out = new StringWriter();
        Narrator say = new Narrator(new PrintWriter(out), () -> 3_456_000_000L, 1_000_000_000L);

        say.say("%s joined", "node-2");
        say.line("http://127.0.0.1:1/");

        assertThat(out.toString()).isEqualTo(String.format("[  2.46 s] node-2 joined%nhttp://127.0.0.1:1/%n"));
    }

    @Test
    void spansAreMillisecondsBelowASecondElseSeconds() {
        assertThat(Narrator.span(48_700_000L)).isEqualTo("48 ms");
        assertThat(Narrator.span(1_356_000_000L)).isEqualTo("1.36 s");
        assertThat(Narrator.span(-5)).isEqualTo("0 ms");
    }
}
