package io.grapevine.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link StateDeltaFuzzTest}'s target fuzzed for 30 minutes instead of 10 seconds: the long
 * run behind a flag. Skipped unless {@code -Dgrapevine.fuzz.long=true}, e.g. {@code
 * JAZZER_FUZZ=1 ./mvnw -B -pl grapevine-core test -Dtest=LongStateDeltaFuzzTest
 * -Dgrapevine.fuzz.long=true} (docs/RELIABILITY.md, "Fuzzing").
 */
@EnabledIfSystemProperty(named = "grapevine.fuzz.long", matches = "true",
        disabledReason = "the 30-minute fuzzing runs need -Dgrapevine.fuzz.long=true")
class LongStateDeltaFuzzTest {
    private final StateDeltaFuzzTest targets = new StateDeltaFuzzTest();

    @FuzzTest(maxDuration = "30m")
    void mergingAnyDeltasKeepsTheStateInvariants(FuzzedDataProvider data) {
        targets.mergingAnyDeltasKeepsTheStateInvariants(data);
    }
}
