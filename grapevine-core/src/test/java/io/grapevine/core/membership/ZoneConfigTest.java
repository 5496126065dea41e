package io.grapevine.core.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.CoreConfig;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The zone part of the configuration: documented defaults, and every refusal names its option and value. */
class ZoneConfigTest {

    private static void refused(Supplier<ZoneConfig> build, String... messageParts) {
        assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void theDefaultIsNoZoneTheFlatProtocolWithTheDocumentedKnobs() {
        ZoneConfig zone = CoreConfig.defaults().zone();
        assertThat(zone).isEqualTo(ZoneConfig.defaults());
        assertThat(zone.zone()).isEmpty();
        assertThat(zone.zoned()).isFalse();
        assertThat(zone.crossZoneLinks()).isEqualTo(3);
        assertThat(zone.wanProbeIntervalNanos()).isEqualTo(3_000_000_000L);
        assertThat(zone.wanProbeTimeoutNanos()).isEqualTo(1_500_000_000L);
        assertThat(zone.wanSuspicionMult()).isEqualTo(6);
        assertThat(zone.linkRefreshNanos()).isEqualTo(200_000_000L);
        assertThat(CoreConfig.wan().zone()).isEqualTo(zone);
    }

    @Test
    void aZoneIsSetThroughItsPartAndEachCopierChangesOnlyItsField() {
        CoreConfig config = CoreConfig.defaults().withZone(z -> z.withZone("eu-west-1a").withCrossZoneLinks(5));
        assertThat(config.zone().zone()).isEqualTo("eu-west-1a");
        assertThat(config.zone().zoned()).isTrue();
        assertThat(config.zone().crossZoneLinks()).isEqualTo(5);
        assertThat(config.zone().withWanProbeIntervalNanos(9_000_000_000L).wanProbeIntervalNanos())
                .isEqualTo(9_000_000_000L);
        assertThat(config.zone().withWanProbeTimeoutNanos(2_000_000_000L).wanProbeTimeoutNanos())
                .isEqualTo(2_000_000_000L);
        assertThat(config.zone().withWanSuspicionMult(8).wanSuspicionMult()).isEqualTo(8);
        assertThat(config.zone().withLinkRefreshNanos(1_000_000_000L).withZone("b"))
                .isEqualTo(new ZoneConfig("b", 5, 3_000_000_000L, 1_500_000_000L, 6, 1_000_000_000L));
    }

    @Test
    void everyRefusalNamesTheOptionAndItsValue() {
        ZoneConfig d = ZoneConfig.defaults();
        refused(() -> d.withZone(null), "zone", "null");
        refused(() -> d.withZone("z".repeat(65)), "zone");
        refused(() -> d.withCrossZoneLinks(0), "crossZoneLinks", "1..64", ": 0");
        refused(() -> d.withCrossZoneLinks(65), "crossZoneLinks", ": 65");
        refused(() -> d.withWanProbeIntervalNanos(0), "wanProbeIntervalNanos", "> 0", ": 0");
        refused(() -> d.withWanProbeTimeoutNanos(-1), "wanProbeTimeoutNanos", "> 0", ": -1");
        refused(() -> d.withWanProbeTimeoutNanos(3_000_000_000L), "wanProbeTimeoutNanos (3000000000)",
                "must be < wanProbeIntervalNanos (3000000000)");
        refused(() -> d.withWanSuspicionMult(1), "wanSuspicionMult", "2..32", ": 1");
        refused(() -> d.withLinkRefreshNanos(0), "linkRefreshNanos", "> 0", ": 0");
        assertThatThrownBy(() -> CoreConfig.defaults().withZone(z -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone must not be null");
    }
}
