package io.grapevine.core.membership;

import io.grapevine.core.base.NodeId;
import java.util.LinkedHashSet;
import java.util.Set;

/** Remembers which name conflicts were already reported, so each is surfaced once. Bounded. */
public final class ConflictLog {
    private final Set<String> reported = new LinkedHashSet<>();
    private final int capacity;

    /** Remembers at most {@code capacity} reported conflicts. */
    public ConflictLog(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time this pair is seen. */
    public boolean firstReport(NodeId kept, NodeId rejected) {
        String key = kept + "|" + rejected;
        if (reported.contains(key)) {
            return false;
        }
        if (reported.size() >= capacity) {
            reported.remove(reported.iterator().next());
        }
        reported.add(key);
        return true;
    }
}
