package io.grapevine.agent.example;

import io.grapevine.services.slotmap.KeySlot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine example slot-map keyslot KEY}: prints the key's hash slot alone on a line, as
 * {@code redis-cli cluster keyslot KEY} does (the key as UTF-8). Exactly one key; otherwise exit 2.
 */
@Command(name = "keyslot", description = "Print KEY's hash slot (0..16383), as Redis's CLUSTER KEYSLOT.")
public final class KeySlotCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "1", paramLabel = "KEY", description = "the key (UTF-8)")
    private String key;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(KeySlot.of(key));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
