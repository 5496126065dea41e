package io.grapevine.agent.example;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine example block-log}: Hyperledger Fabric's push + pull dissemination of a
 * hash-chained block log (docs/BLOCK-LOG.md). {@code demo} runs nodes on loopback and kills the
 * leader; {@code sim} measures time-to-all and cost in the simulator; {@code measure} the same on
 * loopback. Without a subcommand it prints the list.
 */
@Command(name = "block-log", mixinStandardHelpOptions = true,
        description = "Fabric-style block log: push + pull dissemination, hash chain, leader failover (docs/BLOCK-LOG.md).",
        subcommands = {BlockLogDemoCommand.class, BlockLogSimCommand.class, BlockLogMeasureCommand.class,
                CommandLine.HelpCommand.class})
public final class BlockLogCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
