package io.grapevine.bench.jmh;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.MemberState;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.Ping;
import io.grapevine.core.wire.MemberListSync;
import io.grapevine.core.wire.WireMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic messages shaped like a loopback cluster's: names {@code node-i}, addresses
 * {@code 127.0.0.1:(7946 + i)}, generations that look like start-up wall-clock millis.
 */
final class WireFixtures {
    static final String LABEL = "bench";
    private static final long GENERATION = 1_735_000_000_000L;

    private WireFixtures() {
    }

    /** Member {@code i} of the fixture cluster. */
    static NodeId node(int i) {
        return new NodeId("node-" + i, new Address("127.0.0.1", 7946 + i), GENERATION + i);
    }

    /** A probe with {@code updates} member updates piggy-backed: SWIM's usual datagram. */
    static List<WireMessage> compound(int updates) {
        List<WireMessage> messages = new ArrayList<>();
        messages.add(new Ping(42, "node-1"));
        for (int i = 0; i < updates; i++) {
            messages.add(new MemberUpdate(node(2 + i), 3 + i, i % 4 == 3 ? MemberStatus.SUSPECT : MemberStatus.ALIVE,
                    "node-" + (10 + i)));
        }
        return List.copyOf(messages);
    }

    /** A full state sync (join or push-pull) describing {@code members} live members. */
    static MemberListSync stateSync(int members) {
        List<MemberState> states = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            states.add(new MemberState(node(i), i % 5, MemberStatus.ALIVE));
        }
        return new MemberListSync(true, false, 17, "", states);
    }
}
