package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.CoreConfig;
import io.grapevine.core.base.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetConfigTest {
    private static NetConfig withSeeds(String... seeds) {
        return new NetConfig("n", "127.0.0.1", 0, "", 0, List.of(seeds), CoreConfig.local(), true,
                200_000_000L, 5_000_000_000L, 60_000_000_000L, 5_000_000_000L, "", false);
    }

    @Test
    void seedsAreParsedAsTheCoreParsesAddresses() {
        NetConfig config = withSeeds("10.0.0.1:7946", "[::1]:7000", "seed.example:7946");

        assertThat(config.seeds()).containsExactly("10.0.0.1:7946", "[::1]:7000", "seed.example:7946");
        assertThat(NetConfig.parseSeed("[::1]:7000")).isEqualTo(new Address("::1", 7000));
        assertThat(NetConfig.parseSeed("seed.example:7946")).isEqualTo(Address.parse("seed.example:7946"));
    }

    @Test
    void aSeedWithoutAPortIsRejectedNamingTheField() {
        assertThatThrownBy(() -> withSeeds("seed.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("seeds entry must be host:port: seed.example (");
        assertThatThrownBy(() -> withSeeds(":7946"))
                .hasMessageStartingWith("seeds entry must be host:port: :7946 (");
    }

    @Test
    void aSeedWithABadPortIsRejectedNamingTheFieldAndTheReason() {
        assertThatThrownBy(() -> withSeeds("seed.example:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("seeds entry must be host:port: seed.example:x (")
                .hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> withSeeds("seed.example:99999"))
                .hasMessageStartingWith("seeds entry must be host:port: seed.example:99999 (")
                .hasMessageContaining("0..65535");
    }
}
