package io.grapevine.bench.cluster;

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
    void nodeLinesOfThisRunBecomeObservations() {
        assertThat(LineParser.parse(3, 7, "EV 7 1700000000123 STATUS n5 DEAD"))
                .contains(new Observation(3, 1_700_000_000_123L, Observation.Kind.STATUS, "n5", "DEAD"));
        assertThat(LineParser.parse(3, 7, "EV 7 1700000000123 USER bench-event-1"))
                .contains(new Observation(3, 1_700_000_000_123L, Observation.Kind.USER, "bench-event-1", ""));
        assertThat(LineParser.parse(3, 7, "EV 6 1700000000123 STATUS n5 DEAD")).isEmpty();
        assertThat(LineParser.parse(3, 7, "READY 7 1700000000123 40000")).isEmpty();
        assertThat(LineParser.parse(3, 7, "EV 7 soon STATUS n5 DEAD")).isEmpty();
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
