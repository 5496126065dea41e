package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.core.ClusterEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding example of docs/getting-started.md, compiled and run by the build. */
class GettingStartedExample {
    @Test
    void theExampleRuns() throws Exception {
        byte[] key = Keyring.decode("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");
        // --- example begins ---
        Cluster seed = Cluster.builder("billing-1").bind("127.0.0.1", 0).encryptionKey(key).start();
        Cluster node = Cluster.builder("billing-2").bind("127.0.0.1", 0).encryptionKey(key)
                .listener(event -> {
                    if (event instanceof ClusterEvent.MemberChanged change) {
                        System.out.println(change.member().name() + " is " + change.member().status());
                    }
                })
                .start();
        node.join(List.of("127.0.0.1:" + seed.boundAddress().getPort())).get();  // completes once admitted

        seed.put("load", "0.42".getBytes(StandardCharsets.UTF_8)).get();          // replicated key/value
        seed.broadcast("deploy", "v2".getBytes(StandardCharsets.UTF_8)).get();    // fire-and-forget event

        await().atMost(Duration.ofSeconds(10)).until(() -> node.get("billing-1", "load").isPresent());
        System.out.println("members: " + node.liveMembers());

        node.leave().get();   // others see "left", not "failed"
        node.close();
        seed.close();
        // --- example ends ---
        assertThat(seed.id().name()).isEqualTo("billing-1");
    }
}
