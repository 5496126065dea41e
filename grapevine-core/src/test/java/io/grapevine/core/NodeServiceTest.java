package io.grapevine.core;

import static io.grapevine.core.TestNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.service.Service;
import io.grapevine.core.service.ServiceContext;
import io.grapevine.core.service.ServiceHost;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.wire.ServiceMessage;
import io.grapevine.core.wire.WireCodec;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Application services on the fixture network: their channel, timers, member and state changes. */
class NodeServiceTest {
    private static final long SECOND = 1000 * MS;

    /** Answers "ping" with "pong", counts pongs, ticks every 100 ms, records what it hears. */
    static final class Tally implements Service {
        final List<String> heard = new ArrayList<>();
        final List<String> changes = new ArrayList<>();
        int pongs;
        int ticks;
        long next = 100 * MS;

        @Override
        public String channel() {
            return "tally";
        }

        @Override
        public void onMessage(String from, Bytes payload, ServiceContext ctx) {
            String text = new String(payload.toArray(), StandardCharsets.UTF_8);
            heard.add(from + ":" + text);
            switch (text) {
                case "ping" -> ctx.send(from, Bytes.copyOf("pong".getBytes(StandardCharsets.UTF_8)));
                case "pong" -> {
                    pongs++;
                    ctx.emit("pong from " + from);
                }
                default -> ctx.malformed();
            }
        }

        @Override
        public void onTick(ServiceContext ctx) {
            ticks++;
            next = ctx.nowNanos() + 100 * MS;
        }

        @Override
        public long nextDeadlineNanos() {
            return next;
        }

        @Override
        public void onMemberChanged(Member member, Change change, ServiceContext ctx) {
            changes.add(member.name() + " " + change);
        }

        @Override
        public void onStateChanged(KeyChange change, ServiceContext ctx) {
            changes.add("key " + change.owner().name() + "/" + change.key() + "="
                    + (change.deleted() ? "-" : new String(change.value().toArray(), StandardCharsets.UTF_8)));
        }
    }

    private static TestNetwork converged(int n, long seed, List<Tally> services) {
        return TestNetwork.converged(CoreConfig.defaults(), n, seed, node -> {
            Tally tally = new Tally();
            node.install(tally);
            services.add(tally);
        });
    }

    private static <R> R call(TestNetwork net, Node node, java.util.function.BiFunction<Tally, ServiceContext, R> action) {
        return node.callService("tally", Tally.class, net.now, net.outputs(node.self().address()), action);
    }

    @Test
    void aMessageReachesTheSameServiceOnTheMemberAndItsAnswerComesBack() {
        List<Tally> tallies = new ArrayList<>();
        TestNetwork net = converged(4, 1, tallies);
        Node n0 = net.nodes().get(0);
        boolean sent = call(net, n0, (t, ctx) -> ctx.send("n2", Bytes.copyOf("ping".getBytes(StandardCharsets.UTF_8))));
        assertThat(sent).isTrue();
        assertThat(net.runUntil(net.now + SECOND, x -> tallies.get(0).pongs == 1)).isTrue();
        assertThat(tallies.get(2).heard).containsExactly("n0:ping");
        assertThat(tallies.get(1).heard).isEmpty();
        assertThat(net.eventsByNode.get(n0.self().address())).contains(new ClusterEvent.ServiceEvent("tally", "pong from n2"));
    }

    @Test
    void aReliableMessageTravelsOverAStreamAndUnknownMembersAreRefused() {
        List<Tally> tallies = new ArrayList<>();
        TestNetwork net = converged(3, 2, tallies);
        Node n1 = net.nodes().get(1);
        boolean reliable = call(net, n1, (t, ctx) -> ctx.sendReliable("n0", Bytes.copyOf("ping".getBytes(StandardCharsets.UTF_8))));
        boolean toNobody = call(net, n1, (t, ctx) -> ctx.send("nobody", Bytes.EMPTY));
        boolean toSelf = call(net, n1, (t, ctx) -> ctx.send("n1", Bytes.EMPTY));
        assertThat(reliable).isTrue();
        assertThat(toNobody).isFalse();
        assertThat(toSelf).isFalse();
        assertThat(net.runUntil(net.now + SECOND, x -> tallies.get(1).pongs == 1)).isTrue();
    }

