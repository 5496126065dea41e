package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.service.Service;
import io.grapevine.core.service.ServiceContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An application service on real sockets: its messages, its replicated key, its events. */
class ServiceLoopbackTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final List<Cluster> nodes = new ArrayList<>();

    /** Answers "ping" with "pong"; a "pong" becomes an event. */
    static final class Echo implements Service {
        @Override
        public String channel() {
            return "echo";
        }

        @Override
        public void onMessage(String from, Bytes payload, ServiceContext ctx) {
            String text = new String(payload.toArray(), StandardCharsets.UTF_8);
            if (text.equals("ping")) {
                ctx.sendReliable(from, Bytes.copyOf("pong".getBytes(StandardCharsets.UTF_8)));
            } else {
                ctx.emit(from + " said " + text);
            }
        }
    }

    @AfterEach
    void closeAll() {
        nodes.forEach(Cluster::close);
    }

    private Cluster start(String name, List<ClusterEvent> events) {
        Cluster cluster = Cluster.builder(name).core(CoreConfig.local()).plaintext().service(new Echo()).listener(events::add)
                .bind("127.0.0.1", 0).start();
        nodes.add(cluster);
        return cluster;
    }

    @Test
    void aServiceTalksToItsPeerAndPublishesItsKeyOverRealSockets() throws Exception {
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        Cluster a = start("a", events);
        Cluster b = start("b", new CopyOnWriteArrayList<>());
        InetSocketAddress seed = a.boundAddress();
        b.join(List.of("127.0.0.1:" + seed.getPort())).get(10, TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> a.liveMembers().size() == 2);

        boolean sent = a.callService("echo", Echo.class, (echo, ctx) -> {
            ctx.put("role", "leader".getBytes(StandardCharsets.UTF_8));
            return ctx.send("b", Bytes.copyOf("ping".getBytes(StandardCharsets.UTF_8)));
        }).get(10, TimeUnit.SECONDS);
        assertThat(sent).isTrue();
        await().atMost(DEADLINE).until(() -> events.contains(new ClusterEvent.ServiceEvent("echo", "b said pong")));
        await().atMost(DEADLINE).until(() -> b.callService("echo", Echo.class, (echo, ctx) -> ctx.get("a", "role"))
                .get(10, TimeUnit.SECONDS).isPresent());

        assertThatThrownBy(() -> a.callService("nope", Echo.class, (echo, ctx) -> 1).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
