package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakLedgerTest {

    @Test
    void acknowledgedWritesAreOwedUntilTheirWriterIsKilled() {
        SoakLedger ledger = new SoakLedger();
        ledger.acknowledged("n1", "soak-1", "v1");
        ledger.acknowledged("n2", "soak-2", "v2");
        ledger.acknowledged("n1", "soak-3", "v3");

        ledger.killed("n1", 10_000);
        ledger.acknowledged("n1", "soak-9", "v9"); // written by its next incarnation

        assertThat(ledger.owed()).isEqualTo(Map.of("n2", Map.of("soak-2", "v2"), "n1", Map.of("soak-9", "v9")));
        assertThat(ledger.acknowledgedCount()).isEqualTo(4);
        assertThat(ledger.forgottenCount()).isEqualTo(2);
    }

    @Test
    void aVictimIsExcusedFromItsKillUntilTheGraceAfterItsRestart() {
        SoakLedger ledger = new SoakLedger();
        ledger.started(0, -SoakLedger.GRACE_MILLIS);
        ledger.killed("n3", 100_000);
        ledger.restarted("n3", 3, 110_000);

        assertThat(ledger.judged(0, "n3", 99_999)).isTrue();
        assertThat(ledger.judged(0, "n3", 100_000)).isFalse();
        assertThat(ledger.judged(0, "n3", 110_000 + SoakLedger.GRACE_MILLIS)).isFalse();
        assertThat(ledger.judged(0, "n3", 110_001 + SoakLedger.GRACE_MILLIS)).isTrue();
        assertThat(ledger.judged(0, "n4", 105_000)).as("other members are judged meanwhile").isTrue();
    }

    @Test
    void aRestartedNodesOwnReportsAreExcusedForTheGrace() {
        SoakLedger ledger = new SoakLedger();
        ledger.killed("n3", 100_000);
        ledger.restarted("n3", 3, 110_000);

        assertThat(ledger.judged(3, "n5", 110_000 + SoakLedger.GRACE_MILLIS - 1)).isFalse();
        assertThat(ledger.judged(3, "n5", 110_000 + SoakLedger.GRACE_MILLIS)).isTrue();
        assertThat(List.of(ledger.judged(5, "n6", 0))).containsExactly(true);
    }
}
