package io.grapevine.bench.cluster;

import io.grapevine.agent.run.AgentBanner;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsersTest {
    @Test
    void procStatCountsUserAndSystemTicksPastACommandWithSpaces() {
        String stat = "4242 (java main (x)) S 1 4242 4242 0 -1 4194560 1 0 0 0 250 75 0 0 20 0 30 0 100 0 0";
        assertThat(ProcStat.cpuSeconds(stat)).isEqualTo(3.25);
        assertThat(ProcStat.rssKib(List.of("Name:\tjava", "VmRSS:\t   51234 kB", "Threads:\t30"))).isEqualTo(51234);
        assertThat(ProcStat.rssKib(List.of("Name:\tzombie"))).isZero();
    }

    @Test
    void agentEventsBecomeObservationsStampedByTheAgent() {
        assertThat(AgentEvents.parse(3, "member-changed", "{\"member\":{\"name\":\"n5\",\"address\":\"127.0.0.1:1\","
                + "\"status\":\"dead\",\"incarnation\":0,\"generation\":1,\"statusAgeMillis\":0},\"change\":\"failed\","
                + "\"onWordOf\":\"n2\",\"atMillis\":1700000000123}"))
                .contains(new Observation(3, 1_700_000_000_123L, Observation.Kind.STATUS, "n5", "DEAD"));
        assertThat(AgentEvents.parse(3, "user-event", "{\"origin\":\"n1\",\"lamportTime\":4,\"name\":\"bench-event-1\","
                + "\"payload\":\"\",\"payloadBase64\":\"\",\"atMillis\":1700000000124}"))
                .contains(new Observation(3, 1_700_000_000_124L, Observation.Kind.USER, "bench-event-1", ""));
        assertThat(AgentEvents.parse(3, "key-changed", "{\"node\":\"n1\",\"key\":\"bench-key\",\"value\":\"v1\","
                + "\"valueBase64\":\"djE=\",\"version\":2,\"deleted\":false,\"atMillis\":1700000000125}"))
                .contains(new Observation(3, 1_700_000_000_125L, Observation.Kind.KEY, "n1", "bench-key"));
    }

    @Test
    void markersUnstampedAndMalformedEventsAreIgnored() {
        assertThat(AgentEvents.parse(0, "gap", "{\"lastEventId\":1,\"reason\":\"x\",\"resumingAt\":3}")).isEmpty();
        assertThat(AgentEvents.parse(0, "user-event", "{\"name\":\"e\"}")).isEmpty();
        assertThat(AgentEvents.parse(0, "user-event", "{\"name\":\"e\",\"atMillis\":\"soon\"}")).isEmpty();
        assertThat(AgentEvents.parse(0, "member-changed", "{\"member\":{},\"atMillis\":1}")).isEmpty();
        assertThat(AgentEvents.parse(0, "user-event", "{not json")).isEmpty();
    }

    @Test
    void theAgentBannerGivesTheBoundAddresses() {
        assertThat(AgentBanner.parse("grapevine agent: node=n1 gossip=127.0.0.1:40001 http=127.0.0.1:40002 "
                + "profile=lan encryption=on"))
                .contains(new AgentBanner("n1", "127.0.0.1:40001", "127.0.0.1:40002"));
        assertThat(AgentBanner.parse("grapevine agent: node=n1 gossip=127.0.0.1:40001")).isEmpty();
        assertThat(AgentBanner.parse("2026-12-01T09:29:13.499Z INFO  Agent: agent n1 started")).isEmpty();
    }

    @Test
    void liveCountIgnoresSelfAndCountsSuspectsAsLive() {
        Map<Integer, String> names = Map.of(0, "n0");
        List<Observation> reports = List.of(
                new Observation(0, 10, Observation.Kind.STATUS, "n0", "ALIVE"),
                new Observation(0, 20, Observation.Kind.STATUS, "n1", "ALIVE"),
                new Observation(0, 30, Observation.Kind.STATUS, "n1", "SUSPECT"),
                new Observation(0, 40, Observation.Kind.STATUS, "n2", "ALIVE"));
        assertThat(Observations.seesLive(names, 2).apply(reports)).hasValue(40);
        assertThat(Observations.seesLive(names, 3).apply(reports)).isEmpty();
    }
}
