package io.grapevine.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentLauncherTest {
    @Test
    void theChildRunsTheAgentCommandWithTheFlagsBeforeTheClassPath() {
        AgentLauncher launcher = new AgentLauncher("/usr/bin/java", "a.jar", List.of("-Xmx64m"));

        assertThat(launcher.command(List.of("--node", "n1"))).containsExactly("/usr/bin/java", "-Xmx64m", "-cp",
                "a.jar", "io.grapevine.agent.GrapevineCommand", "agent", "--node", "n1");
    }

    @Test
    void thisProcessesLauncherUsesItsJavaAndTheLeanFlags() {
        AgentLauncher launcher = AgentLauncher.withClasspath("cp");

        assertThat(launcher.javaCommand()).endsWith("java");
        assertThat(launcher.jvmFlags()).isEqualTo(AgentLauncher.LEAN_JVM_FLAGS).contains("-Xmx64m", "-XX:+UseSerialGC");
        assertThat(AgentLauncher.forThisProcess().classpath()).isNotBlank();
    }

    @Test
    void blankFieldsAreRefusedByName() {
        assertThatThrownBy(() -> new AgentLauncher(" ", "cp", List.of())).hasMessage("javaCommand must not be blank");
        assertThatThrownBy(() -> new AgentLauncher("java", "", List.of())).hasMessage("classpath must not be blank");
    }
}
