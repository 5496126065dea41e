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

/**
 * N real nodes in this JVM on 127.0.0.1 (ephemeral ports, plaintext), named {@code node-0..},
 * each with the services {@code services} gives for its name, joined through node-0 and waited on
 * until every node sees all N alive. Closing closes every node still open.
 */
final class LoopbackNodes implements AutoCloseable {
    private final List<Cluster> nodes = new ArrayList<>();
    private final List<Boolean> open = new ArrayList<>();

    LoopbackNodes(int count, CoreConfig core, Function<String, List<Service>> services,
                  Consumer<ClusterEvent> listener, Duration limit) throws InterruptedException, ExecutionException,
            TimeoutException {
        for (int i = 0; i < count; i++) {
            String name = "node-" + i;
            ClusterBuilder builder = Cluster.builder(name).core(core).plaintext().bind("127.0.0.1", 0)
                    .listener(listener);
            services.apply(name).forEach(builder::service);
            nodes.add(builder.start());
            open.add(true);
        }
        String seed = "127.0.0.1:" + nodes.get(0).boundAddress().getPort();
        for (Cluster node : nodes.subList(1, count)) {
            node.join(List.of(seed)).get(limit.toSeconds(), TimeUnit.SECONDS);
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
