package io.grapevine.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.Address;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgentConfigTest {
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final AgentConfig VALID = AgentConfig.defaults("n1", Encryption.key(KEY));

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(VALID.bind()).isEqualTo(new Address("0.0.0.0", 7946));
        assertThat(VALID.httpAddr()).isEqualTo(new Address("127.0.0.1", 7373));
        assertThat(VALID.advertiseAddress()).isEmpty();
        assertThat(VALID.dataDirectory()).isEmpty();
        assertThat(VALID.join()).isEmpty();
        assertThat(VALID.profile()).isEqualTo(Profile.LAN);
        assertThat(VALID.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(VALID.logJson()).isFalse();
        assertThat(VALID.httpToken()).isEmpty();
        assertThat(VALID.tags()).isEmpty();
        assertThat(VALID.eventHandlers()).isEmpty();
        assertThat(VALID.zone()).isEmpty();
        assertThat(VALID.core()).isEqualTo(Profile.LAN.core());
    }

    @Test
    void aZoneReachesTheCoreOnTopOfTheProfile() {
        AgentConfig zoned = VALID.withProfile(Profile.WAN).withZone("eu-west-1a");
        assertThat(zoned.core().zone().zone()).isEqualTo("eu-west-1a");
        assertThat(zoned.core().detector()).isEqualTo(Profile.WAN.core().detector());
        assertThat(zoned.toString()).contains("zone=eu-west-1a");
    }

    static Stream<Arguments> badValues() {
        return Stream.<Arguments>of(
                bad(c -> c.withNodeName(" "), "--node must not be blank: \" \""),
                bad(c -> c.withAdvertise("nowhere"), "--advertise must be HOST:PORT: nowhere"),
                bad(c -> c.withAdvertise("h:99999"), "--advertise must be HOST:PORT: h:99999 (port must be in 0..65535: 99999)"),
                bad(c -> c.withJoin(List.of("10.0.0.1")), "--join must be HOST:PORT: 10.0.0.1"),
                bad(c -> c.withJoin(List.of("seed:x")), "--join must be HOST:PORT: seed:x (port must be a number: seed:x)"),
                bad(c -> c.withJoin(List.of("seed:0")), "--join port must be in 1..65535: seed:0"),
                bad(c -> c.withDataDir("  "), "--data-dir must not be blank: \"  \""),
                bad(c -> c.withTags(Map.of("grapevine.keyring", "x")),
                        "--tag key must not start with grapevine. (written by the runtime): grapevine.keyring"),
                bad(c -> c.withTags(Map.of("a=b", "x")), "--tag key must be non-blank and without '=': \"a=b\""),
                bad(c -> c.withTags(Map.of("k".repeat(129), "x")), "--tag key must be at most 128 UTF-8 bytes"),
                bad(c -> c.withTags(Map.of("big", "v".repeat(65_537))), "--tag big value must be at most 65536 bytes, was 65537"),
                bad(c -> c.withEventHandlers(List.of(" ")), "--event-handler must not be blank: \" \""),
                bad(c -> c.withHttpToken("two words"), "--http-token must be printable ASCII without spaces (it travels "
                        + "in an HTTP header)"),
                bad(c -> c.withHttpToken("caf\u00e9"), "--http-token must be printable ASCII without spaces (it travels "
                        + "in an HTTP header)"),
                bad(c -> c.withHttpProtectReads(true), "--http-protect-reads needs --http-token (the token reads would "
                        + "need)"),
                bad(c -> c.withEncryption(null), "encryption (--encrypt, --keyring-file or --plaintext) must not be null"),
                bad(c -> c.withProfile(null), "--profile must not be null"),
                bad(c -> c.withZone("z".repeat(65)), "--zone"),
                bad(c -> c.withZone(null), "--zone must not be null"));
    }

    private static Arguments bad(UnaryOperator<AgentConfig> change, String message) {
        return Arguments.of(change, message);
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void eachBadValueIsNamedWithItsFlag(UnaryOperator<AgentConfig> change, String message) {
        assertThatThrownBy(() -> change.apply(VALID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anEncryptionKeyMustBe32BytesOfBase64AndIsNeverEchoed() {
        assertThatThrownBy(() -> Encryption.key("c2hvcnQ=")).hasMessage(
                "--encrypt: encryption key must be 32 bytes (AES-256), was 5");
        assertThatThrownBy(() -> Encryption.key("not base64!")).hasMessage("--encrypt: encryption key is not valid base64");
        assertThatThrownBy(() -> Encryption.keyringFile(" ")).hasMessage("--keyring-file must not be blank");
        assertThat(Encryption.key(KEY).toString()).doesNotContain(KEY).startsWith("key ");
    }

    @Test
    void secretsStayOutOfToString() {
        AgentConfig config = VALID.withHttpToken("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret", KEY).contains("httpToken=set");
    }

    @Test
    void profilesAndLevelsParseAnyCaseAndNameTheFlagOtherwise() {
        assertThat(Profile.parse("WAN")).isEqualTo(Profile.WAN);
        assertThat(Profile.LOCAL.core().detector().probeIntervalNanos()).isEqualTo(200_000_000L);
        assertThat(LogLevel.parse("Debug")).isEqualTo(LogLevel.DEBUG);
        assertThatThrownBy(() -> Profile.parse("lan2")).hasMessage("--profile must be lan, wan, local or fast: lan2");
        assertThatThrownBy(() -> LogLevel.parse("loud"))
                .hasMessage("--log-level must be one of trace, debug, info, warn, error: loud");
    }

    @Test
    void tagsAreKeptSortedAndUnmodifiable() {
        AgentConfig config = VALID.withTags(Map.of("zone", "b", "role", "web"));
        assertThat(config.tags().keySet()).containsExactly("role", "zone");
        assertThatThrownBy(() -> config.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
