package io.grapevine.core.service;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.state.KeyChange;

/**
 * A protocol of the application's, run by the node on the node's thread beside gossip: it has
 * a channel of its own for messages to single members, timers, and the node's member table and
 * replicated state to read and write. memberlist's user messages and delegate, made pure: the
 * same service runs unchanged in the simulator and on the network, and a seeded simulation of
 * it replays bit for bit.
 *
 * <p>A service is installed on a node before the node's first input
 * ({@code Node.install}); it is driven through {@link ServiceContext}, which is valid only
 * during the call it is passed to. Callbacks run on the node's thread, never concurrently; a
 * service needs no locks, and must not block or read a clock or a random source of its own
 * (use {@link ServiceContext#nowNanos()} and {@link ServiceContext#random()}).
 *
 * <p>Bad input: a payload the service cannot parse must be counted with
 * {@link ServiceContext#malformed()} and ignored, never thrown. An exception thrown by a callback
 * is a bug of the service and propagates to the driver (it is not swallowed).
 */
public interface Service {
    /**
     * The channel this service's messages travel on: one service per channel per node, the
     * same name on every member. Not blank, at most 255 UTF-8 bytes; fixed for the service's life.
     */
    String channel();

    /**
     * A message sent to this node by the same service on member {@code from} (a datagram or a
     * stream; a service that needs to tell them apart says so in its payload).
     */
    void onMessage(String from, Bytes payload, ServiceContext ctx);

    /** Runs the timers due at {@code ctx.nowNanos()}; called when {@link #nextDeadlineNanos()} is reached. */
    default void onTick(ServiceContext ctx) {
    }

    /** When {@link #onTick} must run next (node time, nanoseconds); {@link Long#MAX_VALUE} for never. */
    default long nextDeadlineNanos() {
        return Long.MAX_VALUE;
    }

    /**
     * A member's entry changed in this node's view (joined, suspected, failed, left, ...), told
     * once the input that changed it has been handled.
     */
    default void onMemberChanged(Member member, Change change, ServiceContext ctx) {
    }

    /**
     * Another member changed one of this service's replicated keys (see
     * {@link ServiceContext#put}); {@code change.key()} is the service's own key name, without the
     * namespace the node stores it under. Told once the input that carried it has been handled.
     */
    default void onStateChanged(KeyChange change, ServiceContext ctx) {
    }
}
