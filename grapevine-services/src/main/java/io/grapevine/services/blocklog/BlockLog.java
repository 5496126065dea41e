package io.grapevine.services.blocklog;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.service.Service;
import io.grapevine.core.service.ServiceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Hyperledger Fabric's block dissemination as a {@link Service}: a log of numbered, hash-chained
 * {@link Block}s produced by one leader ({@link Leadership}: the lowest-named live member, which
 * first takes over the longest chain a live peer holds), spread by push and repaired by pull.
 *
 * <ul>
 *   <li><b>Push.</b> A block is pushed to {@code fanout} random live peers by its producer and by
 *   every node the first time it appends it from a push (a duplicate is never pushed again; the
 *   sender is skipped). Blocks that arrive by pull are not pushed. A pushed block that lands
 *   behind a gap is buffered, and (with {@code gapRepair}) the node asks its sender for the gap
 *   at once, at most once per {@link #GAP_REPAIR_BACKOFF_NANOS}; the buffered blocks are pushed
 *   on when the gap fills and they are verified.
 *   <li><b>Pull.</b> Every {@code pullIntervalNanos} a node sends a hello with its height to
 *   {@code pullPeers} random live peers; a peer holding more answers with a digest of the range
 *   it holds; the asker requests at most {@code maxBlocksPerMessage} blocks it misses from each
 *   digest in turn (never the same range twice in a round) and, once a response is in, asks the
 *   best peer for the next range until it has caught up.
 *   <li><b>Verification.</b> Every block goes through {@link BlockStore#offer} before it is stored
 *   or forwarded: its hash must be the hash of its contents and its previous hash that of the
 *   block before it. A block that fails is dropped, counted ({@link BlockLogStats#rejected()}) and
 *   never forwarded; blocks ahead of a gap wait in a buffer of {@code bufferBlocks}.
 * </ul>
 *
 * <p>Memory is bounded whatever arrives: {@code retainBlocks + bufferBlocks} blocks, a sorted
 * list of the live peers, one pull round. Bad input: a payload that does not decode is counted
 * ({@link ServiceContext#malformed()} and {@link BlockLogStats#malformed()}) and dropped.
 *
 * <p>Threading: the node's thread only, like every service; {@link #view()} and {@link #stats()}
 * are read there too (through {@code callService}) or, in the simulator, between events.
 */
public final class BlockLog implements Service {
    /** The default channel name. */
    public static final String CHANNEL = "blocklog";
    /** Member changes are looked at no more often than this (100 ms): a burst of joins costs one review. */
    static final long REVIEW_INTERVAL_NANOS = 100_000_000L;
    /** A gap repair request goes out at most once per this time (100 ms), however many pushes reveal the gap. */
    public static final long GAP_REPAIR_BACKOFF_NANOS = 100_000_000L;
    /** The nonce of gap repair requests: they belong to no pull round. */
    private static final long REPAIR_NONCE = 0;

    private final String channel;
    private final BlockLogConfig config;
    private final BlockListener listener;
    private final BlockStore store;
    private final LivePeers peers = new LivePeers();
    private final PullRound round = new PullRound();
    private final Leadership leadership;
    private final Counters counters = new Counters();
    private String self = "";
    private boolean started;
    private long nextPullNanos = Long.MAX_VALUE;
    private long nextProduceNanos = Long.MAX_VALUE;
    private long nextReviewNanos = Long.MAX_VALUE;
    private long lastReviewNanos = Long.MIN_VALUE / 2;
    private long lastTickNanos;
    private long lastRepairNanos = Long.MIN_VALUE / 2;

    /** A block log on {@link #CHANNEL} with {@code config}, telling {@code listener} of each appended block. */
    public BlockLog(BlockLogConfig config, BlockListener listener) {
        this(CHANNEL, config, listener);
    }

    /** A block log on {@code channel}. */
    public BlockLog(String channel, BlockLogConfig config, BlockListener listener) {
        this.channel = channel;
        this.config = config;
        this.listener = listener;
        this.store = new BlockStore(config.retainBlocks(), config.bufferBlocks());
        this.leadership = new Leadership(config.takeoverNanos());
    }

    @Override
    public String channel() {
        return channel;
    }

    /** The configuration this log runs. */
    public BlockLogConfig config() {
        return config;
    }

    /**
     * Produces the next block with {@code payload} if this node is the leader and its takeover is
     * over: appends it and pushes it. Empty (nothing done) otherwise.
     *
     * @throws IllegalArgumentException if the payload exceeds {@link Block#MAX_PAYLOAD_BYTES}
     */
    public Optional<Block> produce(Bytes payload, ServiceContext ctx) {
        self = ctx.self();
        if (!leadership.producing()) {
            return Optional.empty();
        }
        Block block = Block.create(store.height() + 1, store.headHash(), self, payload);
        counters.produced++;
        accept(null, block, true, ctx);
        return Optional.of(block);
    }

    /** This node's chain, leader and buffer now. */
    public BlockLogView view() {
        return new BlockLogView(self, store.height(), store.headHash(), leadership.leader(), leadership.producing(),
                store.bufferedCount());
    }

    /** The stored block numbered {@code number}, if it is retained. */
    public Optional<Block> block(long number) {
        return store.block(number);
    }

    /** The retained blocks {@code from..to}, at most {@code max}, in order. */
    public List<Block> blocks(long from, long to, int max) {
        return store.range(from, to, max);
    }

    /** The counters so far. */
    public BlockLogStats stats() {
        return counters.snapshot();
    }

    @Override
    public void onMessage(String from, Bytes payload, ServiceContext ctx) {
        self = ctx.self();
        Optional<BlockMessage> decoded = BlockCodec.decode(payload, config.maxBlocksPerMessage());
        if (decoded.isEmpty()) {
            counters.malformed++;
            ctx.malformed();
            return;
        }
        BlockMessage message = decoded.get();
        switch (message.kind()) {
            case PUSH -> accept(from, ((BlockMessage.Push) message).block(), true, ctx);
            case HELLO -> onHello(from, (BlockMessage.Hello) message, ctx);
            case DIGEST -> onDigest(from, (BlockMessage.Digest) message, ctx);
            case REQUEST -> onRequest(from, (BlockMessage.Request) message, ctx);
            case RESPONSE -> onResponse(from, (BlockMessage.Response) message, ctx);
            default -> throw new IllegalStateException("unknown kind " + message.kind());
        }
    }

    @Override
    public void onMemberChanged(Member member, Change change, ServiceContext ctx) {
        peers.markStale();
        nextReviewNanos = Math.min(nextReviewNanos, Math.max(ctx.nowNanos(), lastReviewNanos + REVIEW_INTERVAL_NANOS));
    }

    @Override
    public long nextDeadlineNanos() {
        if (!started) {
            return 0; // the first tick comes at once and schedules the rest
        }
        long next = Math.min(nextPullNanos, nextReviewNanos);
        next = Math.min(next, leadership.deadlineNanos(lastTickNanos));
        return leadership.producing() ? Math.min(next, nextProduceNanos) : next;
    }

    @Override
    public void onTick(ServiceContext ctx) {
        long now = ctx.nowNanos();
        self = ctx.self();
        lastTickNanos = now;
        if (!started) {
            started = true;
            nextReviewNanos = now;
            nextPullNanos = config.pullIntervalNanos() == 0 ? Long.MAX_VALUE
                    : now + 1 + ctx.random().nextLong(config.pullIntervalNanos());
        }
        if (now >= nextReviewNanos) {
            review(ctx);
        }
        maybeStartProducing(ctx);
        if (leadership.producing() && config.produceIntervalNanos() > 0 && now >= nextProduceNanos) {
            nextProduceNanos = now + config.produceIntervalNanos();
            produce(Bytes.copyOf(("block at " + now).getBytes(StandardCharsets.UTF_8)), ctx);
        }
        if (now >= nextPullNanos) {
            nextPullNanos = now + config.pullIntervalNanos();
            if (!leadership.inTakeover()) {
                startRound(peers.sample(config.pullPeers(), null, ctx), ctx);
            }
        }
    }

    private void review(ServiceContext ctx) {
        long now = ctx.nowNanos();
        lastReviewNanos = now;
        nextReviewNanos = Long.MAX_VALUE;
        List<String> live = peers.names(ctx);
        if (leadership.review(self, live, now) == Leadership.Step.TAKE_OVER) {
            counters.takeovers++;
            startRound(live, ctx); // a takeover asks every live peer what it holds
        }
    }

    private void maybeStartProducing(ServiceContext ctx) {
        long now = ctx.nowNanos();
        if (leadership.finishTakeover(store.height(), round.bestHigh(), now)) {
            nextProduceNanos = now;
            ctx.emit(new LeaderChanged(self, store.height()));
        }
    }

    private void startRound(List<String> targets, ServiceContext ctx) {
        round.start(ctx.random().nextLong(), store.height());
        BlockMessage.Hello hello = new BlockMessage.Hello(round.nonce(), store.height());
        for (String peer : targets) {
            send(peer, hello, ctx);
        }
    }

    private void onHello(String from, BlockMessage.Hello hello, ServiceContext ctx) {
        if (store.height() > hello.height()) {
            send(from, new BlockMessage.Digest(hello.nonce(), store.lowestRetained(), store.height()), ctx);
        }
    }

    private void onDigest(String from, BlockMessage.Digest digest, ServiceContext ctx) {
        if (!round.matches(digest.nonce()) || digest.low() > digest.high()) {
            return; // a late answer to an older round, or an empty range
        }
        round.heard(from, digest.low(), digest.high());
        requestFrom(from, digest.low(), digest.high(), ctx);
    }

    private void requestFrom(String peer, long low, long high, ServiceContext ctx) {
        long[] range = round.claimRange(store.height(), low, high, config.maxBlocksPerMessage());
        if (range[0] <= range[1]) {
            send(peer, new BlockMessage.Request(round.nonce(), range[0], range[1]), ctx);
        }
    }

    private void onRequest(String from, BlockMessage.Request request, ServiceContext ctx) {
        List<Block> blocks = store.range(request.from(), request.to(), config.maxBlocksPerMessage());
        if (!blocks.isEmpty()) {
            counters.blocksServed += blocks.size();
            send(from, new BlockMessage.Response(request.nonce(), blocks), ctx);
        }
    }

    private void onResponse(String from, BlockMessage.Response response, ServiceContext ctx) {
        for (Block block : response.blocks()) {
            accept(from, block, false, ctx);
        }
        if (round.matches(response.nonce()) && store.height() >= round.requestedThrough()
                && round.bestHigh() > store.height() && round.bestPeer() != null) {
            requestFrom(round.bestPeer(), round.bestLow(), round.bestHigh(), ctx);
        }
        maybeStartProducing(ctx);
    }

    /**
     * Offers {@code block} (from {@code from}, null when produced here) to the store. Pushes what
     * it appended when {@code pushed} (the block came by push or was produced here), and always
     * the buffered blocks it unblocked (they came by push and are appended, so verified, for the
     * first time now). A pushed block buffered behind a gap asks its sender for the gap.
     */
    private void accept(String from, Block block, boolean pushed, ServiceContext ctx) {
        BlockStore.Offer offer = store.offer(block);
        counters.rejected += offer.bufferedRejected();
        switch (offer.verdict()) {
            case APPENDED -> {
                List<Block> appended = offer.appended();
                for (int i = 0; i < appended.size(); i++) {
                    counters.appended++;
                    listener.appended(self, appended.get(i), ctx.nowNanos());
                    if (pushed || i > 0) {
                        push(appended.get(i), from, ctx);
                    }
                }
            }
            case BUFFERED -> {
                if (pushed && from != null) {
                    repairGap(from, block.number() - 1, ctx);
                }
            }
            case DUPLICATE -> counters.duplicates++;
            case TAMPERED, BROKEN_LINK, CONFLICT -> counters.rejected++;
            case OUT_OF_WINDOW -> counters.outOfWindow++;
            case STALE -> { }
            default -> throw new IllegalStateException("unknown verdict " + offer.verdict());
        }
    }

    private void push(Block block, String from, ServiceContext ctx) {
        if (config.fanout() == 0) {
            return;
        }
        BlockMessage.Push message = new BlockMessage.Push(block);
        for (String peer : peers.sample(config.fanout(), from, ctx)) {
            send(peer, message, ctx);
        }
    }

    /** Asks {@code sender}, which holds the chain up to {@code through}, for the blocks after this node's height. */
    private void repairGap(String sender, long through, ServiceContext ctx) {
        long now = ctx.nowNanos();
        if (!config.gapRepair() || now < lastRepairNanos + GAP_REPAIR_BACKOFF_NANOS) {
            return;
        }
        lastRepairNanos = now;
        long from = store.height() + 1;
        long to = Math.min(through, store.height() + config.maxBlocksPerMessage());
        if (from <= to) {
            send(sender, new BlockMessage.Request(REPAIR_NONCE, from, to), ctx);
        }
    }

    private void send(String peer, BlockMessage message, ServiceContext ctx) {
        Bytes payload = BlockCodec.encode(message);
        if (!ctx.send(peer, payload)) {
            return;
        }
        counters.bytesSent += payload.length();
        switch (message.kind()) {
            case PUSH -> counters.pushesSent++;
            case HELLO -> counters.hellosSent++;
            case DIGEST -> counters.digestsSent++;
            case REQUEST -> counters.requestsSent++;
            case RESPONSE -> counters.responsesSent++;
            default -> throw new IllegalStateException("unknown kind " + message.kind());
        }
    }

    /** The mutable counters behind {@link BlockLogStats}. */
    private static final class Counters {
        long appended;
        long produced;
        long duplicates;
        long rejected;
        long outOfWindow;
        long malformed;
        long pushesSent;
        long hellosSent;
        long digestsSent;
        long requestsSent;
        long responsesSent;
        long blocksServed;
        long bytesSent;
        long takeovers;

        BlockLogStats snapshot() {
            return new BlockLogStats(appended, produced, duplicates, rejected, outOfWindow, malformed, pushesSent,
                    hellosSent, digestsSent, requestsSent, responsesSent, blocksServed, bytesSent, takeovers);
        }
    }
}
