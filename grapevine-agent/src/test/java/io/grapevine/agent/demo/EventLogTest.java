package io.grapevine.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void firstFindsTheEarliestMatchFromAPosition() throws Exception {
        EventLog log = new EventLog();
        log.add(failed("node-1", "node-2", 10));
        int from = log.size();
        log.add(new HeardEvent("node-1", "user-event", json.readTree("{\"origin\":\"node-3\",\"name\":\"deploy\"}"), 20));
        log.add(failed("node-2", "node-2", 30));

        assertThat(log.first(from, e -> e.isMemberChange("node-3", "failed")).orElseThrow().atNanos()).isEqualTo(30);
        assertThat(log.first(from, e -> e.isUserEvent("node-3", "deploy"))).isPresent();
        assertThat(log.first(from, e -> e.isKeyChange("node-3", "k"))).isEmpty();
        assertThat(log.since(from)).hasSize(2);
    }

    @Test
    void awaitNewsReturnsAtOnceWhenThereIsNewsAndOtherwiseAfterItsBound() throws Exception {
        EventLog log = new EventLog();
        log.add(failed("node-1", "node-2", 1));

        long start = System.nanoTime();
        log.awaitNews(0, 60_000_000_000L); // news after position 0 is there: no wait
        log.awaitNews(1, 1_000_000L);      // none after 1: waits 1 ms
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
    }

    @Test
    void aMemberChangeNamesItsMemberChangeAndWitness() throws Exception {
        HeardEvent event = failed("node-1", "node-2", 5);

        assertThat(event.member()).isEqualTo("node-3");
        assertThat(event.change()).isEqualTo("failed");
        assertThat(event.onWordOf()).isEqualTo("node-2");
        assertThat(event.isMemberChange("node-3", "joined", "failed")).isTrue();
        assertThat(event.isMemberChange("node-3", "joined")).isFalse();
        assertThat(event.isMemberChange("node-2", "failed")).isFalse();
    }

    private HeardEvent failed(String observer, String onWordOf, long at) throws Exception {
        return new HeardEvent(observer, "member-changed", json.readTree("{\"member\":{\"name\":\"node-3\"},"
                + "\"change\":\"failed\",\"onWordOf\":\"" + onWordOf + "\"}"), at);
    }
}
