package io.grapevine.sim.reconcile;

import io.grapevine.core.state.DeltaPolicy;

/** How an exchange decides what to send within the byte budget. */
public enum ReconcilePolicy {
    /** The core's Scuttlebutt with {@link DeltaPolicy#BREADTH_FIRST}. */
    BREADTH_FIRST("breadth-first"),
    /** The core's Scuttlebutt with {@link DeltaPolicy#DEPTH_FIRST}. */
    DEPTH_FIRST("depth-first"),
    /**
     * Precise reconciliation, the baseline: the initiator sends a version per key it holds,
     * the peer answers with exactly the entries that differ and asks for those it lacks.
     */
    PRECISE("precise");

    private final String cliName;

    ReconcilePolicy(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name; throws {@link IllegalArgumentException} naming the choices. */
    public static ReconcilePolicy parse(String text) {
        for (ReconcilePolicy policy : values()) {
            if (policy.cliName.equalsIgnoreCase(text)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of breadth-first, depth-first, precise");
    }
}
