package io.grapevine.bench.peer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal client of the Serf agent's RPC (msgpack over TCP, as {@code serf} CLI commands use
 * it): a request is a header map {@code {Command, Seq}} followed by an optional body map; the
 * answer is a header map {@code {Seq, Error}} followed, for some commands, by a body. Requests
 * are sent without waiting ({@link #send}); answers are read in order ({@link #awaitReply}).
 * Used by one thread at a time.
 */
final class SerfRpc implements AutoCloseable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private long seq;

    private SerfRpc(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    }

    /** Connects to the agent's RPC port on 127.0.0.1 and shakes hands (protocol version 1). */
    static SerfRpc connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        SerfRpc rpc = new SerfRpc(socket);
        rpc.send("handshake", Map.of("Version", 1));
        rpc.awaitReply(false);
        return rpc;
    }

    /** Sends one request; {@code body} may be empty for commands without one. */
    void send(String command, Map<String, Object> body) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("Command", command);
        header.put("Seq", seq++);
        MsgPack.write(out, header);
        if (!body.isEmpty()) {
            MsgPack.write(out, body);
        }
        out.flush();
    }

    /** Reads one answer (its body too when {@code withBody}); throws on an error answer. */
    Map<String, Object> awaitReply(boolean withBody) throws IOException {
        Object header = MsgPack.read(in);
        if (!(header instanceof Map<?, ?> map)) {
            throw new IOException("unexpected RPC header " + header);
        }
        Object error = map.get("Error");
        if (error instanceof String message && !message.isEmpty()) {
            throw new IOException("serf RPC error: " + message);
        }
        if (withBody && MsgPack.read(in) instanceof Map<?, ?> body) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) body;
            return typed;
        }
        return Map.of();
    }

    /** Requests a join through {@code addresses} (host:port), without replaying old events. */
    void join(List<String> addresses) throws IOException {
        send("join", Map.of("Existing", addresses, "Replay", false));
    }

    /** Requests a user event; not coalesced, so it is delivered as soon as it arrives. */
    void event(String name, byte[] payload) throws IOException {
        send("event", Map.of("Name", name, "Payload", payload, "Coalesce", false));
    }

    /** Requests that tag {@code key} be set to {@code value}. */
    void setTag(String key, String value) throws IOException {
        send("tags", Map.of("Tags", Map.of(key, value), "DeleteTags", List.of()));
    }

    /** Requests a graceful leave (the agent shuts down afterwards). */
    void leave() throws IOException {
        send("leave", Map.of());
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a dead agent's socket: nothing to do
        }
    }
}
