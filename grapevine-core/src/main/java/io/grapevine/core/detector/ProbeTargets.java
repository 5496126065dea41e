package io.grapevine.core.detector;

import io.grapevine.core.membership.MembershipObserver;

/**
 * The detector's ear on the member table: each refutation of an accusation against this node
 * counts against its Lifeguard local health. Built before the membership rules, which tell
 * it; the failure detector reads the same health. (A new member needs no word: the probe
 * slots see the live set change, {@link ProbeSlots}.)
 */
public final class ProbeTargets implements MembershipObserver {
    private final LocalHealth health;
    private final boolean lifeguard;

    /** Targets for a detector of {@code config}. */
    public ProbeTargets(DetectorConfig config) {
        this.health = new LocalHealth(config.awarenessMaxMultiplier());
        this.lifeguard = config.lifeguard();
    }

    @Override
    public void selfRefuted() {
        if (lifeguard) {
            health.apply(1);
        }
    }

    LocalHealth health() {
        return health;
    }
}
