package io.grapevine.agent.example;

import io.grapevine.core.CoreConfig;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.service.Service;
import io.grapevine.services.blocklog.Block;
import io.grapevine.services.blocklog.BlockLog;
import io.grapevine.services.blocklog.BlockLogConfig;
import io.grapevine.services.blocklog.BlockLogStats;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine example block-log measure}: the simulator's table on real sockets: N nodes on
 * 127.0.0.1 in this JVM (LAN profile, no injected loss), one block log per mode on its own
 * channel, {@code --blocks} blocks per mode {@code --gap-ms} apart from node-0 (the leader), then
 * up to {@code --tail-s} for every block to reach every node. Times are the nodes' clock
 * ({@code System.nanoTime}) from production to the last node's append; a mode's cost is counted
 * until its own last block reached every node (or the tail ran out).
 */
@Command(name = "measure", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time-to-all per block and messages per node on loopback nodes, per dissemination mode.")
public final class BlockLogMeasureCommand implements Callable<Integer> {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "8", description = "Nodes, 2..64 (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--mode", defaultValue = "push,pull,both",
            description = "push, pull, both, or a comma-separated list (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--blocks", defaultValue = "10", description = "Blocks per mode, 1..1000 (default: ${DEFAULT-VALUE}).")
    private int blocks;

    @Option(names = "--gap-ms", defaultValue = "1000", description = "Time between blocks in ms, 1..60000 (default: ${DEFAULT-VALUE}).")
    private long gapMs;

    @Option(names = "--tail-s", defaultValue = "60", description = "Wait after the last block, in s, 1..600 (default: ${DEFAULT-VALUE}).")
    private long tailSeconds;

    @Mixin
    private BlockLogOptions options;

    @Override
    public Integer call() throws Exception {
        if (nodes < 2 || nodes > 64) {
            throw new ParameterException(spec.commandLine(), "--nodes must be in 2..64: " + nodes);
        }
        if (blocks < 1 || blocks > 1000) {
            throw new ParameterException(spec.commandLine(), "--blocks must be in 1..1000: " + blocks);
        }
        if (gapMs < 1 || gapMs > 60_000) {
            throw new ParameterException(spec.commandLine(), "--gap-ms must be in 1..60000: " + gapMs);
        }
        if (tailSeconds < 1 || tailSeconds > 600) {
            throw new ParameterException(spec.commandLine(), "--tail-s must be in 1..600: " + tailSeconds);
        }
        List<SpreadMode> modes = ModeList.parse(spec.commandLine(), mode);
        BlockLogConfig config = options.config(spec.commandLine());
        Map<SpreadMode, BlockSpread> spreads = new EnumMap<>(SpreadMode.class);
        modes.forEach(m -> spreads.put(m, new BlockSpread(nodes, blocks)));
        long wallStart = System.nanoTime();
        try (LoopbackNodes cluster = new LoopbackNodes(nodes, CoreConfig.defaults(), name -> {
            List<Service> logs = new ArrayList<>();
            modes.forEach(m -> logs.add(new BlockLog(m.channel(), m.config(config), spreads.get(m))));
            return logs;
        }, event -> { }, LIMIT)) {
            for (SpreadMode m : modes) {
                if (!Poll.until(() -> producing(cluster, m), LIMIT)) {
                    throw new IllegalStateException(m + ": node-0 did not become the producing leader in " + LIMIT);
                }
            }
            Map<SpreadMode, List<BlockLogStats>> before = stats(cluster, modes);
            long start = System.nanoTime();
            for (int b = 1; b <= blocks; b++) {
                for (SpreadMode m : modes) {
                    long[] at = new long[1];
                    Block block = cluster.node(0).callService(m.channel(), BlockLog.class, (log, ctx) -> {
                        at[0] = ctx.nowNanos();
                        return log.produce(Bytes.copyOf("transaction batch".getBytes(StandardCharsets.UTF_8)), ctx);
                    }).get(10, TimeUnit.SECONDS).orElseThrow();
                    spreads.get(m).produced(block.number(), at[0]);
                }
                if (b < blocks) {
                    Poll.pause(Duration.ofMillis(gapMs));
                }
            }
            // each mode's cost is counted until its own last block reached every node (or the tail ran out)
            Map<SpreadMode, List<BlockLogStats>> after = new EnumMap<>(SpreadMode.class);
            Poll.until(() -> {
                for (SpreadMode m : modes) {
                    if (!after.containsKey(m) && spreads.get(m).complete()) {
                        after.put(m, stats(cluster, m));
                    }
                }
                return after.size() == modes.size();
            }, Duration.ofSeconds(tailSeconds));
            long window = System.nanoTime() - start;
            for (SpreadMode m : modes) {
                if (!after.containsKey(m)) {
                    after.put(m, stats(cluster, m));
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "block-log measure: N=%d on 127.0.0.1 (one JVM, LAN profile) blocks=%d gap=%d ms fanout=%d "
                            + "pull=%d ms x %d peers%n", nodes, blocks, gapMs, config.fanout(),
                    config.pullIntervalNanos() / 1_000_000, config.pullPeers());
            out.printf(Locale.ROOT, "measured window %.1f s; wall %.1f s%n", window / 1e9, (System.nanoTime() - wallStart) / 1e9);
            out.println(SpreadFigures.header());
            for (SpreadMode m : modes) {
                out.println(SpreadFigures.of(m, spreads.get(m), before.get(m), after.get(m), blocks).row());
            }
            out.flush();
        }
        return 0;
    }

    private static boolean producing(LoopbackNodes cluster, SpreadMode m) {
        try {
            return cluster.node(0).callService(m.channel(), BlockLog.class, (log, ctx) -> log.view().producing())
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("node-0 did not answer", e);
        }
    }

    private static Map<SpreadMode, List<BlockLogStats>> stats(LoopbackNodes cluster, List<SpreadMode> modes) {
        Map<SpreadMode, List<BlockLogStats>> all = new EnumMap<>(SpreadMode.class);
        for (SpreadMode m : modes) {
            all.put(m, stats(cluster, m));
        }
        return all;
    }

    private static List<BlockLogStats> stats(LoopbackNodes cluster, SpreadMode m) {
        List<BlockLogStats> list = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            try {
                list.add(cluster.node(i).callService(m.channel(), BlockLog.class, (log, ctx) -> log.stats())
                        .get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("node " + i + " did not answer", e);
            }
        }
        return list;
    }
}
