package io.grapevine.core.base;

/**
 * The identity of one life of a node: its unique name, where it listens, and its generation.
 *
 * <p>The generation changes on every restart (the runtime uses start time; the simulator a
 * counter), so a restarted node is never confused with its previous life: a higher generation
 * of a known name retires the old life at once.
 *
 * @param name non-blank, at most 255 UTF-8 bytes; unique within a cluster
 * @param address where the node receives datagrams and streams
 * @param generation increases with every restart of the node named {@code name}
 */
public record NodeId(String name, Address address, long generation) {
    /** Validates the name. */
    public NodeId {
        TextLimits.checkName("name", name);
        if (generation < 0) {
            throw new IllegalArgumentException("generation must be >= 0: " + generation);
        }
        if (address == null) {
            throw new IllegalArgumentException("address must not be null");
        }
    }

    @Override
    public String toString() {
        return name + "@" + address + "#" + generation;
    }
}
