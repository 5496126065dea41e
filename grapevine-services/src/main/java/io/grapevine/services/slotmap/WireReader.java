package io.grapevine.services.slotmap;

import io.grapevine.core.base.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * Bounded reads from a peer's bytes: every read checks the bytes left and reports failure instead
 * of throwing, so decoding is total. Package-private helper of the codecs.
 */
final class WireReader {
    /** Longest name a payload may carry, in UTF-8 bytes (the core's member-name bound). */
    static final int MAX_NAME_BYTES = 255;

    private final byte[] data;
    private int position;
    private boolean failed;

    WireReader(Bytes bytes) {
        this.data = bytes.toArray();
    }

    boolean failed() {
        return failed;
    }

    boolean atEnd() {
        return position == data.length;
    }

    int readByte() {
        if (!has(1)) {
            return 0;
        }
        return data[position++] & 0xff;
    }

    int readShort() {
        if (!has(2)) {
            return 0;
        }
        int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    long readLong() {
        if (!has(8)) {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position + i] & 0xff);
        }
        position += 8;
        return value;
    }

    String readName() {
        int length = readByte();
        if (!has(length)) {
            return "";
        }
        String name = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return name;
    }

    private boolean has(int count) {
        if (failed || data.length - position < count) {
            failed = true;
            return false;
        }
        return true;
    }
}
