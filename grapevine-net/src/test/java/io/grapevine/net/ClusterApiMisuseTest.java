package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.CoreConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API misuse reaches the caller as a failed future, and is not a core failure. One loopback node. */
class ClusterApiMisuseTest {
    private final Cluster node = Cluster.builder("solo").bind("127.0.0.1", 0).plaintext()
            .core(CoreConfig.local()).start();

    @AfterEach
    void close() {
        node.close();
    }

    @Test
    void anOversizedEventFailsTheCallersFutureAndIsNotACoreFailure() {
        int tooLarge = CoreConfig.local().gossip().maxEventPayloadBytes() + 1;

        CompletableFuture<?> broadcast = node.broadcast("deploy", new byte[tooLarge]);

        assertThat(broadcast).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(node.metrics().coreFailures()).isZero();
        assertThat(node.broadcast("deploy", new byte[1])).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aMalformedSeedFailsTheJoinAtOnceNamingTheEntry() {
        CompletableFuture<Integer> join = node.join(List.of("127.0.0.1:7946", "seed.example"));

        assertThat(join).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
                .isInstanceOf(IllegalArgumentException.class)
                .withMessageStartingWith("seeds entry must be host:port: seed.example (");
        assertThat(node.metrics().coreFailures()).isZero();
    }
}
