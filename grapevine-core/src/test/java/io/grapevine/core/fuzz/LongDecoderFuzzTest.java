package io.grapevine.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link DecoderFuzzTest}'s targets fuzzed for 30 minutes each instead of 10 seconds: the long
 * run behind a flag. Skipped unless {@code -Dgrapevine.fuzz.long=true}; one target per run,
 * since Jazzer fuzzes one target per JVM, e.g. {@code JAZZER_FUZZ=1 ./mvnw -B -pl grapevine-core
 * test -Dtest='LongDecoderFuzzTest#aNodeTakesAnyFramesWithoutThrowing' -Dgrapevine.fuzz.long=true}
 * (docs/RELIABILITY.md, "Fuzzing").
 */
@EnabledIfSystemProperty(named = "grapevine.fuzz.long", matches = "true",
        disabledReason = "the 30-minute fuzzing runs need -Dgrapevine.fuzz.long=true")
class LongDecoderFuzzTest {
    private final DecoderFuzzTest targets = new DecoderFuzzTest();

    @FuzzTest(maxDuration = "30m")
    void everyFrameDecoderIsTotal(byte[] frames) {
        targets.everyFrameDecoderIsTotal(frames);
    }

    @FuzzTest(maxDuration = "30m")
    void aNodeTakesAnyFramesWithoutThrowing(byte[] frames) {
        targets.aNodeTakesAnyFramesWithoutThrowing(frames);
    }

    @FuzzTest(maxDuration = "30m")
    void aNodeTakesAnyBytesWithoutThrowing(byte[] input) {
        targets.aNodeTakesAnyBytesWithoutThrowing(input);
    }
}
