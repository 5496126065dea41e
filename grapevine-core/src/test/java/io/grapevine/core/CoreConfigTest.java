package io.grapevine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.state.StateConfig;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The configuration record: the defaults and presets are valid, every refusal names the
 * field and the offending value (STYLE.md §4), and each {@code withX} copier changes exactly
 * its own field.
 */
class CoreConfigTest {

    private static void refused(UnaryOperator<CoreConfig> change, String... messageParts) {
        assertThatThrownBy(() -> change.apply(CoreConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messageParts);
    }

    // ---- valid configurations ---------------------------------------------------------------

    @Test
    void defaultsAreValidAndAreTheDocumentedLanProfile() {
        CoreConfig config = CoreConfig.defaults();

        assertThat(config.clusterLabel()).isEmpty();
        assertThat(config.probeIntervalNanos()).isEqualTo(1_000_000_000L);
        assertThat(config.probeTimeoutNanos()).isEqualTo(500_000_000L);
        assertThat(config.indirectChecks()).isEqualTo(3);
        assertThat(config.retransmitMult()).isEqualTo(4);
        assertThat(config.mtuBytes()).isEqualTo(1_400);
        assertThat(config.maxStreamBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(config.maxEventPayloadBytes()).isEqualTo(512);
        assertThat(CoreConfig.lan()).isEqualTo(config);
    }

    @Test
    void presetsAreValidAndOrderedBySpeed() {
        CoreConfig lan = CoreConfig.lan();
        CoreConfig wan = CoreConfig.wan();
        CoreConfig local = CoreConfig.local();

        assertThat(wan.probeIntervalNanos()).isGreaterThan(lan.probeIntervalNanos());
        assertThat(local.probeIntervalNanos()).isLessThan(lan.probeIntervalNanos());
        for (CoreConfig preset : new CoreConfig[] {lan, wan, local}) {
            assertThat(preset.probeTimeoutNanos()).isLessThan(preset.probeIntervalNanos());
            assertThat(preset.maxEventPayloadBytes()).isLessThanOrEqualTo(preset.mtuBytes() - 128);
            // the canonical constructor accepts every preset field for field
            assertThat(copy(preset)).isEqualTo(preset);
        }
    }

    @Test
    void boundaryValuesAreAccepted() {
        CoreConfig config = CoreConfig.defaults();

        assertThat(config.withIndirectChecks(0).indirectChecks()).isZero();
        assertThat(config.withIndirectChecks(16).indirectChecks()).isEqualTo(16);
        assertThat(config.withMaxEventPayloadBytes(512).withMtuBytes(640).mtuBytes()).isEqualTo(640);
        assertThat(config.withMtuBytes(65_000).withMaxEventPayloadBytes(65_000 - 128).maxEventPayloadBytes())
                .isEqualTo(64_872);
        assertThat(config.withProbeTimeoutNanos(999_999_999L).probeTimeoutNanos()).isEqualTo(999_999_999L);
        assertThat(config.withClusterLabel("\u00e9".repeat(127) + "x").clusterLabel()).hasSize(128);
        assertThat(config.withPushPullIntervalNanos(0).pushPullIntervalNanos()).isZero();
        assertThat(config.withMaxStreamBytes(1_400).maxStreamBytes()).isEqualTo(1_400);
    }

    // ---- each refusal names its field -------------------------------------------------------

    @Test
    void aProbeTimeoutNotBelowTheIntervalNamesBothFieldsAndValues() {
        refused(c -> c.withProbeTimeoutNanos(1_000_000_000L),
                "probeTimeoutNanos (1000000000)", "must be < probeIntervalNanos (1000000000)");
        refused(c -> c.withProbeIntervalNanos(400_000_000L), "probeTimeoutNanos (500000000)", "probeIntervalNanos (400000000)");
    }

    @Test
    void seventeenIndirectChecksAreRefused() {
        refused(c -> c.withIndirectChecks(17), "indirectChecks", "0..16", "17");
        refused(c -> c.withIndirectChecks(-1), "indirectChecks", "-1");
    }

    @Test
    void anMtuOfOneHundredBytesIsRefused() {
        refused(c -> c.withMtuBytes(100), "mtuBytes", "512..65000", "100");
        refused(c -> c.withMtuBytes(65_001), "mtuBytes", "65001");
    }

    @Test
    void aRetransmitMultOfZeroIsRefused() {
        refused(c -> c.withRetransmitMult(0), "retransmitMult", "1..100", "0");
    }

    @Test
    void anEventPayloadThatCannotFitTheMtuIsRefused() {
        refused(c -> c.withMaxEventPayloadBytes(1_273), "maxEventPayloadBytes", "0..1272", "1273");
        // lowering the MTU below the payload limit trips the same check
        refused(c -> c.withMtuBytes(600), "maxEventPayloadBytes", "0..472", "512");
    }

    @Test
    void aClusterLabelOverTwoHundredFiftyFiveUtf8BytesIsRefused() {
        refused(c -> c.withClusterLabel("x".repeat(256)), "clusterLabel", "255 UTF-8 bytes");
        // 128 characters, 256 bytes: the limit counts bytes, as the wire does
        refused(c -> c.withClusterLabel("\u00e9".repeat(128)), "clusterLabel", "255 UTF-8 bytes");
        refused(c -> c.withClusterLabel(null), "clusterLabel");
    }

    @Test
    void aStreamLimitBelowTheMtuIsRefused() {
        refused(c -> c.withMaxStreamBytes(1_399), "maxStreamBytes", "1399");
    }

    @Test
    void nonPositiveDurationsAreRefusedByName() {
        refused(c -> c.withProbeIntervalNanos(0), "probeIntervalNanos", "> 0", "0");
        refused(c -> c.withProbeTimeoutNanos(-5), "probeTimeoutNanos", "-5");
        refused(c -> c.withGossipIntervalNanos(0), "gossipIntervalNanos", "0");
        refused(c -> c.withTombstoneTtlNanos(0), "tombstoneTtlNanos", "0");
        refused(c -> c.withGossipToTheDeadNanos(-1), "gossipToTheDeadNanos", ">= 0", "-1");
        refused(c -> c.withPushPullIntervalNanos(-1), "pushPullIntervalNanos", "-1");
        refused(c -> c.withAntiEntropyIntervalNanos(-1), "antiEntropyIntervalNanos", "-1");
    }

    @Test
    void outOfRangeCountsAreRefusedByName() {
        refused(c -> c.withSuspicionMult(0), "suspicionMult", "0");
        refused(c -> c.withSuspicionMult(101), "suspicionMult", "101");
        refused(c -> c.withSuspicionMaxTimeoutMult(0), "suspicionMaxTimeoutMult", "0");
        refused(c -> c.withAwarenessMaxMultiplier(65), "awarenessMaxMultiplier", "65");
        refused(c -> c.withGossipFanout(65), "gossipFanout", "65");
        refused(c -> c.withMaxTombstones(0), "maxTombstones", "0");
        refused(c -> c.withMaxMembers(1), "maxMembers", "1");
        refused(c -> c.withMaxRumors(15), "maxRumors", "15");
        refused(c -> c.withHistoryPerMember(1_025), "historyPerMember", "1025");
        refused(c -> c.withEventDedupWindow(15), "eventDedupWindow", "15");
        refused(c -> c.withMaxPendingRelays(0), "maxPendingRelays", "0");
        refused(c -> c.withDirectMailFanout(-1), "directMailFanout", "-1");
    }

    @Test
    void missingStateSettingsAreRefusedByName() {
        refused(c -> c.withStateSyncMode(null), "stateSyncMode");
        refused(c -> c.withDeltaPolicy(null), "deltaPolicy");
        refused(c -> c.withState(null), "state");
    }

    // ---- copiers ----------------------------------------------------------------------------

    /**
     * The copiers are positional constructor calls 30 arguments long; a swapped argument
     * would compile whenever two fields share a type. Each one must change its field only.
     */
    @Test
    void eachCopierChangesExactlyItsOwnField() throws ReflectiveOperationException {
        CoreConfig base = CoreConfig.defaults();
        RecordComponent[] components = CoreConfig.class.getRecordComponents();
        for (RecordComponent changed : components) {
            String name = changed.getName();
            Method copier = CoreConfig.class.getMethod("with" + Character.toUpperCase(name.charAt(0))
                    + name.substring(1), changed.getType());
            Object value = bumped(changed.getAccessor().invoke(base));

            CoreConfig copy = (CoreConfig) copier.invoke(base, value);

            for (RecordComponent other : components) {
                Object expected = other == changed ? value : other.getAccessor().invoke(base);
                assertThat(other.getAccessor().invoke(copy)).as("%s after with%s", other.getName(), name)
                        .isEqualTo(expected);
            }
        }
    }

    /** A different value of the same type that is still valid starting from the defaults. */
    private static Object bumped(Object value) {
        if (value instanceof Integer i) {
            return i + 1;
        }
        if (value instanceof Long l) {
            return l + 1;
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof String s) {
            return s + "x";
        }
        if (value instanceof Enum<?> e) {
            Object[] constants = e.getDeclaringClass().getEnumConstants();
            return constants[(e.ordinal() + 1) % constants.length];
        }
        if (value instanceof StateConfig state) {
            return state.withMaxKeysPerNode(state.maxKeysPerNode() + 1);
        }
        throw new AssertionError("no bump for " + value.getClass() + ": add one for the new field");
    }

    /** {@code config} rebuilt through the canonical constructor, component by component. */
    private static CoreConfig copy(CoreConfig config) {
        try {
            RecordComponent[] components = CoreConfig.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(config);
            }
            return CoreConfig.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
