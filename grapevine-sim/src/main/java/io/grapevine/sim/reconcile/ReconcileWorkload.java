package io.grapevine.sim.reconcile;

/** What the nodes write. */
public enum ReconcileWorkload {
    /**
     * Every node writes {@code keys} keys in round 0, then nothing; the run ends when all nodes
     * hold identical state.
     */
    LOAD("load"),
    /**
     * Nodes 0..heavyWriters-1 each write {@code heavyWritesPerRound} keys every round (cycling
     * over {@code heavyKeys} keys, each write a new version); the next node, the quiet one, writes
     * one key once, in round {@code quietRound}; the run ends when every node holds that key.
     */
    STARVATION("starvation");

    private final String cliName;

    ReconcileWorkload(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name; throws {@link IllegalArgumentException} naming the choices. */
    public static ReconcileWorkload parse(String text) {
        for (ReconcileWorkload workload : values()) {
            if (workload.cliName.equalsIgnoreCase(text)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of load, starvation");
    }
}
