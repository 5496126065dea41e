package io.grapevine.core.service;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.ServiceMessage;
import io.grapevine.core.wire.TrafficCounters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The service room: the {@link Service}s installed on one node, keyed by channel. It routes
 * each {@link ServiceMessage} to its channel's service, runs their timers, tells them of member
 * and replicated-state changes once the input that caused them is handled, and namespaces
 * their replicated keys as {@code grapevine.service.<channel>/<key>} (the {@code grapevine.}
 * prefix is reserved to the toolkit, so no application key collides).
 *
 * <p>A message for a channel with no service here is dropped and counted
 * ({@code UNKNOWN_SERVICE}), as is one a service calls {@link ServiceContext#malformed()} on.
 * Changes are queued while an input is handled and told by {@link #drain}; a service's own
 * writes are never told back to it, so a drain ends after the changes queued before it plus
 * those its callbacks cause on other owners, which is none (only this node's keys are written).
 *
 * <p>Not thread-safe: the node's thread only.
 *
 * @param <O> the outputs the node's inputs carry
 */
public final class ServiceHost<O extends ServiceOutputs> {
    /** Prefix of every service key in the replicated state. */
    public static final String KEY_PREFIX = "grapevine.service.";

    private final MemberTable table;
    private final Transmitter transmitter;
    private final ServiceState<O> state;
    private final TrafficCounters counters;
    private final String self;
    private final int maxStreamBytes;
    private final Map<String, Installed> byChannel = new LinkedHashMap<>();
    private final List<Runnable> pending = new ArrayList<>();
    private long now;
    private O out;

    /**
     * A room with no services.
     *
     * @param maxStreamBytes the largest stream packet the node accepts: a reliable payload must fit it
     */
    public ServiceHost(MemberTable table, Transmitter transmitter, ServiceState<O> state, TrafficCounters counters,
                       String self, int maxStreamBytes) {
        this.table = table;
        this.transmitter = transmitter;
        this.state = state;
        this.counters = counters;
        this.self = self;
        this.maxStreamBytes = maxStreamBytes;
    }

    /**
     * Installs {@code service}, with a random source split from {@code nodeRandom}.
     *
     * @throws IllegalArgumentException if the channel is blank, too long or already taken
     */
    public void install(Service service, RandomSource nodeRandom) {
        String channel = service.channel();
        new ServiceMessage(channel, Bytes.EMPTY); // validates the channel as the wire will
        if (byChannel.containsKey(channel)) {
            throw new IllegalArgumentException("a service is already installed on channel " + channel);
        }
        byChannel.put(channel, new Installed(service, new SplitMix64(nodeRandom.nextLong()), prefixOf(channel)));
    }

    /** True when no service is installed (the node then skips this room entirely). */
    public boolean isEmpty() {
        return byChannel.isEmpty();
    }

    /** The service on {@code channel}, if one is installed. */
    public Optional<Service> service(String channel) {
        Installed installed = byChannel.get(channel);
        return installed == null ? Optional.empty() : Optional.of(installed.service);
    }

    /** Routes a received message to its channel's service, or drops and counts it. */
    public void onMessage(String from, ServiceMessage message, long nowNanos, O outputs) {
        Installed installed = byChannel.get(message.channel());
        if (installed == null) {
            counters.drop(DropReason.UNKNOWN_SERVICE);
            return;
        }
        installed.service.onMessage(from, message.payload(), context(installed, nowNanos, outputs));
    }

    /** Runs the timers of every service whose deadline has come, in install order. */
    public void onTick(long nowNanos, O outputs) {
        for (Installed installed : byChannel.values()) {
            if (installed.service.nextDeadlineNanos() <= nowNanos) {
                installed.service.onTick(context(installed, nowNanos, outputs));
            }
        }
    }

    /** The earliest deadline of any service. */
    public long nextDeadlineNanos() {
        long next = Long.MAX_VALUE;
        for (Installed installed : byChannel.values()) {
            next = Math.min(next, installed.service.nextDeadlineNanos());
        }
        return next;
    }

    /** Queues a member change for every service, told at the next {@link #drain}. */
    public void memberChanged(Member member, Change change) {
        for (Installed installed : byChannel.values()) {
            pending.add(() -> installed.service.onMemberChanged(member, change, context(installed, now, out)));
        }
    }

    /** Queues a replicated-state change for the service whose key it is (none for this node's own keys). */
    public void keyChanged(KeyChange change) {
        if (change.owner().name().equals(self) || !change.key().startsWith(KEY_PREFIX)) {
            return;
        }
        for (Installed installed : byChannel.values()) {
            if (change.key().startsWith(installed.prefix)) {
                KeyChange own = new KeyChange(change.owner(), change.key().substring(installed.prefix.length()),
                        change.oldVersion(), change.newVersion(), change.value(), change.deleted());
                pending.add(() -> installed.service.onStateChanged(own, context(installed, now, out)));
                return;
            }
        }
    }

    /** Tells the services the changes queued during the input just handled, in order. */
    public void drain(long nowNanos, O outputs) {
        if (pending.isEmpty()) {
            return;
        }
        now = nowNanos;
        out = outputs;
        try {
            for (int i = 0; i < pending.size(); i++) {
                pending.get(i).run();
            }
        } finally {
            pending.clear();
            out = null;
        }
    }

    /**
     * Calls {@code action} with the service on {@code channel} and a context at {@code nowNanos}:
     * how the application drives its service (assign slots, produce a block, ...).
     *
     * @throws IllegalArgumentException if no service of that type is installed on {@code channel}
     */
    public <S extends Service, R> R call(String channel, Class<S> type, long nowNanos, O outputs,
                                         BiFunction<S, ServiceContext, R> action) {
        Installed installed = byChannel.get(channel);
        if (installed == null || !type.isInstance(installed.service)) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " installed on channel " + channel);
        }
        return action.apply(type.cast(installed.service), context(installed, nowNanos, outputs));
    }

    private static String prefixOf(String channel) {
        return KEY_PREFIX + channel + "/";
    }

    private ServiceContext context(Installed installed, long nowNanos, O outputs) {
        return new Context(installed, nowNanos, outputs);
    }

    private final class Installed {
        final Service service;
        final RandomSource random;
        final String prefix;

        Installed(Service service, RandomSource random, String prefix) {
            this.service = service;
            this.random = random;
            this.prefix = prefix;
        }
    }

    private final class Context implements ServiceContext {
        private final Installed installed;
        private final long nowNanos;
        private final O outputs;

        Context(Installed installed, long nowNanos, O outputs) {
            this.installed = installed;
            this.nowNanos = nowNanos;
            this.outputs = outputs;
        }

        @Override
        public long nowNanos() {
            return nowNanos;
        }

        @Override
        public String self() {
            return self;
        }

        @Override
        public RandomSource random() {
            return installed.random;
        }

        @Override
        public List<Member> members() {
            List<Member> list = new ArrayList<>(table.size());
            for (MemberEntry entry : table.entries()) {
                list.add(entry.snapshot());
            }
            return Collections.unmodifiableList(list);
        }

        @Override
        public Optional<Member> member(String name) {
            return table.find(name).map(MemberEntry::snapshot);
        }

        @Override
        public boolean send(String member, Bytes payload) {
            Address to = addressOf(member);
            if (to == null) {
                return false;
            }
            transmitter.send(to, new ServiceMessage(installed.service.channel(), payload), outputs);
            return true;
        }

        @Override
        public boolean sendReliable(String member, Bytes payload) {
            ServiceMessage message = new ServiceMessage(installed.service.channel(), payload);
            // the channel (≤ 255 bytes) with the packet and frame headers stay under a kilobyte
            if (payload.length() > maxStreamBytes - 1024) {
                throw new IllegalArgumentException("a reliable service payload of " + payload.length()
                        + " bytes cannot fit maxStreamBytes " + maxStreamBytes);
            }
            Address to = addressOf(member);
            if (to == null) {
                return false;
            }
            transmitter.stream(to, message, outputs);
            return true;
        }

        private Address addressOf(String member) {
            if (member.equals(self)) {
                return null;
            }
            return table.find(member).map(entry -> entry.id().address()).orElse(null);
        }

        @Override
        public KeyChange put(String key, byte[] value) {
            return state.put(installed.prefix + key, value, nowNanos, outputs);
        }

        @Override
        public Optional<KeyChange> delete(String key) {
            return state.delete(installed.prefix + key, nowNanos, outputs);
        }

        @Override
        public Optional<Bytes> get(String owner, String key) {
            return state.get(owner, installed.prefix + key);
        }

        @Override
        public Map<String, Bytes> entries(String owner) {
            Map<String, Bytes> own = new TreeMap<>();
            for (Map.Entry<String, Bytes> entry : state.entries(owner).entrySet()) {
                if (entry.getKey().startsWith(installed.prefix)) {
                    own.put(entry.getKey().substring(installed.prefix.length()), entry.getValue());
                }
            }
            return Collections.unmodifiableMap(own);
        }

        @Override
        public void emit(Object event) {
            outputs.serviceEvent(installed.service.channel(), event);
        }

        @Override
        public void malformed() {
            counters.drop(DropReason.SERVICE_MALFORMED);
        }
    }
}
