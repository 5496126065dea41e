package io.grapevine.services.slotmap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writes for the codecs; the counterpart of {@link WireReader}. Package-private. */
final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    WireWriter writeByte(int value) {
        out.write(value);
        return this;
    }

    WireWriter writeShort(int value) {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    WireWriter writeLong(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    WireWriter writeName(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > WireReader.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("a name is at most 255 UTF-8 bytes: " + name);
        }
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
        return this;
    }

    byte[] toArray() {
        return out.toByteArray();
    }
}
