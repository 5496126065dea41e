package io.grapevine.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.CoreConfig;
import org.junit.jupiter.api.Test;

class RehearsalTest {
    @Test
    void twoThrowawayNodesJoinAndHearTheEventAndTheWriteEncryptedOrNot() {
        assertThat(Rehearsal.run(CoreConfig.lan(), true)).isTrue();
        assertThat(Rehearsal.run(CoreConfig.local(), false)).isTrue();
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
}
