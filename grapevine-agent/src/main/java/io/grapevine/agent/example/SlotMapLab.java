package io.grapevine.agent.example;

import io.grapevine.core.CoreConfig;
import io.grapevine.core.service.ServiceContext;
import io.grapevine.net.Cluster;
import io.grapevine.services.slotmap.KeySlot;
import io.grapevine.services.slotmap.SlotMap;
import io.grapevine.services.slotmap.SlotMapConfig;
import io.grapevine.services.slotmap.SlotMapView;
import io.grapevine.services.slotmap.SlotRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * N Grapevine nodes in this JVM, each a {@link Cluster} on 127.0.0.1 with a {@link SlotMap}: the
 * example's and the measurement's cluster. Nodes are {@code node-0..}; node {@code i} joins
 * through node {@code i-1} (Redis's MEET through any member). Masters are nodes
 * {@code 0..masters-1} and take the slots in equal ranges; the others replicate the masters in
 * turn. Thread-safe for the calling thread (each call is a future on the node's loop).
 */
final class SlotMapLab implements AutoCloseable {
    private static final long CALL_TIMEOUT_SECONDS = 10;

    private final LoopbackNodes nodes;
    private final int masters;

    private SlotMapLab(LoopbackNodes nodes, int masters) {
        this.nodes = nodes;
        this.masters = masters;
    }

    /** Starts {@code n} nodes and waits (at most {@code joinSeconds}) until every node sees all. */
    static SlotMapLab start(int n, int masters, CoreConfig core, SlotMapConfig config, long joinSeconds) {
        try {
            return new SlotMapLab(new LoopbackNodes(n, core, builder -> builder.publishView(false),
                    name -> List.of(new SlotMap(config)), i -> i - 1, event -> {
                    }, Duration.ofSeconds(joinSeconds)), masters);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("starting " + n + " nodes failed: " + e, e);
        }
    }

    int size() {
        return nodes.size();
    }

    int masters() {
        return masters;
    }

    String name(int i) {
        return "node-" + i;
    }

    boolean isUp(int i) {
        return nodes.isOpen(i);
    }

    /** The range master {@code m} of {@code masters} takes, as {@code redis-cli --cluster create} splits. */
    static SlotRange shareOf(int m, int masters) {
        return new SlotRange(m * KeySlot.SLOTS / masters, (m + 1) * KeySlot.SLOTS / masters - 1);
    }

    /** Masters claim their shares; replica {@code r} replicates master {@code (r - masters) % masters}. */
    void assignAndReplicate() {
        for (int m = 0; m < masters; m++) {
            SlotRange share = shareOf(m, masters);
            call(m, (map, ctx) -> map.claim(List.of(share), ctx));
        }
        for (int r = masters; r < nodes.size(); r++) {
            String master = name((r - masters) % masters);
            call(r, (map, ctx) -> map.replicate(master, ctx));
        }
    }

    /** Runs {@code action} on node {@code i}'s slot map, on its loop, and waits for it. */
    void call(int i, BiConsumer<SlotMap, ServiceContext> action) {
        try {
            nodes.node(i).callService(SlotMap.CHANNEL, SlotMap.class, (map, ctx) -> {
                action.accept(map, ctx);
                return null;
            }).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("node-" + i + ": " + e, e);
        }
    }

    /** Node {@code i}'s current view. */
    SlotMapView view(int i) {
        try {
            return nodes.node(i).callService(SlotMap.CHANNEL, SlotMap.class, (map, ctx) -> map.view())
                    .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("node-" + i + ": " + e, e);
        }
    }

    /** Whether every running node's view gives {@code slot} to {@code owner}. */
    boolean allSee(int slot, String owner) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.isOpen(i) && !view(i).owner(slot).map(owner::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every running node's view has all 16,384 slots assigned and every replica pointed. */
    boolean settled() {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.isOpen(i)) {
                SlotMapView view = view(i);
                if (view.assignedSlots() != KeySlot.SLOTS || view.nodes().size() != nodes.size()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Stops node {@code i} at once ({@link Cluster#close()}): the owner "killed". */
    void kill(int i) {
        nodes.kill(i);
    }

    /** The nodes' names. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            names.add(name(i));
        }
        return Collections.unmodifiableList(names);
    }

    @Override
    public void close() {
        nodes.close();
    }
}
