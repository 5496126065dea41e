package io.grapevine.core.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.ring.HashRing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link Placement#refresh} asks to repair when the live set changes. */
class PlacementTest {
    private static NodeId id(int i) {
        return new NodeId("n" + i, new Address("10.0.0." + (i + 1), 7946), 1);
    }

    /**
     * The minority of a partition holds every range (its ring is the two of them); when the
     * other three come back in one step (one push-pull brings them all), each range the node
     * gave up is handed to one of its new replicas.
     */
    @Test
    void everyRangeANodeGivesUpIsHandedToOneOfItsNewReplicas() {
        KeyspaceConfig config = KeyspaceConfig.defaults();
        MemberTable table = new MemberTable(0, 16);
        table.add(id(0), 1, MemberStatus.ALIVE, 0);
        table.add(id(1), 1, MemberStatus.ALIVE, 0);
        Placement placement = new Placement(config, "n0", table);
        placement.refresh();
        for (int i = 2; i < 5; i++) {
            table.add(id(i), 1, MemberStatus.ALIVE, 0);
        }
        Map<String, List<Integer>> changed = placement.refresh();
        HashRing ring = placement.ring();
        int givenUp = 0;
        for (int p = 0; p < ring.partitions(); p++) {
            List<String> replicas = ring.replicas(p);
            if (!replicas.contains("n0")) {
                givenUp++;
                int range = p;
                assertThat(changed.entrySet()).as("range %d, now on %s", p, replicas)
                        .anySatisfy(e -> assertThat(replicas).contains(e.getKey()).satisfies(r ->
                                assertThat(e.getValue()).contains(range)));
            }
        }
        assertThat(givenUp).isPositive();
    }

    /** A node's ring before its join holds every range alone; joining hands none off (it would pull them all). */
    @Test
    void aJoinerHandsOffNothingFromItsLoneRing() {
        MemberTable table = new MemberTable(0, 16);
        table.add(id(0), 1, MemberStatus.ALIVE, 0);
        Placement placement = new Placement(KeyspaceConfig.defaults(), "n0", table);
        placement.refresh();
        for (int i = 1; i < 5; i++) {
            table.add(id(i), 1, MemberStatus.ALIVE, 0);
        }
        Map<String, List<Integer>> changed = placement.refresh();
        HashRing ring = placement.ring();
        for (List<Integer> ranges : changed.values()) {
            for (int p : ranges) {
                assertThat(ring.replicas(p)).contains("n0");
            }
        }
    }
}
