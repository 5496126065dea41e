package io.grapevine.agent.example;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine example slot-map}: Redis Cluster's hash-slot map on Grapevine
 * (docs/SLOT-MAP.md). {@code keyslot KEY} prints a key's slot; {@code demo} runs a narrated
 * cluster on loopback (assign, move, replicas, an owner killed, the failover); {@code measure}
 * times slot moves and failovers on Grapevine beside Redis 7. Without a subcommand it prints usage.
 */
@Command(name = "slot-map", description = "Redis Cluster's hash-slot map on Grapevine (docs/SLOT-MAP.md).",
        subcommands = {KeySlotCommand.class, SlotMapDemoCommand.class, SlotMapMeasureCommand.class,
                CommandLine.HelpCommand.class})
public final class SlotMapCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
