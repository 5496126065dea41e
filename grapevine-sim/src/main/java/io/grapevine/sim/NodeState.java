package io.grapevine.sim;

/**
 * Where a simulated node is in its life, as the simulator (the ground truth) knows it. A paused
 * or slow node is still {@link #RUNNING}: it is alive, just late.
 *
 * <p>Transitions: {@code NOT_STARTED → RUNNING}; {@code RUNNING → LEAVING → LEFT};
 * {@code RUNNING|LEAVING → CRASHED}; {@code CRASHED|LEFT → RUNNING} on a restart (a new
 * generation).
 */
public enum NodeState {
    /** Not started yet: receives nothing. */
    NOT_STARTED,
    /** Running its protocol. */
    RUNNING,
    /** Announced a graceful leave and still running until the leave has spread. */
    LEAVING,
    /** Left gracefully and stopped. */
    LEFT,
    /** Stopped without notice: receives nothing, sends nothing. */
    CRASHED;

    /** True while the node runs its protocol ({@link #RUNNING} or {@link #LEAVING}). */
    public boolean isUp() {
        return this == RUNNING || this == LEAVING;
    }
}
