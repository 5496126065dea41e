package io.grapevine.agent.example;

import io.grapevine.services.blocklog.BlockLogConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine example block-log sim}: time for each block to reach all N simulated nodes
 * with push only, pull only and push + pull at a datagram loss, and what each costs per node per
 * block ({@link BlockLogSimulation}). Prints one table; bad flags exit 2 naming the flag.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time-to-all per block and messages per node in the simulator, per dissemination mode.")
public final class BlockLogSimCommand implements Callable<Integer> {
    private static final long MS = 1_000_000L;

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "64", description = "Cluster size, 2..100000 (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--loss", defaultValue = "0", description = "Datagram loss probability in [0, 1) (default: ${DEFAULT-VALUE}).")
    private double loss;

    @Option(names = "--mode", defaultValue = "push,pull,both",
            description = "push, pull, both, or a comma-separated list (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--blocks", defaultValue = "20", description = "Blocks produced per mode, 1..10000 (default: ${DEFAULT-VALUE}).")
    private int blocks;

    @Option(names = "--gap-ms", defaultValue = "1000", description = "Time between blocks in ms, at least 1 (default: ${DEFAULT-VALUE}).")
    private long gapMs;

    @Option(names = "--tail-s", defaultValue = "60",
            description = "How long after the last block to wait for every block to reach all, in s, at least 1 (default: ${DEFAULT-VALUE}).")
    private long tailSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "The simulation's seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private BlockLogOptions options;

    @Override
    public Integer call() {
        if (nodes < 2 || nodes > 100_000) {
            throw new ParameterException(spec.commandLine(), "--nodes must be in 2..100000: " + nodes);
        }
        if (!(loss >= 0 && loss < 1)) {
            throw new ParameterException(spec.commandLine(), "--loss must be in [0, 1): " + loss);
        }
        if (blocks < 1 || blocks > 10_000) {
            throw new ParameterException(spec.commandLine(), "--blocks must be in 1..10000: " + blocks);
        }
        if (gapMs < 1) {
            throw new ParameterException(spec.commandLine(), "--gap-ms must be >= 1: " + gapMs);
        }
        if (tailSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--tail-s must be >= 1: " + tailSeconds);
        }
        List<SpreadMode> modes = ModeList.parse(spec.commandLine(), mode);
        BlockLogConfig config = options.config(spec.commandLine());
        long wallStart = System.nanoTime(); // wall clock: how long the simulator took
        BlockLogSimulation.Result result = new BlockLogSimulation(nodes, loss, seed, modes, config)
                .run(blocks, gapMs * MS, tailSeconds * 1000 * MS);
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "block-log sim: N=%d loss=%.2f seed=%d blocks=%d gap=%d ms fanout=%d pull=%d ms x %d peers, "
                        + "max %d blocks/response%n", nodes, loss, seed, blocks, gapMs, config.fanout(),
                config.pullIntervalNanos() / MS, config.pullPeers(), config.maxBlocksPerMessage());
        out.printf(Locale.ROOT, "warm-up %.1f s virtual; measured window %.1f s virtual; wall %.1f s; trace %016x%n",
                result.warmupNanos() / 1e9, result.windowNanos() / 1e9, wallSeconds, result.traceHash());
        out.println(SpreadFigures.header());
        for (SpreadFigures figures : result.figures()) {
            out.println(figures.row());
        }
        out.flush();
        return 0;
    }
}
