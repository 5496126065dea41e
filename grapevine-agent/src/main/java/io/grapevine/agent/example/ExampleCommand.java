package io.grapevine.agent.example;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine example}: the example apps of the source systems' components in
 * {@code grapevine-services}, each run on real nodes on loopback or in the simulator. Without a
 * subcommand it prints the list.
 */
@Command(name = "example", description = "Example apps of the source systems' components (Redis slot map, Fabric block log).",
        subcommands = {SlotMapCommand.class, BlockLogCommand.class, CommandLine.HelpCommand.class})
public final class ExampleCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
