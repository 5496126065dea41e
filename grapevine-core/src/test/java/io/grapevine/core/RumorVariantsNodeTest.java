package io.grapevine.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.dissemination.RumorPolicy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The rumor variants on real nodes in virtual time: with direct mail and event repair off, an
 * event spreads by rumor alone; feedback rumors hear back from recipients that already had it
 * (RUMOR_KNOWN) and leave the queues; every variant leaves every queue empty in the end.
 */
class RumorVariantsNodeTest {
    private static final long SECOND = 1_000 * TestNetwork.MS;

    private static TestNetwork cluster(String policy) {
        CoreConfig config = CoreConfig.defaults().withGossip(g -> g.withDirectMailFanout(0).withRecentEventsRepaired(0)
                .withEventRumorPolicy(RumorPolicy.parse(policy)));
        return TestNetwork.converged(config, 20, 21);
    }

    /** Nodes other than the origin that delivered the event. */
    private static long delivered(TestNetwork net, Node origin) {
        return net.eventsByNode.entrySet().stream()
                .filter(e -> !e.getKey().equals(origin.self().address()))
                .filter(e -> e.getValue().stream().anyMatch(ev -> ev instanceof ClusterEvent.UserEventReceived r
                        && r.event().name().equals("deploy")))
                .count();
    }

    @Test
    void feedbackCounterSpreadsAnEventAndStopsOnFeedback() {
        TestNetwork net = cluster("feedback-counter:6");
        Node origin = net.nodes().get(4);
        origin.fireEvent("deploy", "v2".getBytes(StandardCharsets.UTF_8), net.now, net.outputs(origin.self().address()));
        net.runUntil(net.now + 30 * SECOND, x -> false);
        assertThat(delivered(net, origin)).isEqualTo(19);
        assertThat(net.nodes()).allSatisfy(node -> assertThat(node.metrics().rumorQueueLength()).isZero());
        assertThat(net.nodes().stream().mapToLong(Node::rumorFeedbackEvents).sum()).isPositive();
    }

    @Test
    void everyVariantEmptiesTheQueues() {
        for (String policy : new String[] {"blind-counter:3", "blind-coin:3", "feedback-counter:1", "feedback-coin:2"}) {
            TestNetwork net = cluster(policy);
            Node origin = net.nodes().get(1);
            origin.fireEvent("deploy", new byte[0], net.now, net.outputs(origin.self().address()));
            net.runUntil(net.now + 60 * SECOND, x -> false);
            assertThat(net.nodes()).as(policy).allSatisfy(node -> assertThat(node.metrics().rumorQueueLength()).isZero());
            long transmissions = net.nodes().stream().mapToLong(Node::rumorTransmissions).sum();
            assertThat(transmissions).as(policy).isPositive();
        }
    }
}
