package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link HttpSettings}: defaults, copiers, and each validation message. */
class HttpSettingsTest {
    private static final HttpSettings DEFAULTS = HttpSettings.defaults();

    @Test
    void defaultsListenOnLoopback7373WithoutATokenAndWithTheDocumentedBounds() {
        assertThat(DEFAULTS.host()).isEqualTo("127.0.0.1");
        assertThat(DEFAULTS.port()).isEqualTo(7373);
        assertThat(DEFAULTS.token()).isEmpty();
        assertThat(DEFAULTS.protectReads()).isFalse();
        assertThat(DEFAULTS.sseBacklog()).isEqualTo(1024);
        assertThat(DEFAULTS.sseClientQueue()).isEqualTo(256);
        assertThat(DEFAULTS.maxSseClients()).isEqualTo(64);
        assertThat(DEFAULTS.maxBodyBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void copiersChangeOneFieldEach() {
        HttpSettings changed = DEFAULTS.withHost("0.0.0.0").withPort(0).withBearerToken("t").withProtectReads(true)
                .withSseBacklog(10).withSseClientQueue(5).withMaxSseClients(2).withMaxBodyBytes(100);

        assertThat(changed).isEqualTo(new HttpSettings("0.0.0.0", 0, "t", true, 10, 5, 2, 100));
        assertThat(changed.token()).hasValue("t");
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertThat(DEFAULTS.withBearerToken("hunter2").toString()).doesNotContain("hunter2").contains("bearerToken=<set>");
    }

    @Test
    void aBlankHostIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withHost(" ")).hasMessage("host ( ) must not be blank");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withPort(65536)).hasMessage("port (65536) must be in 0..65535");
    }

    @Test
    void aTokenWithSpacesIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> DEFAULTS.withBearerToken("my secret"))
                .hasMessage("bearerToken must be printable ASCII without spaces (it travels in an HTTP header)")
                .message().doesNotContain("secret");
    }

    @Test
    void protectReadsWithoutATokenIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withProtectReads(true)).hasMessage("protectReads (true) needs a bearerToken");
    }

    @Test
    void boundsOfTheEventStreamAreChecked() {
        assertThatThrownBy(() -> DEFAULTS.withSseBacklog(0)).hasMessage("sseBacklog (0) must be in 1..1000000");
        assertThatThrownBy(() -> DEFAULTS.withSseClientQueue(0)).hasMessage("sseClientQueue (0) must be in 1..1000000");
        assertThatThrownBy(() -> DEFAULTS.withMaxSseClients(10_001))
                .hasMessage("maxSseClients (10001) must be in 1..10000");
    }

    @Test
    void aBodyLimitOutOfRangeIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withMaxBodyBytes(0)).hasMessage("maxBodyBytes (0) must be in 1..67108864");
    }
}
