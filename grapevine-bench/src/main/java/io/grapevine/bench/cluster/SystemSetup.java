package io.grapevine.bench.cluster;

import java.util.List;

/**
 * How one system's nodes were set up for a measurement, printed beside its figures so that a
 * ratio always says what it compares.
 *
 * @param mode how its nodes ran: {@code processes}, {@code in-jvm} or {@code agents}
 * @param profile the protocol timing profile, e.g. {@code lan}
 * @param encryption what the nodes encrypt with, and the key
 * @param started how each node was started (the command, or the in-JVM equivalent)
 * @param joined how a node is told to join, and through which member
 * @param jvmFlags the node JVMs' flags; empty when the nodes are not JVMs of their own
 */
public record SystemSetup(String mode, String profile, String encryption, String started, String joined,
                          List<String> jvmFlags) {
    /** Freezes the list. */
    public SystemSetup {
        jvmFlags = List.copyOf(jvmFlags);
    }
}
