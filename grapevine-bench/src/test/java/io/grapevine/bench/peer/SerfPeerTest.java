package io.grapevine.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.bench.cluster.Observation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerfPeerTest {
    @Test
    void msgPackRoundTripsWhatTheRpcSends() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", "deploy");
        body.put("Payload", new byte[] {1, 2});
        body.put("Coalesce", false);
        body.put("Seq", 300L);
        body.put("Existing", List.of("127.0.0.1:7946"));
        body.put("Tags", Map.of("k", "v".repeat(40)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MsgPack.write(new DataOutputStream(bytes), body);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) MsgPack.read(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back).containsEntry("Name", "deploy").containsEntry("Coalesce", false).containsEntry("Seq", 300L)
                .containsEntry("Existing", List.of("127.0.0.1:7946")).containsEntry("Tags", Map.of("k", "v".repeat(40)));
        assertThat((byte[]) back.get("Payload")).containsExactly(1, 2);
    }

    @Test
    void serfLogLinesBecomeObservations() {
        assertThat(SerfLogParser.parse(2, 99, "    2026/01/01 10:00:00 [INFO] serf: EventMemberJoin: s4 127.0.0.1"))
                .contains(new Observation(2, 99, Observation.Kind.STATUS, "s4", "ALIVE"));
        assertThat(SerfLogParser.parse(2, 99, "[INFO] serf: EventMemberFailed: s4 127.0.0.1"))
                .contains(new Observation(2, 99, Observation.Kind.STATUS, "s4", "DEAD"));
        assertThat(SerfLogParser.parse(2, 99, "[INFO] serf: EventMemberLeave: s4 127.0.0.1"))
                .contains(new Observation(2, 99, Observation.Kind.STATUS, "s4", "LEFT"));
        assertThat(SerfLogParser.parse(2, 99, "[DEBUG] serf: messageUserEventType: bench-event-3"))
                .contains(new Observation(2, 99, Observation.Kind.USER, "bench-event-3", ""));
        assertThat(SerfLogParser.parse(2, 99, "[INFO] memberlist: Suspect s4 has failed, no acks received"))
                .contains(new Observation(2, 99, Observation.Kind.STATUS, "s4", "SUSPECT"));
        assertThat(SerfLogParser.parse(2, 99, "[DEBUG] memberlist: Stream connection from=127.0.0.1:5000")).isEmpty();
    }

    @Test
    void statsdLinesCountOnlyMemberlistBytesSent() {
        assertThat(StatsdCounter.sentBytes("serf-agent.host.memberlist.udp.sent:123.000000|c")).isEqualTo(123.0);
        assertThat(StatsdCounter.sentBytes("serf-agent.host.memberlist.tcp.sent:7|c")).isEqualTo(7.0);
        assertThat(StatsdCounter.sentBytes("serf-agent.host.memberlist.udp.received:123|c")).isZero();
        assertThat(StatsdCounter.sentBytes("serf-agent.host.memberlist.udp.sent:12|ms")).isZero();
        assertThat(StatsdCounter.sentBytes("garbage")).isZero();
    }
}
