package io.grapevine.core.membership;

/**
 * What the rooms above membership want to hear of the member table: the detector schedules
 * new members for probing and counts refutations against its local health; the state room
 * forgets an owner whose tombstone was reaped. Every method defaults to nothing. Called on
 * the node's thread, during the input that caused it.
 */
public interface MembershipObserver {
    /** A member entered the table, or came back in a new generation. */
    default void memberIntroduced(String name) {
    }

    /** This node refuted an accusation against itself (Lifeguard counts it as a sign of trouble). */
    default void selfRefuted() {
    }

    /** A tombstone was reaped: {@code name} left the table for good. */
    default void memberReaped(String name) {
    }

    /** An observer that tells {@code first}, then {@code second}. */
    static MembershipObserver both(MembershipObserver first, MembershipObserver second) {
        return new MembershipObserver() {
            @Override
            public void memberIntroduced(String name) {
                first.memberIntroduced(name);
                second.memberIntroduced(name);
            }

            @Override
            public void selfRefuted() {
                first.selfRefuted();
                second.selfRefuted();
            }

            @Override
            public void memberReaped(String name) {
                first.memberReaped(name);
                second.memberReaped(name);
            }
        };
    }
}
