package io.grapevine.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link KeyspaceRepairFuzzTest}'s target fuzzed for 30 minutes instead of 10 seconds: the long
 * run behind a flag. Skipped unless {@code -Dgrapevine.fuzz.long=true}, e.g. {@code
 * JAZZER_FUZZ=1 ./mvnw -B -pl grapevine-core test -Dtest=LongKeyspaceRepairFuzzTest
 * -Dgrapevine.fuzz.long=true} (docs/RELIABILITY.md, "Fuzzing").
 */
@EnabledIfSystemProperty(named = "grapevine.fuzz.long", matches = "true",
        disabledReason = "the 30-minute fuzzing runs need -Dgrapevine.fuzz.long=true")
class LongKeyspaceRepairFuzzTest {
    private final KeyspaceRepairFuzzTest targets = new KeyspaceRepairFuzzTest();

    @FuzzTest(maxDuration = "30m")
    void repairMessagesKeepTheKeyspaceConsistent(FuzzedDataProvider data) {
        targets.repairMessagesKeepTheKeyspaceConsistent(data);
    }
}
