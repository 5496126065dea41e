package io.grapevine.sim.epidemic;

/** Who carries the update in an exchange between a node and the peer it contacts. */
public enum SpreadMode {
    /** The contacting node sends what it has. */
    PUSH("push"),
    /** The contacting node asks; the contacted node answers with what the asker lacks. */
    PULL("pull"),
    /** Both: the contacting node sends what it has and gets back what it lacks. */
    PUSH_PULL("push-pull");

    private final String cliName;

    SpreadMode(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name; throws {@link IllegalArgumentException} naming the choices. */
    public static SpreadMode parse(String text) {
        for (SpreadMode mode : values()) {
            if (mode.cliName.equalsIgnoreCase(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of push, pull, push-pull");
    }
}
