package io.grapevine.net;

import io.grapevine.core.Node;
import io.grapevine.core.Outputs;
import io.grapevine.core.base.Address;

/**
 * The face of a core {@link Node} that {@link NodeRuntime} drives: the network inputs, the
 * tick and the deadline it asks for. Application operations and queries are not here: the
 * {@link Cluster} holds the node for those and runs them through {@link NodeRuntime#submit}.
 *
 * <p>The runtime depends on this rather than on the final {@code Node} so that what it does
 * when the core throws can be tested with a core that throws. Production uses {@link #of}.
 * Called on the node's event loop only, as the core requires.
 */
interface NodeInputs {
    /** {@link Node#onDatagram}. */
    void onDatagram(Address from, byte[] packet, long nowNanos, Outputs out);

    /** {@link Node#onStream}. */
    void onStream(Address from, byte[] packet, long nowNanos, Outputs out);

    /** {@link Node#onStreamRefused}. */
    void onStreamRefused(Address to, long nowNanos, Outputs out);

    /** {@link Node#onTick}. */
    void onTick(long nowNanos, Outputs out);

    /** {@link Node#nextDeadlineNanos}. */
    long nextDeadlineNanos();

    /** The inputs of {@code node}, passed straight through. */
    static NodeInputs of(Node node) {
        return new NodeInputs() {
            @Override
            public void onDatagram(Address from, byte[] packet, long nowNanos, Outputs out) {
                node.onDatagram(from, packet, nowNanos, out);
            }

            @Override
            public void onStream(Address from, byte[] packet, long nowNanos, Outputs out) {
                node.onStream(from, packet, nowNanos, out);
            }

            @Override
            public void onStreamRefused(Address to, long nowNanos, Outputs out) {
                node.onStreamRefused(to, nowNanos, out);
            }

            @Override
            public void onTick(long nowNanos, Outputs out) {
                node.onTick(nowNanos, out);
            }

            @Override
            public long nextDeadlineNanos() {
                return node.nextDeadlineNanos();
            }
        };
    }
}
