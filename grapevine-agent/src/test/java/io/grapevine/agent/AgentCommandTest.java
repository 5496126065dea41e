package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.agent.config.Encryption;
import io.grapevine.agent.config.LogLevel;
import io.grapevine.agent.config.Profile;
import io.grapevine.core.base.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class AgentCommandTest {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path dir;

    private static AgentConfig parse(String... args) {
        CommandLine cli = GrapevineCommand.newCommandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        AgentCommand agent = parsed.subcommand().commandSpec().commandLine().getCommand();
        return agent.resolveConfig();
    }

    @Test
    void everyFlagReachesTheConfig() {
        AgentConfig config = parse("agent", "--node", "n1", "--bind", "127.0.0.1:0", "--advertise", "127.0.0.1:9",
                "--http-addr", "127.0.0.1:0", "--join", "a.example:7946", "--join", "127.0.0.1:7000",
                "--data-dir", "/tmp/gv", "--encrypt", KEY, "--profile", "local", "--tag", "role=web",
                "--tag", "zone=b=c", "--event-handler", "member-join=./on-join.sh", "--event-handler", "./all.sh",
                "--log-level", "warn", "--log-json", "--http-token", "tok", "--http-protect-reads",
                "--quorum-failure-detection", "--proof-first-acks", "4");
        assertThat(config.nodeName()).isEqualTo("n1");
        assertThat(config.bind()).isEqualTo(new Address("127.0.0.1", 0));
        assertThat(config.advertise()).isEqualTo("127.0.0.1:9");
        assertThat(config.httpAddr()).isEqualTo(new Address("127.0.0.1", 0));
        assertThat(config.join()).containsExactly("a.example:7946", "127.0.0.1:7000");
        assertThat(config.dataDir()).isEqualTo("/tmp/gv");
        assertThat(config.encryption()).isEqualTo(Encryption.key(KEY));
        assertThat(config.profile()).isEqualTo(Profile.LOCAL);
        assertThat(config.tags()).isEqualTo(Map.of("role", "web", "zone", "b=c"));
        assertThat(config.eventHandlers()).containsExactly("member-join=./on-join.sh", "./all.sh");
        assertThat(config.logLevel()).isEqualTo(LogLevel.WARN);
        assertThat(config.logJson()).isTrue();
        assertThat(config.httpToken()).isEqualTo("tok");
        assertThat(config.httpProtectReads()).isTrue();
        assertThat(config.quorumFailureDetection()).isTrue();
        assertThat(config.core().detector().quorumFailureDetection()).isTrue();
        assertThat(config.proofFirstAcks()).isEqualTo(4);
        assertThat(config.core().detector().proofOfLifeFirstAcks()).isEqualTo(4);
    }

    @Test
    void firstRefutationsAreTakenAtOnceByDefaultAndAFileCanAskForProof() throws IOException {
        assertThat(parse("agent", "--plaintext").core().detector().proofOfLifeFirstAcks()).isZero();
        Path file = Files.writeString(dir.resolve("proof.yaml"), "plaintext: true\nproof-first-acks: 5\n");
        assertThat(parse("agent", "--config", file.toString()).core().detector().proofOfLifeFirstAcks()).isEqualTo(5);
        assertThat(parse("agent", "--config", file.toString(), "--proof-first-acks", "0").proofFirstAcks()).isZero();
    }

    @Test
    void theQuorumRuleIsOffByDefaultAndAFileTurnsItOn() throws IOException {
        assertThat(parse("agent", "--plaintext").core().detector().quorumFailureDetection()).isFalse();
        Path file = Files.writeString(dir.resolve("agent.yaml"), "plaintext: true\nquorum-failure-detection: true\n");
        assertThat(parse("agent", "--config", file.toString()).quorumFailureDetection()).isTrue();
        assertThat(parse("agent", "--config", file.toString(), "--quorum-failure-detection=false")
                .quorumFailureDetection()).isFalse();
    }

    @Test
    void withOnlyAnEncryptionChoiceEverythingElseIsTheDefault() {
        AgentConfig config = parse("agent", "--plaintext");
        assertThat(config).isEqualTo(AgentConfig.defaults(AgentCommand.hostName(), Encryption.plaintext()));
    }

    @Test
    void flagsOverrideTheConfigFile() throws IOException {
        Path file = Files.writeString(dir.resolve("agent.yaml"), """
                node: from-file
                bind: 127.0.0.1:7000
                plaintext: true
                log-json: true
                tag: {role: web}
                """);
        AgentConfig config = parse("agent", "--config", file.toString(), "--bind", "127.0.0.1:0", "--log-json=false",
                "--tag", "zone=a", "--keyring-file", "/etc/keys.json");
        assertThat(config.nodeName()).isEqualTo("from-file");
        assertThat(config.bind()).isEqualTo(new Address("127.0.0.1", 0));
        assertThat(config.logJson()).isFalse();
        assertThat(config.tags()).isEqualTo(Map.of("role", "web", "zone", "a"));
        assertThat(config.encryption()).isEqualTo(Encryption.keyringFile("/etc/keys.json"));
    }

    /** One case per kind of message: each is one line on stderr naming the flag, with exit code 2. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "agent --bind nowhere --plaintext            | --bind must be HOST:PORT: nowhere",
        "agent --http-addr 127.0.0.1:70000 --plaintext | --http-addr must be HOST:PORT: 127.0.0.1:70000 (port must be in 0..65535: 70000)",
        "agent --join seed:0 --plaintext             | --join port must be in 1..65535: seed:0",
        "agent --profile quick --plaintext           | --profile must be lan, wan, local or fast: quick",
        "agent --log-level loud --plaintext          | --log-level must be one of trace, debug, info, warn, error: loud",
        "agent --tag role --plaintext                | '--tag' (KEY=VALUE) should be in KEY=VALUE format but was role",
        "agent --tag grapevine.x=1 --plaintext       | --tag key must not start with grapevine.",
        "agent --node n1                             | one of --encrypt BASE64KEY, --keyring-file FILE or --plaintext is required",
        "agent --plaintext --encrypt " + KEY + "     | --encrypt, --keyring-file and --plaintext are mutually exclusive",
        "agent --encrypt c2hvcnQ=                    | --encrypt: encryption key must be 32 bytes (AES-256), was 5",
        "agent --http-token a\tb --plaintext         | --http-token must be printable ASCII without spaces",
        "agent --http-token tøken --plaintext        | --http-token must be printable ASCII without spaces",
        "agent --http-protect-reads --plaintext      | --http-protect-reads needs --http-token",
        "agent --quorum-failure-detection=maybe --plaintext | Invalid value for option '--quorum-failure-detection': 'maybe' is not a boolean",
        "agent --proof-first-acks 17 --plaintext    | --proof-first-acks must be an integer 0..16: 17",
        "agent --proof-first-acks four --plaintext  | --proof-first-acks must be an integer 0..16: four",
        "agent --plaintext --joinn 127.0.0.1:1       | Unknown options: '--joinn', '127.0.0.1:1' (did you mean --join?)",
        "agent --config /nonexistent/agent.yaml      | --config /nonexistent/agent.yaml: no such file"})
    void aBadFlagIsOneLineNamingIt(String args, String message) {
        CommandLineRun run = CommandLineRun.of(args.trim().split(" +"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("grapevine agent: ").contains(message);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void benchIsNotACommandOfThisJarAndTheMessageSaysWhereItIs() {
        CommandLineRun run = CommandLineRun.of("bench", "s1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bench lives in the bench module's own jar: run bin/grapevine bench");
    }

    @Test
    void aBadConfigFileValueNamesTheFlagAndTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("agent.json"), "{\"profile\": \"quick\", \"plaintext\": true}");
        CommandLineRun run = CommandLineRun.of("agent", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("grapevine agent: --profile must be lan, wan, local or fast: quick (in --config "
                + file + ") (see 'grapevine agent --help')");
    }

    @Test
    void aDataDirThatIsAFileIsRefusedInOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        CommandLineRun run = CommandLineRun.of("agent", "--plaintext", "--bind", "127.0.0.1:0", "--data-dir",
                file.toString(), "--log-level", "error");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("grapevine agent: --data-dir " + file + " is a file, not a directory");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        CommandLineRun run = CommandLineRun.of("agent", "--help");
        assertThat(run.exitCode()).isZero();
        String help = run.out().replaceAll("\\s+", " ");
        for (String flag : new String[] {"--node=NAME", "--bind=HOST:PORT", "--advertise=HOST:PORT",
                "--http-addr=HOST:PORT", "--join=HOST:PORT", "--config=FILE", "--data-dir=DIR", "--encrypt=BASE64KEY",
                "--keyring-file=FILE", "--plaintext", "--profile=lan|wan|local|fast", "--tag=KEY=VALUE",
                "--event-handler=[FILTER=]SCRIPT", "--log-level=LEVEL", "--log-json", "--http-token=TOKEN",
                "--http-protect-reads"}) {
            assertThat(help).contains(flag);
        }
        assertThat(help).contains("Default: the host name", "Default: 0.0.0.0:7946", "Default: 127.0.0.1:7373",
                "Default: lan", "Default: info", "Default: false (text)");
        CommandLine.Model.CommandSpec agent = GrapevineCommand.newCommandLine().getSubcommands().get("agent")
                .getCommandSpec();
        for (CommandLine.Model.OptionSpec option : agent.options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                assertThat(String.join(" ", option.description())).as(option.longestName())
                        .containsAnyOf("Default:", "is required");
            }
        }
    }
}
