package io.grapevine.services.slotmap;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.service.Service;
import io.grapevine.core.service.ServiceContext;
import io.grapevine.core.state.KeyChange;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Redis Cluster's slot map as a Grapevine service: each node claims slot ranges with its
 * <em>config epoch</em> and publishes them, with the highest epoch it has seen (Redis's
 * currentEpoch), its role, its replication offset and the members it holds PFAIL, in one key of
 * the replicated state ({@value #KEY}), spread by direct mail, rumor and anti-entropy. Every node
 * resolves what it holds into a {@link SlotMapView}.
 *
 * <p>Rules, as Redis's: a node that takes slots ({@link #claim}) first bumps its epochs above
 * every epoch it has seen, so its claim wins; a node that sees a slot it claims won by another
 * drops it, and a master that so loses its last slot becomes a replica of the winner; two masters
 * with equal config epochs are resolved by the one with the lower name bumping its epoch
 * (clusterHandleConfigEpochCollision). A node is FAIL when a majority of slot owners flag it. A
 * replica ({@link #replicate}) whose master is FAIL waits {@code base + random + rank × rankDelay}
 * (rank 0 for the highest replication offset), bumps currentEpoch, asks every slot owner for a
 * vote, and with a majority of them takes its master's slots with that epoch. A master votes
 * once per epoch, only for a replica of a master it holds FAIL, and not twice for the same master
 * within 2× the node timeout. Joining is the core's: join through any member (Redis's MEET).
 *
 * <p>Threading: the node's thread only (drive it with {@code callService}); {@link #view()} returns
 * an immutable value safe to hand to other threads. Bad input: an undecodable announcement or
 * vote message is counted ({@code ctx.malformed()}) and ignored. Memory: at most
 * {@link SlotMapConfig#maxNodes()} peers' announcements and voting records are kept.
 */
public final class SlotMap implements Service {
    /** The service's channel. */
    public static final String CHANNEL = "slotmap";
    /** The replicated-state key each node announces itself under. */
    public static final String KEY = "node";

    private final SlotMapConfig config;
    private final Map<String, Announcement> peers = new TreeMap<>();
    private final Map<String, Long> votedAtByMaster = new TreeMap<>();
    private final SortedSet<String> votes = new TreeSet<>();
    private final BitSet claims = new BitSet(KeySlot.SLOTS);
    private long currentEpoch;
    private long configEpoch;
    private String master = "";
    private long replicationOffset;
    private long lastVoteEpoch;
    private int lastMasterSlot = -1;
    private long electionAtNanos = Long.MAX_VALUE;
    private long electionEpoch;
    private long electionDeadlineNanos = Long.MAX_VALUE;
    private long retryAtNanos = Long.MAX_VALUE;
    private int votesNeeded;
    private long electionsWon;
    private long votesGranted;
    private Announcement published;
    private SlotMapView view = SlotMapView.empty();

    /** A slot map with {@code config}'s timings. */
    public SlotMap(SlotMapConfig config) {
        this.config = config;
    }

    /** A slot map with Redis's default timings. */
    public SlotMap() {
        this(SlotMapConfig.defaults());
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** This node's current view (immutable). */
    public SlotMapView view() {
        return view;
    }

    /** The highest epoch this node has seen. */
    public long currentEpoch() {
        return currentEpoch;
    }

    /** The epoch of this node's claims. */
    public long configEpoch() {
        return configEpoch;
    }

    /** How many elections this node has won (its failovers). */
    public long electionsWon() {
        return electionsWon;
    }

    /** How many votes this node has granted to replicas. */
    public long votesGranted() {
        return votesGranted;
    }

    /**
     * Takes {@code ranges} (an assignment, or the target side of a move): bumps currentEpoch and
     * sets the config epoch to it, so this claim beats every claim seen so far. A replica that
     * claims becomes a master.
     */
    public void claim(List<SlotRange> ranges, ServiceContext ctx) {
        currentEpoch++;
        configEpoch = currentEpoch;
        claims.or(SlotRange.toBits(ranges));
        master = "";
        cancelElection();
        settle(ctx);
    }

    /**
     * Makes this node a replica of {@code newMaster}: it drops its claims. @throws
     * IllegalArgumentException if {@code newMaster} is this node or blank
     */
    public void replicate(String newMaster, ServiceContext ctx) {
        if (newMaster.isBlank() || newMaster.equals(ctx.self())) {
            throw new IllegalArgumentException("a node replicates another member: " + newMaster);
        }
        master = newMaster;
        claims.clear();
        lastMasterSlot = -1;
        cancelElection();
        settle(ctx);
    }

    /** The application's replication offset (data received from the master), announced to the others. */
    public void setReplicationOffset(long offset, ServiceContext ctx) {
        replicationOffset = offset;
        settle(ctx);
    }

    @Override
    public void onStateChanged(KeyChange change, ServiceContext ctx) {
        if (!change.key().equals(KEY)) {
            return;
        }
        String owner = change.owner().name();
        if (change.deleted()) {
            peers.remove(owner);
        } else {
            Optional<Announcement> decoded = Announcement.decode(change.value());
            if (decoded.isEmpty()) {
                ctx.malformed();
                return;
            }
            if (decoded.get().equals(peers.get(owner))) {
                return; // nothing new (a repeat by anti-entropy): the view stands
            }
            if (peers.containsKey(owner) || peers.size() < config.maxNodes()) {
                peers.put(owner, decoded.get());
                Announcement a = decoded.get();
                currentEpoch = Math.max(currentEpoch, Math.max(a.currentEpoch(), a.configEpoch()));
            }
        }
        settle(ctx);
    }

    @Override
    public void onMemberChanged(Member member, Change change, ServiceContext ctx) {
        if (published == null || !own(ctx).pfail().equals(published.pfail())) {
            settle(ctx); // only this node's PFAIL set depends on the member table
        }
    }

    @Override
    public void onMessage(String from, Bytes payload, ServiceContext ctx) {
        Optional<VoteMessage> decoded = VoteMessage.decode(payload);
        if (decoded.isEmpty()) {
            ctx.malformed();
            return;
        }
        VoteMessage message = decoded.get();
        if (message.grant()) {
            onGrant(from, message, ctx);
        } else {
            onVoteRequest(from, message, ctx);
        }
        settle(ctx);
    }

    @Override
    public void onTick(ServiceContext ctx) {
        long now = ctx.nowNanos();
        if (now >= retryAtNanos) {
            retryAtNanos = Long.MAX_VALUE;
        }
        if (electionEpoch != 0 && now >= electionDeadlineNanos) {
            electionEpoch = 0; // lost or timed out: Redis retries after the timeout again
            electionDeadlineNanos = Long.MAX_VALUE;
            electionAtNanos = Long.MAX_VALUE;
            retryAtNanos = now + config.electionTimeoutNanos();
        }
        settle(ctx);
    }

    @Override
    public long nextDeadlineNanos() {
        if (electionEpoch != 0) {
            return electionDeadlineNanos;
        }
        return Math.min(electionAtNanos, retryAtNanos);
    }

    private void onVoteRequest(String from, VoteMessage request, ServiceContext ctx) {
        currentEpoch = Math.max(currentEpoch, request.epoch());
        long now = ctx.nowNanos();
        Optional<ClusterNodeInfo> requester = view.node(from);
        Optional<ClusterNodeInfo> failed = view.node(request.master());
        Long votedAt = votedAtByMaster.get(request.master());
        boolean refuse = !isSlotOwner(ctx.self())
                || request.epoch() < currentEpoch
                || lastVoteEpoch == currentEpoch
                || requester.isEmpty() || !requester.get().master().equals(Optional.of(request.master()))
                || failed.isEmpty() || !failed.get().failed() || failed.get().ranges().isEmpty()
                || (votedAt != null && now - votedAt < 2 * config.nodeTimeoutNanos());
        if (refuse) {
            return;
        }
        lastVoteEpoch = currentEpoch;
        votesGranted++;
        if (votedAtByMaster.containsKey(request.master()) || votedAtByMaster.size() < config.maxNodes()) {
            votedAtByMaster.put(request.master(), now);
        }
        ctx.sendReliable(from, new VoteMessage(true, request.epoch(), request.master()).encode());
    }

    private void onGrant(String from, VoteMessage grant, ServiceContext ctx) {
        if (electionEpoch == 0 || grant.epoch() != electionEpoch || !grant.master().equals(master)
                || !isSlotOwner(from)) {
            return;
        }
        votes.add(from);
        if (votes.size() >= votesNeeded) {
            win(ctx);
        }
    }

    private void win(ServiceContext ctx) {
        Optional<ClusterNodeInfo> old = view.node(master);
        if (old.isPresent()) {
            claims.or(SlotRange.toBits(old.get().ranges()));
        }
        configEpoch = Math.max(configEpoch, electionEpoch);
        ctx.emit(new Promoted(ctx.self(), master, electionEpoch));
        master = "";
        electionsWon++;
        cancelElection();
    }

    private boolean isSlotOwner(String name) {
        Optional<ClusterNodeInfo> info = view.node(name);
        return info.isPresent() && !info.get().ranges().isEmpty();
    }

    private void cancelElection() {
        electionAtNanos = Long.MAX_VALUE;
        electionEpoch = 0;
        electionDeadlineNanos = Long.MAX_VALUE;
        votes.clear();
    }

    /** Re-resolves the view, applies the rules it triggers, schedules elections, publishes. */
    private void settle(ServiceContext ctx) {
        for (int round = 0; round < 4; round++) {
            view = SlotMapView.resolve(announcements(ctx), view);
            if (!react(ctx)) {
                break;
            }
        }
        scheduleElection(ctx);
        Announcement mine = own(ctx);
        if (!mine.equals(published)) {
            ctx.put(KEY, mine.encode());
            published = mine;
        }
    }

    private Map<String, Announcement> announcements(ServiceContext ctx) {
        Map<String, Announcement> all = new TreeMap<>(peers);
        all.put(ctx.self(), own(ctx));
        return all;
    }

    private Announcement own(ServiceContext ctx) {
        SortedSet<String> pfail = new TreeSet<>();
        // only slot owners' reports count towards FAIL (as in Redis, masters'), so a node that
        // claims no slots keeps its PFAIL set to itself: one write less per suspicion per replica
        for (Member member : claims.isEmpty() ? List.<Member>of() : ctx.members()) {
            MemberStatus status = member.status();
            if (!member.name().equals(ctx.self()) && (status == MemberStatus.SUSPECT || status == MemberStatus.DEAD)) {
                pfail.add(member.name());
            }
        }
        return new Announcement(currentEpoch, configEpoch, master, replicationOffset, SlotRange.fromBits(claims), pfail);
    }

    /** Applies the rules the new view triggers; true if this node's announcement changed. */
    private boolean react(ServiceContext ctx) {
        String self = ctx.self();
        boolean changed = false;
        String winner = null;
        for (int slot = claims.nextSetBit(0); slot >= 0; slot = claims.nextSetBit(slot + 1)) {
            String owner = view.ownerOrNull(slot);
            if (owner != null && !owner.equals(self)) {
                claims.clear(slot);
                winner = owner;
                changed = true;
            }
        }
        if (winner != null && claims.isEmpty() && master.isEmpty()) {
            master = winner; // a master that lost its last slot follows the node that took them
            lastMasterSlot = -1;
        }
        if (master.isEmpty() && configEpoch > 0 && collides(self)) {
            currentEpoch++;
            configEpoch = currentEpoch;
            changed = true;
        }
        if (!master.isEmpty()) {
            changed |= followMaster(self);
        }
        return changed;
    }

    private boolean collides(String self) {
        for (Map.Entry<String, Announcement> peer : peers.entrySet()) {
            Announcement a = peer.getValue();
            if (a.master().isEmpty() && a.configEpoch() == configEpoch && self.compareTo(peer.getKey()) < 0) {
                return true;
            }
        }
        return false;
    }

    /** A replica whose master lost its slots re-points to the node that holds them now. */
    private boolean followMaster(String self) {
        Optional<ClusterNodeInfo> info = view.node(master);
        if (info.isPresent() && !info.get().ranges().isEmpty()) {
            lastMasterSlot = info.get().ranges().get(0).first();
            return false;
        }
        if (lastMasterSlot < 0) {
            return false;
        }
        Optional<String> holder = view.owner(lastMasterSlot);
        if (holder.isPresent() && !holder.get().equals(master) && !holder.get().equals(self)) {
            master = holder.get();
            cancelElection();
            return true;
        }
        return false;
    }

    private void scheduleElection(ServiceContext ctx) {
        Optional<ClusterNodeInfo> info = master.isEmpty() ? Optional.empty() : view.node(master);
        boolean eligible = info.isPresent() && info.get().failed() && !info.get().ranges().isEmpty();
        if (!eligible) {
            cancelElection();
            return;
        }
        long now = ctx.nowNanos();
        if (electionEpoch == 0 && electionAtNanos == Long.MAX_VALUE && retryAtNanos == Long.MAX_VALUE) {
            long random = config.failoverRandomDelayNanos() == 0 ? 0 : ctx.random().nextLong(config.failoverRandomDelayNanos());
            electionAtNanos = now + config.failoverBaseDelayNanos() + random + rank(ctx.self()) * config.failoverRankDelayNanos();
        }
        if (electionEpoch == 0 && now >= electionAtNanos) {
            startElection(ctx);
        }
    }

    /** Replicas of the same master ahead of this one: a higher offset, or an equal one and a lower name. */
    private int rank(String self) {
        int rank = 0;
        for (ClusterNodeInfo other : view.nodes().values()) {
            if (!other.name().equals(self) && other.master().equals(Optional.of(master))
                    && (other.replicationOffset() > replicationOffset
                    || (other.replicationOffset() == replicationOffset && other.name().compareTo(self) < 0))) {
                rank++;
            }
        }
        return rank;
    }

    private void startElection(ServiceContext ctx) {
        currentEpoch++;
        electionEpoch = currentEpoch;
        electionAtNanos = Long.MAX_VALUE;
        electionDeadlineNanos = ctx.nowNanos() + config.electionTimeoutNanos();
        votes.clear();
        List<String> owners = view.slotOwners();
        votesNeeded = owners.size() / 2 + 1;
        Bytes request = new VoteMessage(false, electionEpoch, master).encode();
        for (String owner : owners) {
            ctx.sendReliable(owner, request);
        }
    }

    /**
     * Emitted (a {@code ClusterEvent.ServiceEvent} of {@link #CHANNEL}) when this node wins an
     * election and takes its failed master's slots.
     *
     * @param node this node
     * @param failedMaster the master it replaced
     * @param epoch its new config epoch
     */
    public record Promoted(String node, String failedMaster, long epoch) {
    }
}
