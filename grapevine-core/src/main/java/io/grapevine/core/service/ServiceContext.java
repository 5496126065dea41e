package io.grapevine.core.service;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.membership.Member;
import io.grapevine.core.state.KeyChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Service} may do and see, during one callback: the node's time and identity, a
 * random source of the service's own, the member table, messages to one member, and the
 * service's keys in the replicated state. Valid only during the call it was passed to; on the
 * node's thread.
 */
public interface ServiceContext {
    /** The node's current time (monotonic nanoseconds; virtual in the simulator). */
    long nowNanos();

    /** This node's member name. */
    String self();

    /** The service's own random source, split from the node's when the service was installed. */
    RandomSource random();

    /** Every member entry this node holds, self and tombstones included, in a deterministic order. */
    List<Member> members();

    /** The entry for {@code name}, if known. */
    Optional<Member> member(String name);

    /**
     * Sends {@code payload} to the same service on {@code member} as a datagram (with gossip
     * piggy-backed; over a stream instead when it is too large for one). Loss is possible.
     *
     * @return false, sending nothing, when {@code member} is this node or not in the table
     */
    boolean send(String member, Bytes payload);

    /**
     * Sends {@code payload} to the same service on {@code member} over a stream: ordered and
     * reliable while both stay up, up to the node's {@code maxStreamBytes}.
     *
     * @return false, sending nothing, when {@code member} is this node or not in the table
     * @throws IllegalArgumentException if the payload cannot fit {@code maxStreamBytes}
     */
    boolean sendReliable(String member, Bytes payload);

    /**
     * Writes this node's replicated key {@code key} of this service (stored under a namespace
     * of the service's channel, so services and the application never collide): spread to every
     * member by direct mail, rumor and anti-entropy, and told to their services through
     * {@link Service#onStateChanged}.
     *
     * @throws IllegalArgumentException if a replicated-state limit is exceeded
     */
    KeyChange put(String key, byte[] value);

    /** Deletes this node's key {@code key} of this service; empty if it held no live value. */
    Optional<KeyChange> delete(String key);

    /** {@code owner}'s live value of this service's key {@code key}, as this node holds it. */
    Optional<Bytes> get(String owner, String key);

    /** {@code owner}'s live keys of this service (names without the namespace), in key order. */
    Map<String, Bytes> entries(String owner);

    /** Hands {@code event} to the application (a {@code ClusterEvent.ServiceEvent} of this channel). */
    void emit(Object event);

    /** Counts a payload this service could not parse ({@code SERVICE_MALFORMED}); the caller then drops it. */
    void malformed();
}
