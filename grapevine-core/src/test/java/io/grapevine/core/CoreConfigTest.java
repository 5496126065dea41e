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

        assertThat(config.wire().clusterLabel()).isEmpty();
        assertThat(config.detector().probeIntervalNanos()).isEqualTo(1_000_000_000L);
        assertThat(config.detector().probeTimeoutNanos()).isEqualTo(500_000_000L);
        assertThat(config.detector().indirectChecks()).isEqualTo(3);
        assertThat(config.gossip().retransmitMult()).isEqualTo(4);
        assertThat(config.wire().mtuBytes()).isEqualTo(1_400);
        assertThat(config.wire().maxStreamBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(config.gossip().maxEventPayloadBytes()).isEqualTo(512);
        assertThat(CoreConfig.lan()).isEqualTo(config);
    }

    @Test
    void presetsAreValidAndOrderedBySpeed() {
        CoreConfig lan = CoreConfig.lan();
        CoreConfig wan = CoreConfig.wan();
        CoreConfig local = CoreConfig.local();

        assertThat(wan.detector().probeIntervalNanos()).isGreaterThan(lan.detector().probeIntervalNanos());
        assertThat(local.detector().probeIntervalNanos()).isLessThan(lan.detector().probeIntervalNanos());
        for (CoreConfig preset : new CoreConfig[] {lan, wan, local}) {
            assertThat(preset.detector().probeTimeoutNanos()).isLessThan(preset.detector().probeIntervalNanos());
            assertThat(preset.gossip().maxEventPayloadBytes()).isLessThanOrEqualTo(preset.wire().mtuBytes() - 128);
            // the canonical constructor accepts every preset field for field
            assertThat(copy(preset)).isEqualTo(preset);
        }
    }

    @Test
    void boundaryValuesAreAccepted() {
        CoreConfig config = CoreConfig.defaults();

        assertThat(config.withDetector(p -> p.withIndirectChecks(0)).detector().indirectChecks()).isZero();
        assertThat(config.withDetector(p -> p.withIndirectChecks(16)).detector().indirectChecks()).isEqualTo(16);
        assertThat(config.withGossip(p -> p.withMaxEventPayloadBytes(512)).withWire(p -> p.withMtuBytes(640)).wire().mtuBytes()).isEqualTo(640);
        assertThat(config.withWire(p -> p.withMtuBytes(65_000)).withGossip(p -> p.withMaxEventPayloadBytes(65_000 - 128)).gossip().maxEventPayloadBytes())
                .isEqualTo(64_872);
        assertThat(config.withDetector(p -> p.withProbeTimeoutNanos(999_999_999L)).detector().probeTimeoutNanos()).isEqualTo(999_999_999L);
        assertThat(config.withWire(p -> p.withClusterLabel("\u00e9".repeat(127) + "x")).wire().clusterLabel()).hasSize(128);
        assertThat(config.withSync(p -> p.withPushPullIntervalNanos(0)).sync().pushPullIntervalNanos()).isZero();
        assertThat(config.withWire(p -> p.withMaxStreamBytes(1_400)).wire().maxStreamBytes()).isEqualTo(1_400);
    }

    // ---- each refusal names its field -------------------------------------------------------

    @Test
    void aProbeTimeoutNotBelowTheIntervalNamesBothFieldsAndValues() {
        refused(c -> c.withDetector(p -> p.withProbeTimeoutNanos(1_000_000_000L)),
                "probeTimeoutNanos (1000000000)", "must be < probeIntervalNanos (1000000000)");
        refused(c -> c.withDetector(p -> p.withProbeIntervalNanos(400_000_000L)), "probeTimeoutNanos (500000000)", "probeIntervalNanos (400000000)");
    }

    @Test
    void seventeenIndirectChecksAreRefused() {
        refused(c -> c.withDetector(p -> p.withIndirectChecks(17)), "indirectChecks", "0..16", "17");
        refused(c -> c.withDetector(p -> p.withIndirectChecks(-1)), "indirectChecks", "-1");
    }

    @Test
    void anMtuOfOneHundredBytesIsRefused() {
        refused(c -> c.withWire(p -> p.withMtuBytes(100)), "mtuBytes", "512..65000", "100");
        refused(c -> c.withWire(p -> p.withMtuBytes(65_001)), "mtuBytes", "65001");
    }

    @Test
    void aRetransmitMultOfZeroIsRefused() {
        refused(c -> c.withGossip(p -> p.withRetransmitMult(0)), "retransmitMult", "1..100", "0");
    }

    @Test
    void anEventPayloadThatCannotFitTheMtuIsRefused() {
        refused(c -> c.withGossip(p -> p.withMaxEventPayloadBytes(1_273)), "maxEventPayloadBytes", "0..1272", "1273");
        // lowering the MTU below the payload limit trips the same check
        refused(c -> c.withWire(p -> p.withMtuBytes(600)), "maxEventPayloadBytes", "0..472", "512");
    }

    @Test
    void aClusterLabelOverTwoHundredFiftyFiveUtf8BytesIsRefused() {
        refused(c -> c.withWire(p -> p.withClusterLabel("x".repeat(256))), "clusterLabel", "255 UTF-8 bytes");
        // 128 characters, 256 bytes: the limit counts bytes, as the wire does
        refused(c -> c.withWire(p -> p.withClusterLabel("\u00e9".repeat(128))), "clusterLabel", "255 UTF-8 bytes");
        refused(c -> c.withWire(p -> p.withClusterLabel(null)), "clusterLabel");
    }

    @Test
    void aStreamLimitBelowTheMtuIsRefused() {
        refused(c -> c.withWire(p -> p.withMaxStreamBytes(1_399)), "maxStreamBytes", "1399");
    }

    @Test
    void nonPositiveDurationsAreRefusedByName() {
        refused(c -> c.withDetector(p -> p.withProbeIntervalNanos(0)), "probeIntervalNanos", "> 0", "0");
        refused(c -> c.withDetector(p -> p.withProbeTimeoutNanos(-5)), "probeTimeoutNanos", "-5");
        refused(c -> c.withGossip(p -> p.withGossipIntervalNanos(0)), "gossipIntervalNanos", "0");
        refused(c -> c.withMembership(p -> p.withTombstoneTtlNanos(0)), "tombstoneTtlNanos", "0");
        refused(c -> c.withGossip(p -> p.withGossipToTheDeadNanos(-1)), "gossipToTheDeadNanos", ">= 0", "-1");
        refused(c -> c.withSync(p -> p.withPushPullIntervalNanos(-1)), "pushPullIntervalNanos", "-1");
        refused(c -> c.withSync(p -> p.withAntiEntropyIntervalNanos(-1)), "antiEntropyIntervalNanos", "-1");
    }

    @Test
    void outOfRangeCountsAreRefusedByName() {
        refused(c -> c.withDetector(p -> p.withSuspicionMult(0)), "suspicionMult", "0");
        refused(c -> c.withDetector(p -> p.withSuspicionMult(101)), "suspicionMult", "101");
        refused(c -> c.withDetector(p -> p.withSuspicionMaxTimeoutMult(0)), "suspicionMaxTimeoutMult", "0");
        refused(c -> c.withDetector(p -> p.withAwarenessMaxMultiplier(65)), "awarenessMaxMultiplier", "65");
        refused(c -> c.withGossip(p -> p.withGossipFanout(65)), "gossipFanout", "65");
        refused(c -> c.withMembership(p -> p.withMaxTombstones(0)), "maxTombstones", "0");
        refused(c -> c.withMembership(p -> p.withMaxMembers(1)), "maxMembers", "1");
        refused(c -> c.withGossip(p -> p.withMaxRumors(15)), "maxRumors", "15");
        refused(c -> c.withMembership(p -> p.withHistoryPerMember(1_025)), "historyPerMember", "1025");
        refused(c -> c.withGossip(p -> p.withEventDedupWindow(15)), "eventDedupWindow", "15");
        refused(c -> c.withDetector(p -> p.withMaxPendingRelays(0)), "maxPendingRelays", "0");
        refused(c -> c.withGossip(p -> p.withDirectMailFanout(-1)), "directMailFanout", "-1");
        refused(c -> c.withGossip(p -> p.withDirectMailRetries(11)), "directMailRetries", "11");
        refused(c -> c.withGossip(p -> p.withDirectMailBuffer(0)), "directMailBuffer", "0");
        refused(c -> c.withGossip(p -> p.withMailAckDelayNanos(50_000_000L)), "mailAckDelayNanos", "directMailRetryNanos");
    }

    @Test
    void missingStateSettingsAreRefusedByName() {
        refused(c -> c.withSync(p -> p.withStateSyncMode(null)), "stateSyncMode");
        refused(c -> c.withSync(p -> p.withDeltaPolicy(null)), "deltaPolicy");
        refused(c -> c.withState((StateConfig) null), "state");
        refused(c -> c.withDetector(p -> null), "detector");
    }

    // ---- copiers ----------------------------------------------------------------------------

    /**
     * Each part's copiers are positional constructor calls; a swapped argument would compile
     * whenever two fields share a type. Each one must change its field only, in every part.
     */
    @Test
    void eachCopierChangesExactlyItsOwnField() throws ReflectiveOperationException {
        CoreConfig defaults = CoreConfig.defaults();
        for (RecordComponent part : CoreConfig.class.getRecordComponents()) {
            Object base = part.getAccessor().invoke(defaults);
            RecordComponent[] components = base.getClass().getRecordComponents();
            for (RecordComponent changed : components) {
                String name = changed.getName();
                Method copier = base.getClass().getMethod("with" + Character.toUpperCase(name.charAt(0))
                        + name.substring(1), changed.getType());
                Object value = bumped(changed.getAccessor().invoke(base));

                Object copy = copier.invoke(base, value);

                for (RecordComponent other : components) {
                    Object expected = other == changed ? value : other.getAccessor().invoke(base);
                    assertThat(other.getAccessor().invoke(copy)).as("%s.%s after with%s", part.getName(),
                            other.getName(), name).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void eachPartCopierChangesOnlyItsPart() {
        CoreConfig base = CoreConfig.defaults();
        CoreConfig changed = base.withGossip(g -> g.withGossipFanout(5));

        assertThat(changed.gossip().gossipFanout()).isEqualTo(5);
        assertThat(changed.withGossip(g -> g.withGossipFanout(3))).isEqualTo(base);
        assertThat(base.withDetector(d -> d.withLifeguard(false)).gossip()).isEqualTo(base.gossip());
        assertThat(base.withSync(s -> s.withJoinFollowUps(0)).detector()).isEqualTo(base.detector());
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
        if (value instanceof io.grapevine.core.merkle.MerkleShape shape) {
            return new io.grapevine.core.merkle.MerkleShape(shape.fanout(), shape.depth() + 1);
        }
        if (value instanceof StateConfig state) {
            return state.withMaxKeysPerNode(state.maxKeysPerNode() + 1);
        }
        if (value instanceof io.grapevine.core.dissemination.RumorPolicy policy) {
            return new io.grapevine.core.dissemination.RumorPolicy(policy.interest(), policy.stop(), policy.k() + 1);
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
