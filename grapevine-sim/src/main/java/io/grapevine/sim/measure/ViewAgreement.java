package io.grapevine.sim.measure;

import io.grapevine.core.Node;
import io.grapevine.core.membership.Member;
import io.grapevine.sim.Simulation;

/**
 * Whether every running node holds the same membership view: the same entries (name,
 * generation, incarnation, status), tombstones included. Costs O(N) when the live counts
 * already differ and O(N²) otherwise (each view is reduced to an order-independent 64-bit
 * digest), so scenarios call it periodically, not per event.
 */
public final class ViewAgreement {
    private final Simulation sim;

    /** Checks views of the nodes of {@code sim}. */
    public ViewAgreement(Simulation sim) {
        this.sim = sim;
    }

    /** Whether every running node's view is identical now. */
    public boolean holds() {
        int liveCount = -1;
        for (int i = 0; i < sim.size(); i++) {
            if (!sim.isUp(i)) {
                continue;
            }
            int count = sim.node(i).liveMemberCount();
            if (liveCount >= 0 && count != liveCount) {
                return false;
            }
            liveCount = count;
        }
        long expected = 0;
        boolean first = true;
        for (int i = 0; i < sim.size(); i++) {
            if (!sim.isUp(i)) {
                continue;
            }
            long d = digest(sim.node(i));
            if (!first && d != expected) {
                return false;
            }
            expected = d;
            first = false;
        }
        return true;
    }

    /** An order-independent digest of a node's whole member table. */
    static long digest(Node node) {
        long sum = 0;
        long xor = 0;
        for (Member m : node.members()) {
            long h = m.name().hashCode();
            h = h * 0x9E3779B97F4A7C15L + m.id().generation();
            h = h * 0x9E3779B97F4A7C15L + m.incarnation();
            h = h * 0x9E3779B97F4A7C15L + m.status().ordinal();
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 32;
            sum += h;
            xor ^= Long.rotateLeft(h, 17);
        }
        return sum ^ (xor * 0x94D049BB133111EBL);
    }
}