    @Test
    void timersRunAtTheServicesDeadline() {
        List<Tally> tallies = new ArrayList<>();
        TestNetwork net = converged(2, 3, tallies);
        int before = tallies.get(0).ticks;
        long start = net.now;
        net.runUntil(start + SECOND, x -> false);
        assertThat(tallies.get(0).ticks - before).isBetween(9, 11);
    }

    @Test
    void servicesHearOfAFailedMemberAndOfEachOthersKeysOnly() {
        List<Tally> tallies = new ArrayList<>();
        TestNetwork net = converged(4, 4, tallies);
        Node n3 = net.nodes().get(3);
        call(net, n3, (t, ctx) -> ctx.put("load", "7".getBytes(StandardCharsets.UTF_8)));
        n3.put("plain", "x".getBytes(StandardCharsets.UTF_8), net.now, net.outputs(n3.self().address()));
        assertThat(net.runUntil(net.now + 2 * SECOND, x -> tallies.get(0).changes.contains("key n3/load=7"))).isTrue();
        assertThat(net.nodes().get(0).get("n3", ServiceHost.KEY_PREFIX + "tally/load")).isPresent();
        assertThat(call(net, net.nodes().get(0), (t, ctx) -> ctx.entries("n3")).keySet()).containsExactly("load");
        assertThat(tallies.get(3).changes).noneMatch(c -> c.startsWith("key n3/"));
        assertThat(tallies.get(0).changes).noneMatch(c -> c.contains("plain"));

        net.crash(n3);
        assertThat(net.runUntil(net.now + 30 * SECOND, x -> tallies.get(0).changes.contains("n3 FAILED"))).isTrue();
    }

    @Test
    void aMessageForAnUnknownChannelOrAnUnparsablePayloadIsDroppedAndCounted() {
        List<Tally> tallies = new ArrayList<>();
        TestNetwork net = converged(2, 5, tallies);
        Node n0 = net.nodes().get(0);
        Node n1 = net.nodes().get(1);
        byte[] unknown = WireCodec.encodePacket("", n1.self(), List.of(new ServiceMessage("nobody-here", Bytes.EMPTY)));
        n0.onDatagram(n1.self().address(), unknown, net.now, net.outputs(n0.self().address()));
        call(net, n1, (t, ctx) -> ctx.send("n0", Bytes.copyOf("garbage".getBytes(StandardCharsets.UTF_8))));
        assertThat(net.runUntil(net.now + SECOND, x -> n0.metrics().drops().getOrDefault("SERVICE_MALFORMED", 0L) == 1))
                .isTrue();
        assertThat(n0.metrics().drops()).containsEntry("UNKNOWN_SERVICE", 1L);
    }

    @Test
    void aChannelTakesOneServiceAndCallsNameTheMissingOne() {
        Node node = new TestNetwork(CoreConfig.defaults(), 6).add("n0");
        node.install(new Tally());
        assertThatThrownBy(() -> node.install(new Tally())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tally");
        assertThatThrownBy(() -> node.callService("other", Tally.class, 0, new RecordingOutputs(), (t, c) -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
    }

    @Test
    void theSameSeedGivesTheSameTraceWithServicesInstalled() {
        assertThat(traceOf(7)).isEqualTo(traceOf(7));
    }

    private static long traceOf(long seed) {
        List<Tally> tallies = new ArrayList<>();
        TestNetwork net = converged(5, seed, tallies);
        call(net, net.nodes().get(0), (t, ctx) -> ctx.send("n4", Bytes.copyOf("ping".getBytes(StandardCharsets.UTF_8))));
        net.runUntil(net.now + 2 * SECOND, x -> false);
        return net.traceHash;
    }

    @Test
    void theOutputsServicesSeeThroughForwardEveryMethodOfOutputs() {
        Set<String> declared = Arrays.stream(ServiceAwareOutputs.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(NodeServiceTest::signature)
                .collect(Collectors.toSet());
        Set<String> required = new HashSet<>();
        for (Method method : Outputs.class.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                required.add(signature(method));
            }
        }
        assertThat(declared).containsAll(required);
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.toString(method.getParameterTypes());
    }
}
