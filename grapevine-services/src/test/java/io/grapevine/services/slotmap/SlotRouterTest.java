package io.grapevine.services.slotmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The client's slot cache: filled from a view, corrected by MOVED, replaced by a refresh. */
class SlotRouterTest {
    private static SlotMapView view(Map<String, SlotRange> owners) {
        Map<String, Announcement> announcements = new java.util.TreeMap<>();
        owners.forEach((name, range) -> announcements.put(name,
                new Announcement(1, 1, "", 0, List.of(range), new TreeSet<>())));
        return SlotMapView.resolve(announcements);
    }

    @Test
    void routesByTheCachedViewUntilMovedThenUntilRefreshed() {
        SlotRouter router = new SlotRouter(view(Map.of("a", new SlotRange(0, 8191), "b", new SlotRange(8192, 16383))));
        assertThat(router.route("foo")).contains("b"); // 12182
        assertThat(router.route("bar")).contains("a"); // 5061
        router.moved(12182, "c");
        assertThat(router.route("foo")).contains("c");
        assertThat(router.route("{foo}x")).contains("c");
        assertThat(router.moves()).isEqualTo(1);
        router.refresh(view(Map.of("a", new SlotRange(0, 16383))));
        assertThat(router.route("foo")).contains("a");
        assertThat(new SlotRouter().route("foo")).isEmpty();
    }

    @Test
    void aSlotOutOfRangeIsRefusedNamingIt() {
        SlotRouter router = new SlotRouter();
        assertThatThrownBy(() -> router.moved(16384, "a")).hasMessageContaining("16384");
        assertThatThrownBy(() -> SlotRange.parse("5-x")).hasMessageContaining("5-x");
        assertThatThrownBy(() -> new SlotRange(10, 9)).hasMessageContaining("last slot");
        assertThatThrownBy(() -> SlotMapConfig.defaults().withNodeTimeoutNanos(0)).hasMessageContaining("nodeTimeoutNanos");
        assertThatThrownBy(() -> SlotMapConfig.defaults().withFailoverDelays(-1, 0, 0))
                .hasMessageContaining("failoverBaseDelayNanos");
        assertThatThrownBy(() -> SlotMapConfig.defaults().withFailoverDelays(0, -1, 0))
                .hasMessageContaining("failoverRandomDelayNanos");
        assertThatThrownBy(() -> SlotMapConfig.defaults().withFailoverDelays(0, 0, -1))
                .hasMessageContaining("failoverRankDelayNanos");
        assertThatThrownBy(() -> SlotMapConfig.defaults().withMinElectionTimeoutNanos(0))
                .hasMessageContaining("minElectionTimeoutNanos");
        assertThatThrownBy(() -> SlotMapConfig.defaults().withMaxNodes(0)).hasMessageContaining("maxNodes");
    }
}
