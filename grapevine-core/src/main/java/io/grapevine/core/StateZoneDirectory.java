package io.grapevine.core;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.membership.ZoneConfig;
import io.grapevine.core.membership.ZoneDirectory;
import io.grapevine.core.state.ReplicatedState;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The members' zones as they publish them in the replicated state, under
 * {@link ZoneConfig#ZONE_KEY} (Cassandra's snitch publishes DC and RACK the same way): one
 * short entry per member, sent once by anti-entropy, instead of a field on every membership
 * message. The epoch is the count of changes peers made to that key. Node's thread only.
 */
final class StateZoneDirectory implements ZoneDirectory {
    private final ReplicatedState state;

    StateZoneDirectory(ReplicatedState state) {
        this.state = state;
    }

    @Override
    public String zoneOf(String member) {
        Optional<Bytes> value = state.get(member, ZoneConfig.ZONE_KEY);
        return value.map(bytes -> new String(bytes.toArray(), StandardCharsets.UTF_8)).orElse("");
    }

    @Override
    public long epoch() {
        return state.watchedChanges();
    }
}
