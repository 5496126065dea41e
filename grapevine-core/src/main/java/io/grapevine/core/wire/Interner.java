package io.grapevine.core.wire;

import io.grapevine.core.base.NodeId;
import java.util.HashMap;
import java.util.Map;

/**
 * Canonicalizes decoded identities and names so that a member table of N entries holds one
 * copy of each, not one per message that mentioned it. Bounded: once {@code capacity}
 * distinct values are held, new values are returned as they are (garbage cannot grow it).
 *
 * <p>A runtime node keeps its own. A simulator shares one among all its nodes (N members per
 * node without N copies of each identity), and that is harmless, for three reasons that each
 * hold by construction: (1) what {@link #intern} returns is always {@code equals} to its
 * argument, and the values ({@link NodeId} records, strings) are immutable, so a node sees
 * the same values whether or not, and with whichever node, the cache is shared; (2) no core
 * code compares identities or names by reference ({@code ==}), only by {@code equals}, so
 * which instance a node holds cannot change what it decides; (3) the simulator runs every
 * node on one thread, so the map is never touched concurrently. Sharing therefore changes
 * memory only, never a trace. Not thread-safe.
 */
public final class Interner {
    private final Map<Object, Object> canonical = new HashMap<>();
    private final int capacity;

    /** An interner holding at most {@code capacity} values. */
    public Interner(int capacity) {
        this.capacity = capacity;
    }

    /** The canonical instance equal to {@code id}. */
    public NodeId intern(NodeId id) {
        return (NodeId) internObject(id);
    }

    /** The canonical instance equal to {@code text}. */
    public String intern(String text) {
        return (String) internObject(text);
    }

    private Object internObject(Object value) {
        Object held = canonical.get(value);
        if (held != null) {
            return held;
        }
        if (canonical.size() < capacity) {
            canonical.put(value, value);
        }
        return value;
    }

    /** Values held. */
    public int size() {
        return canonical.size();
    }
}
