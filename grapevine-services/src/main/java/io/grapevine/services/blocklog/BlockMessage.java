package io.grapevine.services.blocklog;

import java.util.List;

/**
 * The block log's messages between members, after Fabric's push and pull: a pushed block; and a
 * pull in four steps, hello (the asker's height) → digest (the range the answerer holds, sent only
 * when it holds more) → request (a range of at most {@code maxBlocksPerMessage}) → response (the
 * blocks). The nonce ties a digest to the asker's round. Encoded by {@link BlockCodec}.
 */
public sealed interface BlockMessage {
    /** The message's type, for exhaustive switches. */
    Kind kind();

    /** The message types, with their wire codes. */
    enum Kind {
        /** A block pushed on arrival. */
        PUSH,
        /** A pull round's opening: the asker's nonce and height. */
        HELLO,
        /** The range of block numbers the answerer holds. */
        DIGEST,
        /** A range of block numbers the asker wants. */
        REQUEST,
        /** The blocks of a request that the answerer holds. */
        RESPONSE
    }

    /** A block pushed to a peer. */
    record Push(Block block) implements BlockMessage {
        @Override
        public Kind kind() {
            return Kind.PUSH;
        }
    }

    /** Opens a pull round: the asker's nonce and the height of its chain. */
    record Hello(long nonce, long height) implements BlockMessage {
        @Override
        public Kind kind() {
            return Kind.HELLO;
        }
    }

    /** Answers a hello: the answerer holds blocks {@code low..high} (its retained window). */
    record Digest(long nonce, long low, long high) implements BlockMessage {
        @Override
        public Kind kind() {
            return Kind.DIGEST;
        }
    }

    /** Asks for blocks {@code from..to}. */
    record Request(long nonce, long from, long to) implements BlockMessage {
        @Override
        public Kind kind() {
            return Kind.REQUEST;
        }
    }

    /** The requested blocks the answerer holds, in order. */
    record Response(long nonce, List<Block> blocks) implements BlockMessage {
        /** Copies the list. */
        public Response {
            blocks = List.copyOf(blocks);
        }

        @Override
        public Kind kind() {
            return Kind.RESPONSE;
        }
    }
}
