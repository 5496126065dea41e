package io.grapevine.core.membership;

/**
 * Where the membership room reads the members' zones: implemented above it by the replicated
 * state (each node publishes its zone under {@link ZoneConfig#ZONE_KEY}, as Cassandra's snitch
 * publishes DC and RACK in application state). Confined to the node's thread.
 */
public interface ZoneDirectory {
    /** The zone {@code member} published, or "" while it is not known here. */
    String zoneOf(String member);

    /** A number that changes whenever a published zone may have changed (the refresh trigger). */
    long epoch();

    /** A directory that knows no zones (for nodes without one). */
    ZoneDirectory NONE = new ZoneDirectory() {
        @Override
        public String zoneOf(String member) {
            return "";
        }

        @Override
        public long epoch() {
            return 0;
        }
    };
}
