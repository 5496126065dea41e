package io.grapevine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The pipeline's decrypt step, before the handler that hands bytes to the runtime: opens each
 * sealed datagram ({@link DatagramPacket}, passed on with the same sender and recipient) or
 * stream frame ({@link ByteBuf}, after length framing) with {@link PacketCipher}, trying every
 * installed key, and passes the plaintext on.
 *
 * <p>A packet too short for the sealed format or not of its version is dropped without being
 * copied, so junk costs no allocation. Bad input never throws: a packet no installed key authenticates (wrong key, another
 * cluster's label, forged, truncated, garbage) is released, dropped and reported as
 * {@link RuntimeDrop#DECRYPT_FAILED} to the drop sink (the runtime counts and logs it,
 * rate-limited). Installed only when encryption is on; a plaintext node has no such handler.
 *
 * <p>One instance per channel (the decoder keeps per-channel read state); the cipher may be
 * shared by the instances of one node because all its channels run on its one event loop, to
 * which the cipher is confined.
 */
final class PacketOpener extends MessageToMessageDecoder<Object> {
    private final PacketCipher cipher;
    private final Consumer<RuntimeDrop> drops;

    PacketOpener(PacketCipher cipher, Consumer<RuntimeDrop> drops) {
        super(Object.class);
        this.cipher = cipher;
        this.drops = drops;
    }

    /** Only datagrams and frames are opened; anything else passes by untouched. */
    @Override
    public boolean acceptInboundMessage(Object message) {
        return message instanceof DatagramPacket || message instanceof ByteBuf;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, Object message, List<Object> out) {
        // no capturing lambdas: junk is dropped here without allocating
        if (message instanceof DatagramPacket packet) {
            Optional<byte[]> plain = open(packet.content());
            if (plain.isPresent()) {
                out.add(new DatagramPacket(Unpooled.wrappedBuffer(plain.get()), packet.recipient(), packet.sender()));
            }
        } else {
            Optional<byte[]> plain = open((ByteBuf) message);
            if (plain.isPresent()) {
                out.add(Unpooled.wrappedBuffer(plain.get()));
            }
        }
    }

    private Optional<byte[]> open(ByteBuf sealed) {
        Optional<byte[]> plain = sealed.isReadable()
                && PacketCipher.mayBeSealed(sealed.readableBytes(), sealed.getByte(sealed.readerIndex()))
                ? cipher.open(ByteBufUtil.getBytes(sealed)) : Optional.empty();
        if (plain.isEmpty()) {
            drops.accept(RuntimeDrop.DECRYPT_FAILED);
        }
        return plain;
    }
}
