package io.grapevine.bench;

import io.grapevine.bench.cluster.BenchCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The bench module's own launcher, the {@code Main-Class} of {@code benchmarks.jar}: the loopback
 * cluster benchmark ({@code bench}, which {@code bin/grapevine bench} runs) and the JMH
 * micro-benchmarks ({@code jmh}, every argument handed to JMH's own runner). It lives here, not in
 * the agent, so the agent's jar carries no JMH, no MsgPack and no Serf driver.
 *
 * <p>Exit codes are the subcommand's: {@code bench} 0 success, 1 a run timed out, 2 bad usage
 * (the message names the flag).
 */
@Command(name = "grapevine-bench", mixinStandardHelpOptions = true, version = "grapevine-bench 0.1.0-SNAPSHOT",
        description = "Grapevine benchmarks: the loopback cluster scenarios (S1, S1ROLL, S2-S5) and the JMH "
                + "micro-benchmarks.",
        subcommands = {BenchCommand.class, BenchMain.Jmh.class, CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the launcher with {@code args} and exits with its exit code.
     *
     * @param args the command line, e.g. {@code bench s1 --nodes 8} or {@code jmh TickBenchmark}
     */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * The configured launcher, for tests.
     *
     * @return a fresh command line
     */
    public static CommandLine newCommandLine() {
        return new CommandLine(new BenchMain());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code jmh [JMH ARGS...]}: JMH's runner ({@code org.openjdk.jmh.Main}) with the arguments as given. */
    @Command(name = "jmh", description = {"Runs the JMH micro-benchmarks; every argument goes to JMH "
            + "(e.g. 'jmh TickBenchmark -prof gc', 'jmh -h' for JMH's own help)."})
    static final class Jmh implements Callable<Integer> {
        @Unmatched
        private List<String> jmhArgs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
            return 0;
        }
    }
}
