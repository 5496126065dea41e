package io.grapevine.agent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.grapevine.agent.http.BuildInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version} from the build, and {@code grapevine completion}'s script working in a real bash. */
class VersionAndCompletionTest {
    @TempDir
    Path dir;

    @Test
    void versionIsTheBuildsOnTheRootAndOnEveryCommand() {
        Cli root = Cli.run("--version");
        Cli members = Cli.run("members", "--version");

        assertThat(root.exitCode()).isZero();
        assertThat(root.out().lines()).first().isEqualTo("grapevine " + BuildInfo.version());
        assertThat(root.out()).contains("Java " + Runtime.version());
        assertThat(BuildInfo.version()).doesNotContain("${");
        assertThat(members.out()).isEqualTo(root.out());
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        Cli run = Cli.run("completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F _complete_grapevine -o default grapevine");
        for (String command : new String[] {"agent", "members", "join", "leave", "force-leave", "event", "kv",
                "keys", "history", "reachability", "monitor", "info", "sim", "demo", "completion"}) {
            assertThat(run.out()).contains(command);
        }
    }

    /** Sources the script in bash and asks it to complete, as a shell would on TAB. */
    @Test
    void theScriptCompletesCommandsAndOptionValuesInBash() throws Exception {
        assumeThat(Path.of("/bin/bash")).exists();
        Path script = Files.writeString(dir.resolve("grapevine-completion.bash"), Cli.run("completion").out());

        assertThat(complete(script, "grapevine mem")).isEqualTo("members");
        assertThat(complete(script, "grapevine kv w")).isEqualTo("watch");
        assertThat(complete(script, "grapevine members --format ")).isEqualTo("text json");
        assertThat(complete(script, "grapevine monitor --level e")).isEqualTo("error");
    }

    private String complete(Path script, String line) throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source " + script + "\n"
                + "compopt() { :; }\n" // bash allows compopt only inside a completion that TAB started
                + "COMP_WORDS=(" + words + ")\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "COMP_LINE='" + line + "'\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_grapevine\n"
                + "echo \"${COMPREPLY[*]}\"\n";
        Process bash = new ProcessBuilder("/bin/bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        return out.strip();
    }
}
