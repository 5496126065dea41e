package io.grapevine.core.dissemination;

import io.grapevine.core.base.ConfigCheck;

/**
 * How updates spread: piggy-backed rumors, gossip rounds, direct mail and user events.
 * Immutable and validated at construction; durations are nanoseconds. Part of {@code CoreConfig}.
 *
 * @param gossipIntervalNanos Time between gossip rounds, in ns. Default 200 ms.
 * @param gossipFanout Members each gossip round sends to. 1..64. Default 3.
 * @param gossipToTheDeadNanos How long dead members still receive gossip, so a falsely declared one learns of it and refutes, in ns. Default 30 s.
 * @param retransmitMult Each rumor is sent retransmitMult · ceil(log10(N+1)) times (memberlist's rule). 1..100. Default 4.
 * @param maxRumors Most rumors queued for piggy-backing; overflow drops the lowest priority, most transmitted first, and counts it. Default 8,192.
 * @param directMailFanout Direct mail: send each local key write and user event, each join a seed answers, each death this node declares and its own leave at once to this many random live members (all of them when fewer), besides the rumor. 0 disables. Lost mail is left to rumors and anti-entropy. 0..100,000. Default 64: clusters up to 65 members learn of each in one network hop, at N-1 datagrams each; larger ones reach 64 members at once and the rest by rumor.
 * @param maxEventPayloadBytes Largest user-event payload in bytes. 0..(mtuBytes - 128), checked against the MTU by CoreConfig. Default 512.
 * @param eventDedupWindow User events remembered for de-duplication; events older than the window are refused. 16.. . Default 4,096.
 * @param recentEventsRepaired User events this node delivered last that ride along with each full membership exchange, so a member that missed an event's mail and rumor still gets it (Serf's event repair). 0..4,096. Default 64.
 * @param recentEventBytes Byte budget of those events in one exchange (payloads and names); at most a quarter of maxStreamBytes is used. Default 65,536.
 * @param directMailRetries Acknowledged direct mail: each mailed update that fits a datagram carries a mail tag, the recipient acknowledges it, and an unacknowledged mail is sent again up to this many times, with back-off, while the recipient is live. 0 sends mail once, untagged and unacknowledged. 0..10. Default 2. The joiner's announcement of itself is never tagged (at a simultaneous join it is already N² datagrams; the seed's rumor and push-pull back it).
 * @param directMailRetryNanos Wait before the first resend of an unacknowledged mail, in ns; each further resend waits twice as long as the one before. Must exceed mailAckDelayNanos. Default 50 ms (at most 50 + 100 ms with the default 2 retries).
 * @param directMailBuffer Most (mail, recipient) pairs awaiting acknowledgement; when full, the lowest class's oldest mail is dropped from the buffer (and counted): its recipients are left to rumors and anti-entropy. 1..1,000,000. Default 4,096.
 * @param mailAckDelayNanos How long an acknowledgement waits for a packet to the mail's sender to ride on before it goes alone, in ns. 0 sends it at once. Default 5 ms.
 * @param membershipRumorPolicy When a membership rumor (alive, suspect, dead, left) stops being passed on: one of Demers et al.'s four variants (see {@link RumorPolicy}). Default blind-counter at retransmitMult · ceil(log10(N+1)) (memberlist's rule).
 * @param eventRumorPolicy The same for user-event rumors. Default blind-counter at memberlist's limit.
 * @param stateRumorPolicy The same for replicated-state rumors. Default blind-counter at memberlist's limit.
 */
