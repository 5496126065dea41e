package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import java.util.Set;

/**
 * Coverage-guided fuzzing (Jazzer) of how the HTTP API reads a JSON body: any bytes either give
 * an object of the allowed fields or a {@link BadRequestResponse} (a 400 with a message), never
 * another exception (a 500); and the field readers on what parsed do the same. The corpus is
 * replayed in every test run; {@code ./mvnw verify} fuzzes for 10 s (docs/RELIABILITY.md).
 */
class JsonBodiesFuzzTest {
    private static final JsonBodies BODIES = new JsonBodies(JsonBodies.newMapper());
    private static final Set<String> FIELDS = Set.of("value", "valueBase64", "ttlSeconds", "seeds", "key");

    @FuzzTest(maxDuration = "10s")
    void anyBodyIsAnObjectOrA400(byte[] body) {
        ObjectNode object;
        try {
            object = BODIES.object(body, FIELDS, body.length % 2 == 0);
        } catch (BadRequestResponse refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(object.size()).isLessThanOrEqualTo(FIELDS.size());
        readEach(object);
    }

    private static void readEach(ObjectNode object) {
        try {
            JsonBodies.value(object);
        } catch (BadRequestResponse refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        try {
            JsonBodies.wholeNumber(object, "ttlSeconds");
        } catch (BadRequestResponse refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        try {
            JsonBodies.texts(object, "seeds");
        } catch (BadRequestResponse refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        try {
            JsonBodies.text(object, "key");
        } catch (BadRequestResponse refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
