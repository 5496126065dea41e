package io.grapevine.sim.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MerkleRepairRunTest {
    @Test
    void aFewDifferencesAreRepairedForFarFewerBytesThanTheWholeRange() {
        MerkleRepairResult result = MerkleRepairRun.run(5_000, 10, 1, 16, 0, 32);
        assertThat(result.repaired()).isTrue();
        assertThat(result.merkleBytes()).isLessThan(result.fullBytes() / 20);
        assertThat(result.merkleRoundTrips()).isLessThanOrEqualTo((result.depth() + 3 + 1) / 2);
    }

    @Test
    void identicalReplicasExchangeOnlyTheirRoots() {
        MerkleRepairResult result = MerkleRepairRun.run(5_000, 0, 1, 16, 0, 32);
        assertThat(result.repaired()).isTrue();
        assertThat(result.merkleMessages()).isEqualTo(2);
        assertThat(result.merkleBytes()).isLessThan(40);
    }

    @Test
    void everyKeyDifferingIsStillRepaired() {
        assertThat(MerkleRepairRun.run(300, 300, 7, 4, 3, 8).repaired()).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameJson() {
        String first = MerkleRepairRun.run(2_000, 25, 3, 16, 0, 16).toJson();
        assertThat(MerkleRepairRun.run(2_000, 25, 3, 16, 0, 16).toJson()).isEqualTo(first);
        assertThat(first).startsWith("{\"keys\":2000,\"differences\":25,\"repaired\":true,\"merkle_bytes\":")
                .contains("\"merkle_round_trips\":", "\"full_bytes\":", "\"scuttlebutt_bytes\":");
    }

    @Test
    void theCommandLinePrintsOneJsonObjectAndNamesABadFlag() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MerkleRepairRun.cli(new String[] {"--keys", "1000", "--differences", "10", "--format", "json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).startsWith("{").endsWith("}");
        code = MerkleRepairRun.cli(new String[] {"--keys", "10", "--differences", "11"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("differences");
    }
}
