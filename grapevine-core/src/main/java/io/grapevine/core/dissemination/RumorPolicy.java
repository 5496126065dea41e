package io.grapevine.core.dissemination;

/**
 * When a node stops passing a rumor on: Demers et al.'s four rumor-mongering variants (1987,
 * §1.4). A <em>loss-of-interest event</em> is every transmission ({@link Interest#BLIND}), or only
 * one whose recipient already had the update and said so ({@link Interest#FEEDBACK}); after
 * each event a {@link Stop#COUNTER} rumor counts one and is dropped at {@code k}, a
 * {@link Stop#COIN} rumor is dropped with probability 1/k. Immutable.
 *
 * <p>{@code k} 0 means memberlist's limit, {@code retransmitMult · ceil(log10(N + 1))} for the
 * current cluster size N; blind-counter with {@code k} 0 is the rule every class used before,
 * and stays the default. A feedback rumor is also dropped after {@link #FEEDBACK_CAP_FACTOR}
 * times that limit in transmissions, so a rumor whose feedback never comes back cannot stay
 * queued for ever.
 *
 * @param interest what counts as a loss-of-interest event
 * @param stop what an event does
 * @param k the counter's limit or the coin's inverse probability; 0 for memberlist's limit, else 1..1,000
 */
public record RumorPolicy(Interest interest, Stop stop, int k) {
    /** Transmissions of a feedback rumor, in multiples of memberlist's limit, after which it is dropped anyway. */
    public static final int FEEDBACK_CAP_FACTOR = 4;

    /** What counts as a loss-of-interest event. */
    public enum Interest {
        /** Every transmission. */
        BLIND,
        /** Only a transmission whose recipient reports it already had the update. */
        FEEDBACK
    }

    /** What a loss-of-interest event does. */
    public enum Stop {
        /** Counts one; the rumor is dropped at k. */
        COUNTER,
        /** Drops the rumor with probability 1/k. */
        COIN
    }

    /** Validates the fields; a refusal names the field. */
    public RumorPolicy {
        if (interest == null || stop == null) {
            throw new IllegalArgumentException("rumor policy: interest and stop are required");
        }
        if (k < 0 || k > 1000) {
            throw new IllegalArgumentException("rumor policy k must be in 0..1000 (0 = retransmitMult * ceil(log10(N+1))): " + k);
        }
    }

    /** Blind counter at memberlist's limit: the default of every class. */
    public static RumorPolicy blindCounter() {
        return new RumorPolicy(Interest.BLIND, Stop.COUNTER, 0);
    }

    /**
     * Parses {@code interest-stop[:k]}, e.g. {@code feedback-coin:3} or {@code blind-counter}
     * (k 0); a refusal names the accepted forms.
     */
    public static RumorPolicy parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split(":", 2);
        String[] names = parts[0].split("-", 2);
        if (names.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not interest-stop[:k], e.g. feedback-coin:3");
        }
        Interest interest = switch (names[0]) {
            case "blind" -> Interest.BLIND;
            case "feedback" -> Interest.FEEDBACK;
            default -> throw new IllegalArgumentException("'" + names[0] + "' is not one of blind, feedback");
        };
        Stop stop = switch (names[1]) {
            case "counter" -> Stop.COUNTER;
            case "coin" -> Stop.COIN;
            default -> throw new IllegalArgumentException("'" + names[1] + "' is not one of counter, coin");
        };
        int k;
        try {
            k = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[1] + "' is not a whole number k");
        }
        return new RumorPolicy(interest, stop, k);
    }

    /** The k in effect for memberlist's {@code limit} at the current size. */
    int effectiveK(int limit) {
        return k == 0 ? Math.max(1, limit) : k;
    }

    @Override
    public String toString() {
        return interest.name().toLowerCase(java.util.Locale.ROOT) + "-" + stop.name().toLowerCase(java.util.Locale.ROOT)
                + (k == 0 ? "" : ":" + k);
    }
}
