package io.grapevine.sim.epidemic;

/** How an update travels (Demers et al. 1987, §1). */
public enum SpreadStyle {
    /** Every node reconciles with random peers every round, forever; the update rides along. */
    ANTI_ENTROPY("anti-entropy"),
    /** Nodes that know a hot update push it to random peers until they lose interest. */
    RUMOR("rumor"),
    /** The origin sends the update once to every other node. */
    DIRECT("direct");

    private final String cliName;

    SpreadStyle(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name; throws {@link IllegalArgumentException} naming the choices. */
    public static SpreadStyle parse(String text) {
        for (SpreadStyle style : values()) {
            if (style.cliName.equalsIgnoreCase(text)) {
                return style;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of anti-entropy, rumor, direct");
    }
}
