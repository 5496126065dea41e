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
 * @param directMailRetryNanos Least wait before the first resend of an unacknowledged mail, in ns; the wait is twice the slowest recent probe round trip plus mailAckDelayNanos when that is longer (a loaded host must not turn every mail into three), and each further resend waits twice as long as the one before. Must exceed mailAckDelayNanos. Default 50 ms (resends at 50 and 150 ms on a quiet LAN).
 * @param directMailBuffer Most (mail, recipient) pairs awaiting acknowledgement; when full, the lowest class's oldest mail is dropped from the buffer (and counted): its recipients are left to rumors and anti-entropy. 1..1,000,000. Default 4,096.
 * @param mailAckDelayNanos How long an acknowledgement waits for a packet to the mail's sender to ride on before it goes alone, in ns. 0 sends it at once. Default 5 ms.
 * @param membershipRumorPolicy When a membership rumor (alive, suspect, dead, left) stops being passed on: one of Demers et al.'s four variants (see {@link RumorPolicy}). Default blind-counter at retransmitMult · ceil(log10(N+1)) (memberlist's rule).
 * @param eventRumorPolicy The same for user-event rumors. Default blind-counter at memberlist's limit.
 * @param stateRumorPolicy The same for replicated-state rumors. Default blind-counter at memberlist's limit.
 * @param adaptiveFanout Gossip rounds send to more members as the cluster grows, so that a rumor's transmissions (retransmitMult · ceil(log10(N+1))) are spent within about four rounds: fanout = max(gossipFanout, ceil(limit / 4)), at most 64. Changes nothing up to N = 999 with the defaults (limit ≤ 12); 4 at N = 1,000, 5 at N = 10,000. Default true.
 * @param adaptiveInterval While rumors that were never sent remain after a round (a backlog) and the node is within its flow budget, the next round comes after half the interval, down to a quarter; without a backlog the interval is gossipIntervalNanos again. Default true.
 * @param flowBudgetBytesPerSecond Flow control (van Renesse et al., AIMD): the bytes per second this node may spend sending, against which the rate allowed for disseminating its own replicated-state writes (direct mail and rumor) adapts: halved after a flowIntervalNanos in which the node sent more than the budget, raised by a tenth of the budget after one within it. A write beyond the rate is not mailed or rumored at once; its key waits, coalesced with later writes of the same key, and goes out when the rate allows (anti-entropy carries it meanwhile). 0 turns flow control off. 0 or 1,024..2^40. Default 262,144 (256 KiB/s).
 * @param flowIntervalNanos How often flow control compares what was sent with the budget, in ns. Default 1 s.
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
        RumorPolicy stateRumorPolicy,
        boolean adaptiveFanout,
        boolean adaptiveInterval,
        long flowBudgetBytesPerSecond,
        long flowIntervalNanos) {

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
        if (flowBudgetBytesPerSecond != 0) {
            ConfigCheck.range("flowBudgetBytesPerSecond", flowBudgetBytesPerSecond, 1024, 1L << 40);
        }
        ConfigCheck.positive("flowIntervalNanos", flowIntervalNanos);
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
                RumorPolicy.blindCounter(),
                true,
                true,
                256 * 1024L,
                1_000_000_000L);
    }

    /** A copy with {@code gossipIntervalNanos} set to {@code value}. */
    public GossipConfig withGossipIntervalNanos(long value) {
        return new GossipConfig(value, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code gossipFanout} set to {@code value}. */
    public GossipConfig withGossipFanout(int value) {
        return new GossipConfig(gossipIntervalNanos, value, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code gossipToTheDeadNanos} set to {@code value}. */
    public GossipConfig withGossipToTheDeadNanos(long value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, value, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code retransmitMult} set to {@code value}. */
    public GossipConfig withRetransmitMult(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, value, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code maxRumors} set to {@code value}. */
    public GossipConfig withMaxRumors(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, value, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code directMailFanout} set to {@code value}. */
    public GossipConfig withDirectMailFanout(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, value, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code maxEventPayloadBytes} set to {@code value}. */
    public GossipConfig withMaxEventPayloadBytes(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, value, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code eventDedupWindow} set to {@code value}. */
    public GossipConfig withEventDedupWindow(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, value, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code recentEventsRepaired} set to {@code value}. */
    public GossipConfig withRecentEventsRepaired(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, value, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code recentEventBytes} set to {@code value}. */
    public GossipConfig withRecentEventBytes(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, value, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code directMailRetries} set to {@code value}. */
    public GossipConfig withDirectMailRetries(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, value, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code directMailRetryNanos} set to {@code value}. */
    public GossipConfig withDirectMailRetryNanos(long value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, value, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code directMailBuffer} set to {@code value}. */
    public GossipConfig withDirectMailBuffer(int value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, value, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code mailAckDelayNanos} set to {@code value}. */
    public GossipConfig withMailAckDelayNanos(long value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, value, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code membershipRumorPolicy} set to {@code value}. */
    public GossipConfig withMembershipRumorPolicy(RumorPolicy value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, value, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code eventRumorPolicy} set to {@code value}. */
    public GossipConfig withEventRumorPolicy(RumorPolicy value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, value, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code stateRumorPolicy} set to {@code value}. */
    public GossipConfig withStateRumorPolicy(RumorPolicy value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, value, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code adaptiveFanout} set to {@code value}. */
    public GossipConfig withAdaptiveFanout(boolean value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, value, adaptiveInterval, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code adaptiveInterval} set to {@code value}. */
    public GossipConfig withAdaptiveInterval(boolean value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, value, flowBudgetBytesPerSecond, flowIntervalNanos);
    }

    /** A copy with {@code flowBudgetBytesPerSecond} set to {@code value}. */
    public GossipConfig withFlowBudgetBytesPerSecond(long value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, value, flowIntervalNanos);
    }

    /** A copy with {@code flowIntervalNanos} set to {@code value}. */
    public GossipConfig withFlowIntervalNanos(long value) {
        return new GossipConfig(gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, maxRumors, directMailFanout, maxEventPayloadBytes, eventDedupWindow, recentEventsRepaired, recentEventBytes, directMailRetries, directMailRetryNanos, directMailBuffer, mailAckDelayNanos, membershipRumorPolicy, eventRumorPolicy, stateRumorPolicy, adaptiveFanout, adaptiveInterval, flowBudgetBytesPerSecond, value);
    }
}
