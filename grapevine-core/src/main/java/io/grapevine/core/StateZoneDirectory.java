package io.grapevine.core;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.KeyPriority;
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

    private StateZoneDirectory(ReplicatedState state) {
        this.state = state;
    }

    /**
     * Where a node of {@code zone} reads its members' zones: nowhere when it has none; else this
     * node's zone is written into {@code state} now (before any input) and the key is watched.
     */
    static ZoneDirectory publish(ZoneConfig zone, ReplicatedState state, long nowNanos) {
        if (!zone.zoned()) {
            return ZoneDirectory.NONE;
        }
        state.put(ZoneConfig.ZONE_KEY, zone.zone().getBytes(StandardCharsets.UTF_8), KeyPriority.CRITICAL, 0, nowNanos);
        state.watch(ZoneConfig.ZONE_KEY);
        return new StateZoneDirectory(state);
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
