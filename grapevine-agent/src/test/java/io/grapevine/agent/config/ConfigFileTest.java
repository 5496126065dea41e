package io.grapevine.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.agent.config.AgentSettings.Key;
import io.grapevine.core.base.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    private static final String KEY = AgentConfigTest.KEY;
    private static final String YAML = """
            # every setting, as docs/agent.md shows it
            node: web-1
            bind: 127.0.0.1:7946
            advertise: 127.0.0.1:17946
            http-addr: 127.0.0.1:7373
            join:
              - seed-1.example:7946
              - 127.0.0.1:7947
            data-dir: /var/lib/grapevine
            encrypt: %s
            profile: wan
            tag:
              role: web
              rack: 7
            event-handler:
              - member-join=/etc/grapevine/on-join.sh
            log-level: debug
            log-json: true
            http-token: t0ken
            http-protect-reads: true
            """.formatted(KEY);
    private static final String JSON = """
            {"node": "web-1", "bind": "127.0.0.1:7946", "advertise": "127.0.0.1:17946",
             "http-addr": "127.0.0.1:7373", "join": ["seed-1.example:7946", "127.0.0.1:7947"],
             "data-dir": "/var/lib/grapevine", "encrypt": "%s", "profile": "wan",
             "tag": {"role": "web", "rack": 7}, "event-handler": ["member-join=/etc/grapevine/on-join.sh"],
             "log-level": "debug", "log-json": true, "http-token": "t0ken",
             "http-protect-reads": true}
            """.formatted(KEY);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static AgentConfig config(AgentSettings settings) {
        return settings.toConfig(() -> "host");
    }

    @Test
    void yamlAndJsonGiveTheSameConfig() throws IOException {
        AgentConfig fromYaml = config(ConfigFile.read(write("agent.yaml", YAML)));
        AgentConfig fromJson = config(ConfigFile.read(write("agent.json", JSON)));
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(fromYaml.nodeName()).isEqualTo("web-1");
        assertThat(fromYaml.bind()).isEqualTo(new Address("127.0.0.1", 7946));
        assertThat(fromYaml.advertise()).isEqualTo("127.0.0.1:17946");
        assertThat(fromYaml.join()).containsExactly("seed-1.example:7946", "127.0.0.1:7947");
        assertThat(fromYaml.dataDir()).isEqualTo("/var/lib/grapevine");
        assertThat(fromYaml.encryption()).isEqualTo(Encryption.key(KEY));
        assertThat(fromYaml.profile()).isEqualTo(Profile.WAN);
        assertThat(fromYaml.tags()).isEqualTo(Map.of("rack", "7", "role", "web"));
        assertThat(fromYaml.eventHandlers()).containsExactly("member-join=/etc/grapevine/on-join.sh");
        assertThat(fromYaml.logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(fromYaml.logJson()).isTrue();
        assertThat(fromYaml.httpToken()).isEqualTo("t0ken");
        assertThat(fromYaml.httpProtectReads()).isTrue();
    }

    @Test
    void flagsOverrideTheFile() throws IOException {
        AgentSettings file = ConfigFile.read(write("agent.yaml", YAML));
        AgentSettings flags = AgentSettings.empty()
                .with(Key.BIND, "127.0.0.1:0", "flag")
                .with(Key.JOIN, List.of("127.0.0.1:9000"), "flag")
                .with(Key.TAG, Map.of("role", "db", "new", "yes"), "flag")
                .with(Key.PLAINTEXT, true, "flag")
                .with(Key.LOG_JSON, false, "flag");
        AgentConfig config = config(file.overriddenBy(flags));
        assertThat(config.bind()).isEqualTo(new Address("127.0.0.1", 0));
        assertThat(config.join()).containsExactly("127.0.0.1:9000"); // a list flag replaces the file's list
        assertThat(config.tags()).isEqualTo(Map.of("role", "db", "rack", "7", "new", "yes")); // tags merge by key
        assertThat(config.encryption()).isEqualTo(Encryption.plaintext()); // replaces the file's encrypt
        assertThat(config.logJson()).isFalse();
        assertThat(config.nodeName()).isEqualTo("web-1"); // not overridden: the file's
        assertThat(config.httpToken()).isEqualTo("t0ken");
    }

    @Test
    void withoutANameTheDefaultIsUsed() throws IOException {
        AgentConfig config = config(ConfigFile.read(write("agent.yml", "plaintext: true\n")));
        assertThat(config.nodeName()).isEqualTo("host");
        assertThat(config.bind()).isEqualTo(new Address("0.0.0.0", 7946));
    }

    @Test
    void anEmptyFileSetsNothing() throws IOException {
        assertThat(ConfigFile.read(write("empty.yaml", "")).has(Key.NODE)).isFalse();
    }

    @Test
    void badFilesAreOneLineNamingTheFileAndKey() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> ConfigFile.read(missing)).hasMessage("--config " + missing + ": no such file");
        Path unknown = write("unknown.yaml", "bnd: 127.0.0.1:1\n");
        assertThatThrownBy(() -> ConfigFile.read(unknown))
                .hasMessageStartingWith("--config " + unknown + ": unknown key 'bnd' (known: node, bind, advertise,");
        Path list = write("list.json", "[1, 2]");
        assertThatThrownBy(() -> ConfigFile.read(list))
                .hasMessage("--config " + list + ": must be a JSON object or YAML mapping of setting to value, was a list");
        Path syntax = write("syntax.json", "{\"bind\": ");
        assertThatThrownBy(() -> ConfigFile.read(syntax))
                .hasMessageStartingWith("--config " + syntax + ": not valid JSON at line 1");
        Path type = write("type.yaml", "join: {a: 1}\n");
        assertThatThrownBy(() -> ConfigFile.read(type))
                .hasMessage("--config " + type + ": 'join' must be a list of strings, was a mapping");
        Path bool = write("bool.yaml", "plaintext: \"yes\"\n");
        assertThatThrownBy(() -> ConfigFile.read(bool))
                .hasMessage("--config " + bool + ": 'plaintext' must be true or false, was a string");
        Path quorum = write("quorum.yaml", "quorum-failure-detection: 1\n");
        assertThatThrownBy(() -> ConfigFile.read(quorum))
                .hasMessage("--config " + quorum + ": 'quorum-failure-detection' must be true or false, was a number");
        assertThat(ConfigFile.read(write("text.yaml", "node: 42\n")).get(Key.NODE)).contains("42");
    }

    @Test
    void aBadValueFromTheFileNamesTheFlagAndTheFile() throws IOException {
        Path file = write("bad.yaml", "bind: nowhere\nplaintext: true\n");
        assertThatThrownBy(() -> config(ConfigFile.read(file)))
                .hasMessage("--bind must be HOST:PORT: nowhere (address must be host:port: nowhere) (in --config "
                        + file + ")");
        Path proof = write("proof.yaml", "proof-first-acks: -1\nplaintext: true\n");
        assertThatThrownBy(() -> config(ConfigFile.read(proof)))
                .hasMessage("--proof-first-acks must be an integer 0..16: -1 (in --config " + proof + ")");
    }

    @Test
    void encryptionIsRequiredAndExclusive() throws IOException {
        assertThatThrownBy(() -> config(AgentSettings.empty()))
                .hasMessageStartingWith("one of --encrypt BASE64KEY, --keyring-file FILE or --plaintext is required");
        Path both = write("both.yaml", "plaintext: true\nencrypt: " + KEY + "\n");
        assertThatThrownBy(() -> config(ConfigFile.read(both)))
                .hasMessage("--encrypt, --keyring-file and --plaintext are mutually exclusive (in --config " + both + ")");
        // plaintext: false in a file chooses nothing
        Path off = write("off.yaml", "plaintext: false\nkeyring-file: /etc/keys.json\n");
        assertThat(config(ConfigFile.read(off)).encryption()).isEqualTo(Encryption.keyringFile("/etc/keys.json"));
    }
}
