package io.grapevine.agent.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link JsonBodiesFuzzTest}'s target fuzzed for 30 minutes instead of 10 seconds: the long run
 * behind a flag, skipped unless {@code -Dgrapevine.fuzz.long=true}: {@code JAZZER_FUZZ=1 ./mvnw -B
 * -pl grapevine-agent -am test -Dtest=LongJsonBodiesFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgrapevine.fuzz.long=true} (docs/RELIABILITY.md, "Fuzzing").
 */
@EnabledIfSystemProperty(named = "grapevine.fuzz.long", matches = "true",
        disabledReason = "the 30-minute fuzzing run needs -Dgrapevine.fuzz.long=true")
class LongJsonBodiesFuzzTest {
    private final JsonBodiesFuzzTest target = new JsonBodiesFuzzTest();

    @FuzzTest(maxDuration = "30m")
    void anyBodyIsAnObjectOrA400(byte[] body) {
        target.anyBodyIsAnObjectOrA400(body);
    }
}
