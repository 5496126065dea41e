package io.grapevine.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.agent.http.HttpApi;
import io.grapevine.agent.http.HttpSettings;
import io.grapevine.core.CoreConfig;
import io.grapevine.net.Cluster;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RehearsalTest {
    @Test
    void twoThrowawayNodesJoinHearTheEventAndTheWriteAndDrillTheirProbesEncryptedOrNot() {
        assertThat(Rehearsal.run(CoreConfig.lan(), true)).isEqualTo(new Rehearsal.Outcome(true, true));
        assertThat(Rehearsal.run(CoreConfig.local(), false)).isEqualTo(new Rehearsal.Outcome(true, true));
    }

    @Test
    void theDrillProbesAndExchangesDigestsEveryTwoMillisecondsAndKeepsTheRestOfTheProfile() {
        CoreConfig drill = Rehearsal.drill(CoreConfig.lan());
        assertThat(drill.detector().probeIntervalNanos()).isEqualTo(2_000_000L);
        assertThat(drill.detector().probeTimeoutNanos()).isEqualTo(1_500_000L);
        assertThat(drill.sync().antiEntropyIntervalNanos()).isEqualTo(2_000_000L);
        assertThat(drill.gossip()).isEqualTo(CoreConfig.lan().gossip());
        assertThat(drill.detector().pauseToleranceNanos()).isEqualTo(CoreConfig.lan().detector().pauseToleranceNanos());
    }

    @Test
    void aBadPropertyValueNamesTheProperty() {
        String before = System.getProperty(Rehearsal.PROPERTY);
        try {
            System.setProperty(Rehearsal.PROPERTY, "sometimes");
            assertThatThrownBy(Rehearsal::enabled).hasMessage("-Dgrapevine.agent.rehearse must be true or false: sometimes");
            System.setProperty(Rehearsal.PROPERTY, "false");
            assertThat(Rehearsal.enabled()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(Rehearsal.PROPERTY);
            } else {
                System.setProperty(Rehearsal.PROPERTY, before);
            }
        }
    }

    @Test
    void theApiRehearsalIsAnsweredThreeTimesAndJoinsNothing() {
        try (Cluster cluster = Cluster.builder("api-rehearsal").bind("127.0.0.1", 0).plaintext().start()) {
            HttpApi api = HttpApi.start(cluster, HttpSettings.defaults().withPort(0));
            try {
                assertThat(Rehearsal.api("127.0.0.1", api.port(), Optional.empty())).isEqualTo(3);
                assertThat(cluster.members()).hasSize(1);
            } finally {
                api.close();
            }
        }
    }

    @Test
    void theApiRehearsalReachesAnApiBoundToAnAddressOtherThan127001() {
        // as in the network-namespace tests, where each agent's API listens on its own host address
        try (Cluster cluster = Cluster.builder("api-rehearsal-bound").bind("127.0.0.1", 0).plaintext().start()) {
            HttpApi api = HttpApi.start(cluster, HttpSettings.defaults().withHost("127.0.0.2").withPort(0));
            try {
                assertThat(Rehearsal.api("127.0.0.2", api.port(), Optional.empty())).isEqualTo(3);
            } finally {
                api.close();
            }
        }
    }
}
