package io.grapevine.core.wire;

import io.grapevine.core.base.NodeId;
import java.util.HashMap;
import java.util.Map;

/**
 * Canonicalizes decoded identities and names so that a member table of N entries holds one
 * copy of each, not one per message that mentioned it. Bounded: once {@code capacity}
 * distinct values are held, new values are returned as they are (garbage cannot grow it).
 * A simulator may share one interner among all its nodes; a runtime node keeps its own.
 * Interning never changes what a node decides, only how much memory it uses. Not thread-safe.
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
