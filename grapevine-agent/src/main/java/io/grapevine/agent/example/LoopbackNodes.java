package io.grapevine.agent.example;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.service.Service;
import io.grapevine.net.Cluster;
import io.grapevine.net.ClusterBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * N real nodes in this JVM on 127.0.0.1 (ephemeral ports, plaintext), named {@code node-0..},
 * each with the services {@code services} gives for its name, joined (node-0 by default, or the
 * seed a caller picks per node) and waited on until every node sees all N alive. Closing closes
 * every node still open. The example apps' one loopback cluster.
 */
final class LoopbackNodes implements AutoCloseable {
    private final List<Cluster> nodes = new ArrayList<>();
    private final List<Boolean> open = new ArrayList<>();

    LoopbackNodes(int count, CoreConfig core, Function<String, List<Service>> services,
                  Consumer<ClusterEvent> listener, Duration limit) throws InterruptedException, ExecutionException,
            TimeoutException {
        this(count, core, UnaryOperator.identity(), services, i -> 0, listener, limit);
    }

    /**
     * As the other constructor, with {@code customize} applied to every node's builder and node
     * {@code i > 0} joining through node {@code seedOf(i)} (which must be below {@code i}).
     */
    LoopbackNodes(int count, CoreConfig core, UnaryOperator<ClusterBuilder> customize,
                  Function<String, List<Service>> services, IntUnaryOperator seedOf, Consumer<ClusterEvent> listener,
                  Duration limit) throws InterruptedException, ExecutionException, TimeoutException {
        for (int i = 0; i < count; i++) {
            String name = "node-" + i;
            ClusterBuilder builder = customize.apply(Cluster.builder(name).core(core).plaintext()
                    .bind("127.0.0.1", 0).listener(listener));
            services.apply(name).forEach(builder::service);
            nodes.add(builder.start());
            open.add(true);
        }
        for (int i = 1; i < count; i++) {
            String seed = "127.0.0.1:" + nodes.get(seedOf.applyAsInt(i)).boundAddress().getPort();
            nodes.get(i).join(List.of(seed)).get(limit.toSeconds(), TimeUnit.SECONDS);
        }
        if (!Poll.until(() -> nodes.stream().allMatch(n -> n.liveMembers().size() == count), limit)) {
            close();
            throw new TimeoutException("the " + count + " loopback nodes did not all see each other in " + limit);
        }
    }

    int size() {
        return nodes.size();
    }

    Cluster node(int index) {
        return nodes.get(index);
    }

    boolean isOpen(int index) {
        return open.get(index);
    }

    /** Stops node {@code index} without leaving ({@link Cluster#close()}): the others detect it as failed. */
    void kill(int index) {
        if (open.get(index)) {
            open.set(index, false);
            nodes.get(index).close();
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < nodes.size(); i++) {
            kill(i);
        }
    }
}
