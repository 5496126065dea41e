package io.grapevine.core.dissemination;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.TrafficCounters;
import io.grapevine.core.wire.UserEvent;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * User events (Serf's): fired here or received, each is delivered once per node (Lamport
 * clock and de-duplication window), mailed at once by its origin and rumored by every node
 * that delivers it. The last {@code recentEventsRepaired} delivered events are kept so that
 * the membership exchange can carry them: a member that both the mail and the rumor missed
 * still gets the event at its next exchange (Serf's repair). Confined to the node's thread.
 */
public final class UserEvents {
    private final GossipConfig config;
    private final String selfName;
    private final EventLog log;
    private final RumorQueue rumors;
    private final DirectMail mail;
    private final TrafficCounters counters;
    /** The last events delivered here, oldest first; at most recentEventsRepaired. */
    private final ArrayDeque<UserEvent> recent = new ArrayDeque<>();

    /** The events of node {@code selfName}. */
    public UserEvents(GossipConfig config, String selfName, RumorQueue rumors, DirectMail mail,
                      TrafficCounters counters) {
        this.config = config;
        this.selfName = selfName;
        this.log = new EventLog(config.eventDedupWindow());
        this.rumors = rumors;
        this.mail = mail;
        this.counters = counters;
    }

    /**
     * Fires an event from this node: delivered here at once, then mailed and rumored.
     *
     * @throws IllegalArgumentException if the payload exceeds {@code maxEventPayloadBytes}
     */
    public DeliveredEvent fire(String name, byte[] payload, EventOutputs out) {
        if (payload.length > config.maxEventPayloadBytes()) {
            throw new IllegalArgumentException("event payload of " + payload.length
                    + " bytes exceeds maxEventPayloadBytes (" + config.maxEventPayloadBytes() + ")");
        }
        UserEvent event = new UserEvent(selfName, log.tick(), name, Bytes.copyOf(payload));
        log.accept(event.origin(), event.lamportTime());
        DeliveredEvent delivered = deliver(event, out);
        mail.mail(event, "", out);
        return delivered;
    }

    /**
     * An event received from a peer: delivered if new, else dropped (stale) or ignored
     * (duplicate). Returns whether it was new here.
     */
    public boolean onUserEvent(UserEvent event, EventOutputs out) {
        if (event.payload().length() > config.maxEventPayloadBytes()) {
            counters.drop(DropReason.EVENT_TOO_LARGE);
            return false;
        }
        switch (log.accept(event.origin(), event.lamportTime())) {
            case NEW -> {
                deliver(event, out);
                return true;
            }
            case STALE -> counters.drop(DropReason.STALE_EVENT);
            case DUPLICATE -> { }
            default -> throw new IllegalStateException("unhandled event verdict");
        }
        return false;
    }

    /** This node's event clock, sent in every membership exchange. */
    public long clock() {
        return log.clock();
    }

    /** A seed's clock in its join answer: events from before it are history this joiner skips, as in Serf. */
    public void ignoreBefore(long clock) {
        log.ignoreBefore(clock);
    }

    /** A peer's clock seen in an exchange: ours moves past it (Lamport). */
    public void witness(long clock) {
        log.witness(clock);
    }

    /**
     * The recent events to carry in one exchange, oldest first: the newest that fit
     * {@code recentEventBytes} (and a quarter of {@code maxStreamBytes}).
     */
    public List<UserEvent> recentForRepair(int maxStreamBytes) {
        ArrayDeque<UserEvent> chosen = new ArrayDeque<>(recent.size());
        int budget = Math.min(config.recentEventBytes(), maxStreamBytes / 4);
        Iterator<UserEvent> newestFirst = recent.descendingIterator();
        while (newestFirst.hasNext()) {
            UserEvent event = newestFirst.next();
            budget -= event.payload().length() + event.name().length() + event.origin().length() + 16;
            if (budget < 0) {
                break;
            }
            chosen.addFirst(event);
        }
        return List.copyOf(chosen);
    }

    private DeliveredEvent deliver(UserEvent event, EventOutputs out) {
        DeliveredEvent delivered = new DeliveredEvent(event.origin(), event.lamportTime(), event.name(),
                event.payload());
        out.userEventDelivered(delivered);
        if (config.recentEventsRepaired() > 0) {
            recent.addLast(event);
            if (recent.size() > config.recentEventsRepaired()) {
                recent.pollFirst();
            }
        }
        rumors.offer("e:" + event.origin() + ":" + event.lamportTime(), RumorPriority.USER,
                WireCodec.encodeFrame(event));
        return delivered;
    }
}
