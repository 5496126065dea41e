package io.grapevine.core.detector;

import io.grapevine.core.base.RandomSource;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.membership.ZoneView;
import java.util.List;

/**
 * A link's probes across zones: every other probe of a node that is one of its zone's links
 * goes across, to the members of other zones it holds SUSPECT first (in turn: their refutation
 * is what a healed cut waits for), else to the next partner link of a randomized round-robin.
 * A node that is not a link, or has no zone, never probes across (and draws nothing). Confined
 * to the node's thread.
 */
final class CrossZoneProbes {
    private final ZoneView zones;
    private final MemberTable table;
    private final ProbeSchedule partners = new ProbeSchedule();
    private boolean acrossNext;
    private int suspectCursor;

    CrossZoneProbes(ZoneView zones, MemberTable table) {
        this.zones = zones;
        this.table = table;
    }

    /** The member to probe across zones this period, or {@code null} when the local round-robin's turn (or nothing across is probeable). */
    String next(RandomSource random) {
        if (!zones.isLink() || (zones.probedAcross().isEmpty() && zones.suspectsAcross().isEmpty())) {
            return null;
        }
        acrossNext = !acrossNext;
        if (!acrossNext) {
            return null;
        }
        List<String> suspects = zones.suspectsAcross();
        if (!suspects.isEmpty()) {
            String name = suspects.get(Math.floorMod(suspectCursor++, suspects.size()));
            if (probeable(name)) {
                return name;
            }
        }
        return partners.next(this::probeable, zones::probedAcross, random);
    }

    private boolean probeable(String name) {
        MemberEntry entry = table.get(name);
        return entry != null && zones.probesAcross(entry);
    }
}
