package io.grapevine.agent;

import io.grapevine.sim.merkle.MerkleRepairRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code grapevine sim merkle}: Merkle-tree repair of two replicas against a full exchange and Scuttlebutt (docs/SHARED-KEYSPACE.md). The simulation parses its own flags
 * ({@code --help} lists them) and exits 2 with a message naming a bad one.
 */
@Command(name = "merkle", description = "Merkle-tree repair of two replicas against a full exchange and Scuttlebutt (docs/SHARED-KEYSPACE.md).")
public final class MerkleCommand implements Callable<Integer> {
    @Unmatched
    private List<String> args = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return ((SimEntryPoint) MerkleRepairRun::cli).runOn(spec.commandLine(), args);
    }
}
