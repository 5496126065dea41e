package io.grapevine.net.store;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.keyspace.KeyStore;
import io.grapevine.core.wire.SharedEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A {@link KeyStore} in an H2 MVStore file ({@code shared.mv.db} in the data directory): an
 * embedded, pure-Java, log-structured store whose file is always consistent (a crash loses at
 * most the writes since the last commit, never the file). Entries are one map keyed by the
 * 16 hex digits of the key hash followed by the key, which sorts exactly as the
 * {@link KeyStore} contract asks (unsigned hash, then key), so a range or a Merkle leaf is one
 * cursor walk; the named numbers are a second map.
 *
 * <p>Writes are committed by MVStore's background writer about once a second, and by
 * {@link #commit()} and {@link #close()}. Called on the node's event loop; MVStore itself is
 * thread-safe. A failing disk throws an {@link UncheckedIOException} or MVStore's
 * {@code MVStoreException}: the node's failure, not the peer's input.
 */
public final class MvKeyStore implements KeyStore, AutoCloseable {
    /** The file name in the data directory. */
    public static final String FILE = "shared.mv.db";

    private final MVStore store;
    private final MVMap<String, byte[]> entries;
    private final MVMap<String, Long> meta;

    private MvKeyStore(MVStore store) {
        this.store = store;
        this.entries = store.openMap("entries");
        this.meta = store.openMap("meta");
    }

    /** Opens (or creates) the store in {@code dataDirectory}, creating the directory if needed. */
    public static MvKeyStore open(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
        return new MvKeyStore(new MVStore.Builder().fileName(dataDirectory.resolve(FILE).toString()).open());
    }

    private static String slot(long hash, String key) {
        return String.format("%016x", hash) + key;
    }

    private static long hashOf(String slot) {
        return Long.parseUnsignedLong(slot, 0, 16, 16);
    }

    @Override
    public SharedEntry get(long keyHash, String key) {
        byte[] encoded = entries.get(slot(keyHash, key));
        return encoded == null ? null : decode(key, encoded);
    }

    @Override
    public void put(long keyHash, SharedEntry entry) {
        entries.put(slot(keyHash, entry.key()), encode(entry));
    }

    @Override
    public void remove(long keyHash, String key) {
        entries.remove(slot(keyHash, key));
    }

    @Override
    public void scan(long fromHash, long toHash, Consumer<SharedEntry> visitor) {
        Cursor<String, byte[]> cursor = entries.cursor(String.format("%016x", fromHash));
        while (cursor.hasNext()) {
            String slot = cursor.next();
            if (Long.compareUnsigned(hashOf(slot), toHash) > 0) {
                return;
            }
            visitor.accept(decode(slot.substring(16), cursor.getValue()));
        }
    }

    @Override
    public long size() {
        return entries.sizeAsLong();
    }

    @Override
    public long meta(String name) {
        Long value = meta.get(name);
        return value == null ? 0 : value;
    }

    @Override
    public void meta(String name, long value) {
        meta.put(name, value);
    }

    /** Makes every write so far durable now. */
    public void commit() {
        store.commit();
    }

    /** Commits and closes the file. */
    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    /** writer (u16 length + UTF-8) | hlc i64 | tombstone u8 | value (the rest). */
    private static byte[] encode(SharedEntry entry) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + entry.value().length());
            DataOutputStream out = new DataOutputStream(bytes);
            byte[] writer = entry.writer().getBytes(StandardCharsets.UTF_8);
            out.writeShort(writer.length);
            out.write(writer);
            out.writeLong(entry.hlc());
            out.writeBoolean(entry.tombstone());
            out.write(entry.value().toArray());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SharedEntry decode(String key, byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        byte[] writer = new byte[in.getShort() & 0xFFFF];
        in.get(writer);
        long hlc = in.getLong();
        boolean tombstone = in.get() != 0;
        Bytes value = Bytes.copyOf(encoded, in.position(), in.remaining());
        return new SharedEntry(key, value, hlc, new String(writer, StandardCharsets.UTF_8), tombstone);
    }
}
