package io.grapevine.agent;

import io.grapevine.sim.merkle.RingRepairRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code grapevine sim ring-repair}: InfluxDB's closed-loop ring repair against random-peer Merkle anti-entropy (docs/SHARED-KEYSPACE.md). The simulation parses its own flags
 * ({@code --help} lists them) and exits 2 with a message naming a bad one.
 */
@Command(name = "ring-repair", description = "InfluxDB's closed-loop ring repair against random-peer Merkle anti-entropy (docs/SHARED-KEYSPACE.md).")
public final class RingRepairCommand implements Callable<Integer> {
    @Unmatched
    private List<String> args = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return ((SimEntryPoint) RingRepairRun::cli).runOn(spec.commandLine(), args);
    }
}
