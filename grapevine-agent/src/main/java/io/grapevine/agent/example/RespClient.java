package io.grapevine.agent.example;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest Redis client the measurement needs: one socket to 127.0.0.1, commands as RESP
 * arrays of bulk strings, replies read back as a String (simple, bulk, integer as text) or a list.
 * An error reply is thrown as an {@link IOException} with Redis's text. Replies are bounded
 * ({@value #MAX_REPLY_BYTES} bytes a string, 100,000 elements an array). Not thread-safe.
 */
final class RespClient implements AutoCloseable {
    private static final int MAX_REPLY_BYTES = 16 << 20;
    private static final int MAX_ELEMENTS = 100_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RespClient(int port, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends {@code args} and returns the reply (a String, a Long, a List, or null for a nil). */
    Object call(String... args) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(bytes);
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(request.toByteArray());
        out.flush();
        return read();
    }

    /** {@link #call} for a reply that is text. */
    String text(String... args) throws IOException {
        return String.valueOf(call(args));
    }

    private Object read() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException("redis: " + line);
            case ':':
                return Long.parseLong(line);
            case '$':
                return bulk(Integer.parseInt(line));
            case '*':
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                if (count > MAX_ELEMENTS) {
                    throw new IOException("redis array too long: " + count);
                }
                List<Object> list = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    list.add(read());
                }
                return list;
            default:
                throw new IOException("not a RESP reply: type " + type);
        }
    }

    private String bulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        if (length > MAX_REPLY_BYTES) {
            throw new IOException("redis reply too long: " + length);
        }
        byte[] data = in.readNBytes(length + 2);
        if (data.length != length + 2) {
            throw new IOException("redis closed mid-reply");
        }
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (line.length() < MAX_REPLY_BYTES) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("redis closed the connection");
            }
            if (c == '\r') {
                in.read();
                return line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("redis line too long");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
