package io.grapevine.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.membership.ZoneConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a node carries its zone: published in its replicated state, or nothing at all when it has none. */
class NodeZoneTest {
    private static final NodeId SELF = new NodeId("a", new Address("10.0.0.1", 7946), 1);
    private static final NodeId OTHER = new NodeId("b", new Address("10.0.0.2", 7946), 1);

    @Test
    void aZonedNodePublishesItsZoneUnderTheReservedKey() {
        Node node = new Node(CoreConfig.defaults().withZone(z -> z.withZone("dc-1")), SELF, new SplitMix64(1), 0);
        assertThat(node.zone()).isEqualTo("dc-1");
        assertThat(node.get("a", ZoneConfig.ZONE_KEY).map(b -> new String(b.toArray(), StandardCharsets.UTF_8)))
                .contains("dc-1");
        node.preload(List.of(SELF, OTHER), 0);
        // b's zone is not known yet: it counts as in a's zone, and only a's zone has links
        assertThat(node.zoneOf("b")).isEqualTo("dc-1");
        assertThat(node.zoneLinks()).containsOnlyKeys("dc-1");
        assertThat(node.zoneLinks().get("dc-1")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aNodeWithoutAZoneWritesNothingAndHasNoLinks() {
        Node node = new Node(CoreConfig.defaults(), SELF, new SplitMix64(1), 0);
        node.preload(List.of(SELF, OTHER), 0);
        assertThat(node.zone()).isEmpty();
        assertThat(node.stateVersion("a")).isZero();
        assertThat(node.entries("a")).isEmpty();
        assertThat(node.zoneLinks()).isEmpty();
    }
}
