package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GarbageFloodTest {

    @Test
    void onlyLoopbackAddressesAreTargets() {
        assertThatThrownBy(() -> new GarbageFlood(List.of(new InetSocketAddress("192.0.2.1", 7946)), 1_000, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    @Test
    void floodsEveryTargetWithDatagramsWithinTheSizeBoundsUntilStopped() throws Exception {
        try (DatagramChannel first = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel second = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            first.configureBlocking(false);
            second.configureBlocking(false);
            GarbageFlood flood = new GarbageFlood(List.of((InetSocketAddress) first.getLocalAddress(),
                    (InetSocketAddress) second.getLocalAddress()), 60_000, 7);
            flood.start();
            ByteBuffer buffer = ByteBuffer.allocate(65_536);
            int[] received = new int[2];
            int[] smallest = {Integer.MAX_VALUE};
            int[] largest = {0};
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                DatagramChannel[] channels = {first, second};
                for (int k = 0; k < 2_000; k++) {
                    int i = k % 2;
                    buffer.clear();
                    if (channels[i].receive(buffer) != null) {
                        received[i]++;
                        smallest[0] = Math.min(smallest[0], buffer.position());
                        largest[0] = Math.max(largest[0], buffer.position());
                    }
                }
                return received[0] >= 100 && received[1] >= 100;
            });
            flood.stop();
            assertThat(flood.sent()).isGreaterThanOrEqualTo(200);
            assertThat(flood.ratePerSecond()).isPositive();
            assertThat(smallest[0]).isGreaterThanOrEqualTo(GarbageFlood.MIN_BYTES);
            assertThat(largest[0]).isLessThanOrEqualTo(GarbageFlood.MAX_BYTES);
        }
    }
}
