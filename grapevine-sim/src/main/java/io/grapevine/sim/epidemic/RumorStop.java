package io.grapevine.sim.epidemic;

/** How loss-of-interest events turn a rumor monger into a removed node (Demers et al. 1987, §1.4). */
public enum RumorStop {
    /** Removed after exactly k events. */
    COUNTER("counter"),
    /** Removed with probability 1/k at each event. */
    COIN("coin");

    private final String cliName;

    RumorStop(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name; throws {@link IllegalArgumentException} naming the choices. */
    public static RumorStop parse(String text) {
        for (RumorStop value : values()) {
            if (value.cliName.equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of counter, coin");
    }
}
