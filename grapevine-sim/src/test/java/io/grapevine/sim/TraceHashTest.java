package io.grapevine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceHashTest {

    @Test
    void packetHashDependsOnEveryByteAndTheLength() {
        byte[] a = new byte[21];
        byte[] b = a.clone();
        b[20] = 1;
        byte[] c = new byte[22];
        assertThat(TraceHash.hashBytes(a)).isNotEqualTo(TraceHash.hashBytes(b));
        assertThat(TraceHash.hashBytes(a)).isNotEqualTo(TraceHash.hashBytes(c));
        assertThat(TraceHash.hashBytes(a)).isEqualTo(TraceHash.hashBytes(a.clone()));
    }

    @Test
    void theOrderOfEventsChangesTheFingerprint() {
        TraceHash first = new TraceHash();
        first.mixEvent(1, EventQueue.TICK, 1, -1, null);
        first.mixEvent(1, EventQueue.TICK, 2, -1, null);
        TraceHash second = new TraceHash();
        second.mixEvent(1, EventQueue.TICK, 2, -1, null);
        second.mixEvent(1, EventQueue.TICK, 1, -1, null);
        assertThat(first.value()).isNotEqualTo(second.value());
    }
}
