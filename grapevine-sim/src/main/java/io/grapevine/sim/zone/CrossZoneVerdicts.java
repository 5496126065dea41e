package io.grapevine.sim.zone;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.sim.NodeState;
import io.grapevine.sim.SimObserver;
import io.grapevine.sim.Simulation;

/**
 * Counts false accusations by zone: a node reporting a member {@link Change#SUSPECTED} or
 * {@link Change#FAILED} while that life of the member is running by the simulator's ground
 * truth, split by whether the two are in the same zone ({@code Network.zoneOf}). Counted only
 * while {@link #counting} is on (off during a zone cut, when silence is real).
 */
final class CrossZoneVerdicts implements SimObserver {
    private final Simulation sim;
    private boolean counting = true;
    private long crossZoneDeaths;
    private long sameZoneDeaths;
    private long crossZoneSuspicions;
    private long sameZoneSuspicions;

    CrossZoneVerdicts(Simulation sim) {
        this.sim = sim;
    }

    void counting(boolean on) {
        counting = on;
    }

    @Override
    public void onEvent(int node, ClusterEvent event, long nowNanos) {
        if (!counting || !(event instanceof ClusterEvent.MemberChanged changed)) {
            return;
        }
        boolean death = changed.change() == Change.FAILED;
        if (!death && changed.change() != Change.SUSPECTED) {
            return;
        }
        Member member = changed.member();
        int index = sim.indexOf(member.name());
        if (index < 0 || sim.state(index) != NodeState.RUNNING || sim.generation(index) != member.id().generation()) {
            return;
        }
        boolean cross = sim.network().crossZone(node, index);
        if (death) {
            if (cross) {
                crossZoneDeaths++;
            } else {
                sameZoneDeaths++;
            }
        } else if (cross) {
            crossZoneSuspicions++;
        } else {
            sameZoneSuspicions++;
        }
    }

    long crossZoneDeaths() {
        return crossZoneDeaths;
    }

    long sameZoneDeaths() {
        return sameZoneDeaths;
    }

    long crossZoneSuspicions() {
        return crossZoneSuspicions;
    }

    long sameZoneSuspicions() {
        return sameZoneSuspicions;
    }
}
