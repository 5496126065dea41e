package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent ships without the benchmarks (issue 13 §1): none of their classes is on its class path. */
class ModuleBoundaryTest {
    @ParameterizedTest
    @ValueSource(strings = {"org.openjdk.jmh.Main", "io.grapevine.bench.BenchMain",
            "io.grapevine.bench.cluster.BenchCommand", "io.grapevine.bench.peer.MsgPack"})
    void benchmarkClassesAreNotOnTheAgentClassPath(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }
}
