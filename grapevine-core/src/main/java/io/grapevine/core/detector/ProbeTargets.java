package io.grapevine.core.detector;

import io.grapevine.core.base.RandomSource;
import io.grapevine.core.membership.MembershipObserver;

/**
 * The detector's ear on the member table: a new member joins the current probe round at a
 * random place (so it is probed within one round), and each refutation of an accusation
 * against this node counts against its Lifeguard local health. Built before the membership
 * rules, which tell it; the failure detector reads the same schedule and health.
 */
public final class ProbeTargets implements MembershipObserver {
    private final ProbeSchedule schedule = new ProbeSchedule();
    private final LocalHealth health;
    private final boolean lifeguard;
    private final RandomSource random;

    /** Targets for a detector of {@code config}, drawing places from {@code random}. */
    public ProbeTargets(DetectorConfig config, RandomSource random) {
        this.health = new LocalHealth(config.awarenessMaxMultiplier());
        this.lifeguard = config.lifeguard();
        this.random = random;
    }

    @Override
    public void memberIntroduced(String name) {
        schedule.insert(name, random);
    }

    @Override
    public void selfRefuted() {
        if (lifeguard) {
            health.apply(1);
        }
    }

    ProbeSchedule schedule() {
        return schedule;
    }

    LocalHealth health() {
        return health;
    }
}
