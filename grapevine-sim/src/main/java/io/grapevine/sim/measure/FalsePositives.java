package io.grapevine.sim.measure;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.sim.NodeState;
import io.grapevine.sim.SimObserver;
import io.grapevine.sim.Simulation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts false failure verdicts: a node reporting a member {@link Change#FAILED} (declared dead)
 * while, by the simulator's ground truth, that very life of the member is running (started, not
 * crashed, not leaving or left; a paused or slow node counts as running). Counts every such
 * event, the distinct (observer, member) pairs and the distinct members, and keeps the first few
 * for explanations.
 */
public final class FalsePositives implements SimObserver {
    private static final int KEPT_EXAMPLES = 16;

    private final Simulation sim;
    private final Set<Long> pairs = new HashSet<>();
    private final BitSet members = new BitSet();
    private final List<String> examples = new ArrayList<>();
    private long events;
    private long firstAtNanos = -1;

    /** Counts false verdicts in {@code sim} from now on; register it with {@code addObserver}. */
    public FalsePositives(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public void onEvent(int node, ClusterEvent event, long nowNanos) {
        if (!(event instanceof ClusterEvent.MemberChanged changed) || changed.change() != Change.FAILED) {
            return;
        }
        Member member = changed.member();
        int index = sim.indexOf(member.name());
        if (index < 0 || sim.state(index) != NodeState.RUNNING
                || sim.generation(index) != member.id().generation()) {
            return;
        }
        events++;
        members.set(index);
        if (firstAtNanos < 0) {
            firstAtNanos = nowNanos;
        }
        if (pairs.add(((long) node << 32) | index) && examples.size() < KEPT_EXAMPLES) {
            examples.add(String.format("t=%.3fs %s declared %s dead on the word of %s%s",
                    nowNanos / 1e9, sim.name(node), member.name(), changed.onWordOf(),
                    sim.isPaused(index) ? " (it was paused)" : ""));
        }
    }

    /** False verdict events so far. */
    public long events() {
        return events;
    }

    /** Distinct (observer, member) pairs with a false verdict. */
    public int pairs() {
        return pairs.size();
    }

    /** Distinct members falsely declared dead by anyone. */
    public int members() {
        return members.cardinality();
    }

    /** The distinct members falsely declared dead, by index. */
    public BitSet memberSet() {
        return (BitSet) members.clone();
    }

    /** Virtual time of the first false verdict, or -1. */
    public long firstAtNanos() {
        return firstAtNanos;
    }

    /** The first few false verdicts, described, oldest first. */
    public List<String> examples() {
        return List.copyOf(examples);
    }
}
