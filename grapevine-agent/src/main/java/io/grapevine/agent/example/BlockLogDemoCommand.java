package io.grapevine.agent.example;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.base.Bytes;
import io.grapevine.services.blocklog.Block;
import io.grapevine.services.blocklog.BlockListener;
import io.grapevine.services.blocklog.BlockLog;
import io.grapevine.services.blocklog.BlockLogConfig;
import io.grapevine.services.blocklog.BlockLogView;
import io.grapevine.services.blocklog.LeaderChanged;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine example block-log demo}: N nodes on loopback in this JVM (the fast failure
 * detection profile), the leader produces blocks, the demo kills it ({@code Cluster.close()}, no
 * leave), and shows the new leader taking over at the height it holds, producing on, and every
 * node's height and head. Exits 0 when every live node ends with the same chain, 1 otherwise.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loopback nodes produce a block log, the leader is killed, a new one continues the chain.")
public final class BlockLogDemoCommand implements Callable<Integer> {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "5", description = "Nodes, 2..64 (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--blocks", defaultValue = "5", description = "Blocks before and after the kill, 1..1000 (default: ${DEFAULT-VALUE}).")
    private int blocks;

    @Option(names = "--interval-ms", defaultValue = "200", description = "Time between blocks in ms, 1..10000 (default: ${DEFAULT-VALUE}).")
    private long intervalMs;

    @Mixin
    private BlockLogOptions options;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        if (nodes < 2 || nodes > 64) {
            throw new ParameterException(spec.commandLine(), "--nodes must be in 2..64: " + nodes);
        }
        if (blocks < 1 || blocks > 1000) {
            throw new ParameterException(spec.commandLine(), "--blocks must be in 1..1000: " + blocks);
        }
        if (intervalMs < 1 || intervalMs > 10_000) {
            throw new ParameterException(spec.commandLine(), "--interval-ms must be in 1..10000: " + intervalMs);
        }
        BlockLogConfig config = options.config(spec.commandLine());
        out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        BlockListener quiet = BlockListener.NONE;
        try (LoopbackNodes cluster = new LoopbackNodes(nodes, CoreConfig.fast(), name -> List.of(new BlockLog(config, quiet)),
                event -> takeover(event, t0), LIMIT)) {
            say(t0, "%d nodes on 127.0.0.1 see each other", nodes);
            int leader = produceBlocks(cluster, blocks, t0);
            awaitSameHeight(cluster);
            printHeights(cluster, t0);
            say(t0, "killing the leader %s (Cluster.close(), no leave)", cluster.node(leader).id().name());
            cluster.kill(leader);
            int heir = awaitProducer(cluster);
            say(t0, "new leader: %s at height %d", cluster.node(heir).id().name(), view(cluster, heir).height());
            produceBlocks(cluster, blocks, t0);
            boolean same = awaitSameHeight(cluster);
            printHeights(cluster, t0);
            say(t0, same ? "every live node holds the same %d-block chain" : "the nodes' chains differ (after %d blocks)",
                    view(cluster, heir).height());
            return same ? 0 : 1;
        }
    }

    private void takeover(ClusterEvent event, long t0) {
        if (event instanceof ClusterEvent.ServiceEvent service && service.event() instanceof LeaderChanged changed) {
            say(t0, "%s took over as leader, continuing from height %d", changed.leader(), changed.height());
        }
    }

    private int produceBlocks(LoopbackNodes cluster, int count, long t0) throws Exception {
        int leader = awaitProducer(cluster);
        for (int i = 0; i < count; i++) {
            String payload = "tx batch " + i;
            Optional<Block> block = cluster.node(leader).callService(BlockLog.CHANNEL, BlockLog.class,
                    (log, ctx) -> log.produce(Bytes.copyOf(payload.getBytes(StandardCharsets.UTF_8)), ctx))
                    .get(10, TimeUnit.SECONDS);
            block.ifPresent(b -> say(t0, "%s produced %s", b.producer(), b));
            Poll.pause(Duration.ofMillis(intervalMs));
        }
        return leader;
    }

    private int awaitProducer(LoopbackNodes cluster) {
        int[] found = {-1};
        boolean one = Poll.until(() -> {
            found[0] = -1;
            int producers = 0;
            for (int i = 0; i < cluster.size(); i++) {
                if (cluster.isOpen(i) && view(cluster, i).producing()) {
                    producers++;
                    found[0] = i;
                }
            }
            return producers == 1;
        }, LIMIT);
        if (!one) {
            throw new IllegalStateException("no single producing leader within " + LIMIT);
        }
        return found[0];
    }

    private boolean awaitSameHeight(LoopbackNodes cluster) {
        return Poll.until(() -> {
            BlockLogView first = null;
            for (int i = 0; i < cluster.size(); i++) {
                if (!cluster.isOpen(i)) {
                    continue;
                }
                BlockLogView view = view(cluster, i);
                if (first != null && (view.height() != first.height() || !view.headHash().equals(first.headHash()))) {
                    return false;
                }
                first = first == null ? view : first;
            }
            return true;
        }, LIMIT);
    }

    private void printHeights(LoopbackNodes cluster, long t0) {
        for (int i = 0; i < cluster.size(); i++) {
            if (cluster.isOpen(i)) {
                BlockLogView view = view(cluster, i);
                say(t0, "  %-8s height %3d head %s leader %s%s", view.self(), view.height(), Block.shortHash(view.headHash()),
                        view.leader(), view.producing() ? " (producing)" : "");
            }
        }
    }

    private static BlockLogView view(LoopbackNodes cluster, int index) {
        try {
            return cluster.node(index).callService(BlockLog.CHANNEL, BlockLog.class, (log, ctx) -> log.view())
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("node " + index + " did not answer", e);
        }
    }

    private synchronized void say(long t0, String format, Object... args) {
        out.printf(Locale.ROOT, "%7.3f s  %s%n", (System.nanoTime() - t0) / 1e9, String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
