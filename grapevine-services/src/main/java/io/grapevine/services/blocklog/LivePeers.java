package io.grapevine.services.blocklog;

import io.grapevine.core.base.RandomSource;
import io.grapevine.core.membership.Member;
import io.grapevine.core.service.ServiceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The live members other than this node (alive or suspect), sorted by name, rebuilt from the
 * member table only when a member change has marked it stale (so a burst of N joins costs one
 * rebuild, not N). Random samples draw from the service's random source, so they replay.
 * Not thread-safe: the node's thread only.
 */
final class LivePeers {
    private List<String> names = List.of();
    private boolean stale = true;

    /** Marks the list for a rebuild at its next use. */
    void markStale() {
        stale = true;
    }

    /** The live peers' names, sorted. */
    List<String> names(ServiceContext ctx) {
        if (stale) {
            List<String> live = new ArrayList<>();
            for (Member member : ctx.members()) {
                if (member.status().isLive() && !member.name().equals(ctx.self())) {
                    live.add(member.name());
                }
            }
            Collections.sort(live);
            names = Collections.unmodifiableList(live);
            stale = false;
        }
        return names;
    }

    /**
     * Up to {@code k} distinct live peers other than {@code excluded} (may be null), chosen
     * uniformly (selection sampling: one pass, no allocation beyond the result), in name order.
     */
    List<String> sample(int k, String excluded, ServiceContext ctx) {
        List<String> all = names(ctx);
        int candidates = all.size() - (excluded != null && Collections.binarySearch(all, excluded) >= 0 ? 1 : 0);
        List<String> chosen = new ArrayList<>(Math.min(k, Math.max(candidates, 0)));
        RandomSource random = ctx.random();
        int needed = Math.min(k, candidates);
        int remaining = candidates;
        for (int i = 0; i < all.size() && needed > 0; i++) {
            String name = all.get(i);
            if (name.equals(excluded)) {
                continue;
            }
            if (random.nextInt(remaining) < needed) {
                chosen.add(name);
                needed--;
            }
            remaining--;
        }
        return chosen;
    }
}
