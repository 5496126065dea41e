package io.grapevine.sim.epidemic;

/** What counts as a reason for a rumor monger to lose interest (Demers et al. 1987, §1.4). */
public enum RumorFeedback {
    /**
     * Only a push to a node that already knew the rumor. The recipient says so in a small
     * reply, which is counted as a message; a lost push or a lost reply is no event.
     */
    FEEDBACK("feedback"),
    /** Every push, whatever the recipient knew; no replies. */
    BLIND("blind");

    private final String cliName;

    RumorFeedback(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name; throws {@link IllegalArgumentException} naming the choices. */
    public static RumorFeedback parse(String text) {
        for (RumorFeedback value : values()) {
            if (value.cliName.equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of feedback, blind");
    }
}
