package io.grapevine.agent.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
    @Test
    void keepsTheFirstBytesAndReadsTheRestToTheEnd() {
        byte[] output = "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        ByteArrayInputStream in = new ByteArrayInputStream(output);
        OutputCapture capture = new OutputCapture(64 * 1024);
        capture.drain(in);
        assertThat(capture.text()).hasSize(64 * 1024);
        assertThat(capture.truncated()).isTrue();
        assertThat(in.available()).isZero();
    }

    @Test
    void shortOutputIsKeptWhole() {
        OutputCapture capture = new OutputCapture(16);
        capture.drain(new ByteArrayInputStream("héllo\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(capture.text()).isEqualTo("héllo\n");
        assertThat(capture.truncated()).isFalse();
    }
}
