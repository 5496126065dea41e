package io.grapevine.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.CoreConfig;
import io.grapevine.net.Cluster;
import io.grapevine.net.RuntimeDrop;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JunkBurstTest {

    @Test
    void everyJunkDatagramIsCountedAndNobodyIsAdmitted() throws Exception {
        try (Cluster plain = Cluster.builder("junk-plain").bind("127.0.0.1", 0).core(CoreConfig.local()).plaintext()
                .start()) {
            assertThat(JunkBurst.send(plain, System.nanoTime() + TimeUnit.SECONDS.toNanos(20))).isTrue();
            assertThat(plain.metrics().totalDrops()).isGreaterThanOrEqualTo(3L * JunkBurst.PER_KIND);
            // random first bytes are dropped at a glance, the rest by the decoder
            assertThat(plain.metrics().runtimeDrops().get(RuntimeDrop.NOT_A_PACKET)).isGreaterThanOrEqualTo(
                    2L * JunkBurst.PER_KIND);
            assertThat(plain.members()).hasSize(1);
        }
    }

    @Test
    void anEncryptedNodeDropsTheBurstAtDecryption() throws Exception {
        byte[] key = new byte[32];
        key[3] = 7;
        try (Cluster sealed = Cluster.builder("junk-sealed").bind("127.0.0.1", 0).core(CoreConfig.local())
                .encryptionKey(key).start()) {
            assertThat(JunkBurst.send(sealed, System.nanoTime() + TimeUnit.SECONDS.toNanos(20))).isTrue();
            assertThat(sealed.metrics().runtimeDrops().get(RuntimeDrop.DECRYPT_FAILED)).isEqualTo(
                    3L * JunkBurst.PER_KIND);
            assertThat(sealed.members()).hasSize(1);
        }
    }
}