public record GossipConfig(
        long gossipIntervalNanos,
        int gossipFanout,
        long gossipToTheDeadNanos,
        int retransmitMult,
        int maxRumors,
        int directMailFanout,
        int maxEventPayloadBytes,
        int eventDedupWindow,
        int recentEventsRepaired,
        int recentEventBytes,
        int directMailRetries,
        long directMailRetryNanos,
        int directMailBuffer,
        long mailAckDelayNanos,
        RumorPolicy membershipRumorPolicy,
        RumorPolicy eventRumorPolicy,
        RumorPolicy stateRumorPolicy) {

    /** Validates every field; a refusal names the field, its value and the rule. */
    public GossipConfig {
        ConfigCheck.positive("gossipIntervalNanos", gossipIntervalNanos);
        ConfigCheck.range("gossipFanout", gossipFanout, 1, 64);
        ConfigCheck.nonNegative("gossipToTheDeadNanos", gossipToTheDeadNanos);
        ConfigCheck.range("retransmitMult", retransmitMult, 1, 100);
        ConfigCheck.range("maxRumors", maxRumors, 16, Integer.MAX_VALUE);
        ConfigCheck.range("directMailFanout", directMailFanout, 0, 100_000);
        ConfigCheck.range("maxEventPayloadBytes", maxEventPayloadBytes, 0, 65_000 - 128);
        ConfigCheck.range("eventDedupWindow", eventDedupWindow, 16, Integer.MAX_VALUE);
        ConfigCheck.range("recentEventsRepaired", recentEventsRepaired, 0, 4096);
        ConfigCheck.range("recentEventBytes", recentEventBytes, 0, Integer.MAX_VALUE);
        ConfigCheck.range("directMailRetries", directMailRetries, 0, 10);
        ConfigCheck.positive("directMailRetryNanos", directMailRetryNanos);
        ConfigCheck.range("directMailBuffer", directMailBuffer, 1, 1_000_000);
        ConfigCheck.nonNegative("mailAckDelayNanos", mailAckDelayNanos);
        ConfigCheck.notNull("membershipRumorPolicy", membershipRumorPolicy);
        ConfigCheck.notNull("eventRumorPolicy", eventRumorPolicy);
        ConfigCheck.notNull("stateRumorPolicy", stateRumorPolicy);
        if (mailAckDelayNanos >= directMailRetryNanos) {
            throw new IllegalArgumentException("mailAckDelayNanos (" + mailAckDelayNanos
                    + ") must be below directMailRetryNanos (" + directMailRetryNanos + ")");
        }
    }

    /** The defaults listed above. */
    public static GossipConfig defaults() {
        return new GossipConfig(
                200_000_000L,
                3,
                30_000_000_000L,
                4,
                8192,
                64,
                512,
                4096,
                64,
                64 * 1024,
                2,
                50_000_000L,
                4096,
                5_000_000L,
                RumorPolicy.blindCounter(),
                RumorPolicy.blindCounter(),
                RumorPolicy.blindCounter());
    }

    /** A copy with {@code gossipIntervalNanos} set to {@code value}. */
    public GossipConfig withGossipIntervalNanos(long value) {
        return new GossipConfig(value, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code gossipFanout} set to {@code value}. */
    public GossipConfig withGossipFanout(int value) {
        return new GossipConfig(gossipIntervalNanos, value, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code gossipToTheDeadNanos} set to {@code value}. */
    public GossipConfig withGossipToTheDeadNanos(long value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, value, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code retransmitMult} set to {@code value}. */
    public GossipConfig withRetransmitMult(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, value, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code maxRumors} set to {@code value}. */
    public GossipConfig withMaxRumors(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, value, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code directMailFanout} set to {@code value}. */
    public GossipConfig withDirectMailFanout(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, value, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code maxEventPayloadBytes} set to {@code value}. */
    public GossipConfig withMaxEventPayloadBytes(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, value, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code eventDedupWindow} set to {@code value}. */
    public GossipConfig withEventDedupWindow(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, value, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code recentEventsRepaired} set to {@code value}. */
    public GossipConfig withRecentEventsRepaired(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, value, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code recentEventBytes} set to {@code value}. */
    public GossipConfig withRecentEventBytes(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, value, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code directMailRetries} set to {@code value}. */
    public GossipConfig withDirectMailRetries(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, value, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code directMailRetryNanos} set to {@code value}. */
    public GossipConfig withDirectMailRetryNanos(long value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, value, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code directMailBuffer} set to {@code value}. */
    public GossipConfig withDirectMailBuffer(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, value, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code mailAckDelayNanos} set to {@code value}. */
    public GossipConfig withMailAckDelayNanos(long value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, value, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code membershipRumorPolicy} set to {@code value}. */
    public GossipConfig withMembershipRumorPolicy(RumorPolicy value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, value, eventRumorPolicy, stateRumorPolicy);
    }

    /** A copy with {@code eventRumorPolicy} set to {@code value}. */
    public GossipConfig withEventRumorPolicy(RumorPolicy value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, value, stateRumorPolicy);
    }

    /** A copy with {@code stateRumorPolicy} set to {@code value}. */
    public GossipConfig withStateRumorPolicy(RumorPolicy value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, value);
    }
}
