package io.grapevine.agent.example;

import io.grapevine.services.blocklog.BlockLogConfig;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The block log's options on the command line (a picocli mixin of {@code example block-log}'s
 * subcommands): each flag defaults to {@link BlockLogConfig#defaults()}'s value, and a bad one
 * exits 2 with a message naming the flag and the reason.
 */
final class BlockLogOptions {
    private static final long MS = 1_000_000L;

    @Option(names = "--fanout", description = "Peers a block is pushed to on first arrival (default: 3, Fabric's propagatePeerNum).")
    private Integer fanout;

    @Option(names = "--pull-interval-ms", description = "Pull round period in ms (default: 4000, Fabric's pullInterval).")
    private Long pullIntervalMs;

    @Option(names = "--pull-peers", description = "Peers a pull round asks (default: 3, Fabric's pullPeerNum).")
    private Integer pullPeers;

    @Option(names = "--max-blocks", description = "Most blocks per pull response (default: 10).")
    private Integer maxBlocks;

    @Option(names = "--buffer-blocks", description = "Out-of-order buffer bound in blocks (default: 100).")
    private Integer bufferBlocks;

    @Option(names = "--takeover-ms", description = "A new leader's takeover time in ms (default: 1000).")
    private Long takeoverMs;

    @Option(names = "--gap-repair", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "A pushed block behind a gap asks its sender for the gap at once (default: on; push mode turns it off).")
    private boolean gapRepair;

    /** The configuration these flags give, or a {@link ParameterException} naming the bad flag. */
    BlockLogConfig config(CommandLine cli) {
        BlockLogConfig config = BlockLogConfig.defaults();
        config = apply(cli, config, "--fanout", fanout, c -> c.withFanout(fanout));
        config = apply(cli, config, "--pull-interval-ms", pullIntervalMs, c -> c.withPullIntervalNanos(pullIntervalMs * MS));
        config = apply(cli, config, "--pull-peers", pullPeers, c -> c.withPullPeers(pullPeers));
        config = apply(cli, config, "--max-blocks", maxBlocks, c -> c.withMaxBlocksPerMessage(maxBlocks));
        config = apply(cli, config, "--buffer-blocks", bufferBlocks, c -> c.withBufferBlocks(bufferBlocks));
        config = apply(cli, config, "--takeover-ms", takeoverMs, c -> c.withTakeoverNanos(takeoverMs * MS));
        return config.withGapRepair(gapRepair);
    }

    private static BlockLogConfig apply(CommandLine cli, BlockLogConfig config, String flag, Object value,
                                        Function<BlockLogConfig, BlockLogConfig> change) {
        if (value == null) {
            return config;
        }
        try {
            return change.apply(config);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, flag + ": " + e.getMessage());
        }
    }
}
