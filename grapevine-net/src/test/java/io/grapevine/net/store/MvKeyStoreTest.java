package io.grapevine.net.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.keyspace.KeyStore;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.MemoryKeyStore;
import io.grapevine.core.wire.SharedEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent store keeps the {@link KeyStore} contract, exactly as the in-memory one does, and survives a reopen. */
class MvKeyStoreTest {
    @TempDir
    Path dir;

    private static SharedEntry entry(int i) {
        return i % 5 == 0 ? SharedEntry.tombstone("k" + i, 1_000 + i, "w")
                : new SharedEntry("k" + i, Bytes.copyOf(new byte[] {(byte) i, 2, 3}), 1_000 + i, "writer-" + (i % 3),
                        false);
    }

    private static void fill(KeyStore store) {
        for (int i = 0; i < 500; i++) {
            store.put(Keyspace.hashOf("k" + i), entry(i));
        }
        store.remove(Keyspace.hashOf("k7"), "k7");
        store.meta("horizon.3", 77);
    }

    private static List<SharedEntry> scan(KeyStore store, long from, long to) {
        List<SharedEntry> seen = new ArrayList<>();
        store.scan(from, to, seen::add);
        return seen;
    }

    @Test
    void itScansAndAnswersExactlyAsTheMemoryStoreDoes() {
        MemoryKeyStore memory = new MemoryKeyStore();
        fill(memory);
        try (MvKeyStore disk = MvKeyStore.open(dir)) {
            fill(disk);
            assertThat(disk.size()).isEqualTo(memory.size()).isEqualTo(499);
            assertThat(scan(disk, 0, -1)).isEqualTo(scan(memory, 0, -1));
            assertThat(scan(disk, 0x4000_0000_0000_0000L, 0x8fff_ffff_ffff_ffffL))
                    .isEqualTo(scan(memory, 0x4000_0000_0000_0000L, 0x8fff_ffff_ffff_ffffL)).isNotEmpty();
            assertThat(disk.get(Keyspace.hashOf("k10"), "k10")).isEqualTo(entry(10));
            assertThat(disk.get(Keyspace.hashOf("k7"), "k7")).isNull();
            assertThat(disk.meta("horizon.3")).isEqualTo(77);
            assertThat(disk.meta("absent")).isZero();
        }
    }

    @Test
    void whatWasWrittenIsThereAfterAReopenAndASecondOpenerIsRefused() {
        try (MvKeyStore disk = MvKeyStore.open(dir)) {
            fill(disk);
            assertThatThrownBy(() -> MvKeyStore.open(dir)).isInstanceOf(RuntimeException.class);
        }
        try (MvKeyStore again = MvKeyStore.open(dir)) {
            assertThat(again.size()).isEqualTo(499);
            assertThat(again.get(Keyspace.hashOf("k11"), "k11")).isEqualTo(entry(11));
            assertThat(again.meta("horizon.3")).isEqualTo(77);
        }
    }
}
