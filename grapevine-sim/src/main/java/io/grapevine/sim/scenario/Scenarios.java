package io.grapevine.sim.scenario;

import java.util.List;
import java.util.Optional;

/** The catalogue of standard scenarios, in a fixed order. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            new JoinScenario(),
            new FailureScenario(),
            new FailureScenario(true),
            new EventScenario(),
            new WriteScenario(),
            new LeaveScenario(),
            new PauseScenario(),
            new PartitionHealScenario(),
            new SlowNodesScenario(),
            new GrayFailureScenario(),
            new BootstrapScenario(),
            new RestartScenario(),
            new IdleScenario());

    private Scenarios() {
    }

    /** Every scenario, in catalogue order. */
    public static List<Scenario> all() {
        return ALL;
    }

    /** The scenario named {@code name}, if any. */
    public static Optional<Scenario> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every scenario name, in catalogue order. */
    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }
}
