package io.grapevine.core.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes wire bytes by hand, independently of {@link WireWriter}, so tests can craft inputs
 * the encoder would never produce (bad magic, huge counts, invalid UTF-8, overlong varints)
 * and check the encoder against bytes written from docs/wire-format.md. {@link #sealed()}
 * appends the CRC-32C trailer so a crafted packet reaches the parser behind the checksum.
 */
final class RawBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The header {@code 'G' 'V' 1 0}, label and sender {@code a@h:7946#1}, as in the docs. */
    static RawBytes packetHeader(String label) {
        return new RawBytes().u8('G').u8('V').u8(1).u8(0).str8(label).node("a", "h", 7946, 1);
    }

    RawBytes u8(int value) {
        out.write(value);
        return this;
    }

    RawBytes u8s(int... values) {
        for (int value : values) {
            out.write(value);
        }
        return this;
    }

    RawBytes u16(int value) {
        return u8(value >>> 8).u8(value & 0xFF);
    }

    RawBytes i32(int value) {
        return u8(value >>> 24).u8((value >>> 16) & 0xFF).u8((value >>> 8) & 0xFF).u8(value & 0xFF);
    }

    /** Unsigned LEB128 of {@code value} read as unsigned (negative values give 10 bytes). */
    RawBytes varint(long value) {
        long v = value;
        while (Long.compareUnsigned(v, 0x80) >= 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    RawBytes str8(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return u8(utf8.length).raw(utf8);
    }

    RawBytes raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    RawBytes node(String name, String host, int port, long generation) {
        return str8(name).str8(host).u16(port).varint(generation);
    }

    /** Appends a frame whose length field is the body's true length. */
    RawBytes frame(int type, RawBytes body) {
        byte[] bytes = body.toArray();
        return u8(type).varint(bytes.length).raw(bytes);
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    /** The bytes so far followed by their CRC-32C, big-endian: a packet the checksum lets through. */
    byte[] sealed() {
        byte[] body = out.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body, 0, body.length);
        return new RawBytes().raw(body).i32((int) crc.getValue()).toArray();
    }

    /** A copy of {@code packet} with its last four bytes replaced by the CRC-32C of the rest. */
    static byte[] reseal(byte[] packet) {
        byte[] copy = packet.clone();
        int body = copy.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(copy, 0, body);
        int value = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            copy[body + i] = (byte) (value >>> (24 - 8 * i));
        }
        return copy;
    }

    /** {@code bytes} as lower-case hex pairs separated by spaces. */
    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }
}
