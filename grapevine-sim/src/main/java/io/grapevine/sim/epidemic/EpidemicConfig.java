package io.grapevine.sim.epidemic;

/**
 * One epidemic experiment, validated at construction (the message names the field and value).
 *
 * @param style anti-entropy, rumor mongering or direct mail. Default anti-entropy.
 * @param mode push, pull or push-pull; rumor mongering is push only. Default push.
 * @param feedback rumor only: what makes a monger lose interest. Default feedback.
 * @param stop rumor only: counter (after k events) or coin (probability 1/k per event). Default counter.
 * @param k rumor only: the counter limit or the inverse coin probability, at least 1. Default 1.
 * @param fanout peers each acting node contacts per round, 1..min(32, nodes - 1). Default 1.
 * @param synchronous true: rounds are synchronous, every node acts on the state at the start of
 *                    the round and what it learns takes effect next round (the model of Pittel
 *                    and Karp et al.). false (default): every node acts once per period at its
 *                    own uniformly random phase, fixed for the run, and sees updates at once, as
 *                    nodes with free-running timers do.
 * @param nodes cluster size N, 2..10,000,000. Default 1,000.
 * @param loss probability that any one message is lost, in [0, 1). Default 0.
 * @param maxRounds rounds after which a run stops even if incomplete, at least 1. Default 10,000.
 * @param digestBytes size of a message that carries no update (a digest, a request, a
 *                    feedback reply), in bytes. Default 64.
 * @param updateBytes extra size of a message that carries the update, in bytes. Default 32.
 */
public record EpidemicConfig(SpreadStyle style, SpreadMode mode, RumorFeedback feedback, RumorStop stop, int k,
                             int fanout, boolean synchronous, int nodes, double loss, int maxRounds,
                             int digestBytes, int updateBytes) {
    /** Largest fanout accepted: peers are drawn distinct by rejection, which wants fanout much below N. */
    public static final int MAX_FANOUT = 32;

    /** Validates every field. */
    public EpidemicConfig {
        if (style == null || mode == null || feedback == null || stop == null) {
            throw new IllegalArgumentException("style, mode, feedback and stop must not be null");
        }
        if (nodes < 2 || nodes > 10_000_000) {
            throw new IllegalArgumentException("nodes must be in 2..10,000,000: " + nodes);
        }
        if (fanout < 1 || fanout > Math.min(MAX_FANOUT, nodes - 1)) {
            throw new IllegalArgumentException("fanout must be in 1.." + Math.min(MAX_FANOUT, nodes - 1) + ": " + fanout);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        if (!(loss >= 0 && loss < 1)) {
            throw new IllegalArgumentException("loss must be in [0, 1): " + loss);
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be >= 1: " + maxRounds);
        }
        if (digestBytes < 0 || updateBytes < 0) {
            throw new IllegalArgumentException("digestBytes and updateBytes must be >= 0: " + digestBytes + ", "
                    + updateBytes);
        }
        if (style == SpreadStyle.RUMOR && mode != SpreadMode.PUSH) {
            throw new IllegalArgumentException("mode must be push for rumor mongering: " + mode.cliName());
        }
    }

    /** The defaults listed above. */
    public static EpidemicConfig defaults() {
        return new EpidemicConfig(SpreadStyle.ANTI_ENTROPY, SpreadMode.PUSH, RumorFeedback.FEEDBACK, RumorStop.COUNTER,
                1, 1, false, 1_000, 0.0, 10_000, 64, 32);
    }

    /** A copy with {@code style} changed. */
    public EpidemicConfig withStyle(SpreadStyle value) {
        return new EpidemicConfig(value, mode, feedback, stop, k, fanout, synchronous, nodes, loss, maxRounds,
                digestBytes, updateBytes);
    }

    /** A copy with {@code mode} changed. */
    public EpidemicConfig withMode(SpreadMode value) {
        return new EpidemicConfig(style, value, feedback, stop, k, fanout, synchronous, nodes, loss, maxRounds,
                digestBytes, updateBytes);
    }

    /** A copy with the rumor's loss-of-interest rule changed. */
    public EpidemicConfig withRumor(RumorFeedback feedbackValue, RumorStop stopValue, int kValue) {
        return new EpidemicConfig(style, mode, feedbackValue, stopValue, kValue, fanout, synchronous, nodes, loss,
                maxRounds, digestBytes, updateBytes);
    }

    /** A copy with {@code fanout} changed. */
    public EpidemicConfig withFanout(int value) {
        return new EpidemicConfig(style, mode, feedback, stop, k, value, synchronous, nodes, loss, maxRounds,
                digestBytes, updateBytes);
    }

    /** A copy with {@code synchronous} changed. */
    public EpidemicConfig withSynchronous(boolean value) {
        return new EpidemicConfig(style, mode, feedback, stop, k, fanout, value, nodes, loss, maxRounds,
                digestBytes, updateBytes);
    }

    /** A copy with {@code nodes} changed. */
    public EpidemicConfig withNodes(int value) {
        return new EpidemicConfig(style, mode, feedback, stop, k, fanout, synchronous, value, loss, maxRounds,
                digestBytes, updateBytes);
    }

    /** A copy with {@code loss} changed. */
    public EpidemicConfig withLoss(double value) {
        return new EpidemicConfig(style, mode, feedback, stop, k, fanout, synchronous, nodes, value, maxRounds,
                digestBytes, updateBytes);
    }

    /** A copy with {@code maxRounds} changed. */
    public EpidemicConfig withMaxRounds(int value) {
        return new EpidemicConfig(style, mode, feedback, stop, k, fanout, synchronous, nodes, loss, value,
                digestBytes, updateBytes);
    }

    /** A copy with the message sizes changed. */
    public EpidemicConfig withMessageBytes(int digest, int update) {
        return new EpidemicConfig(style, mode, feedback, stop, k, fanout, synchronous, nodes, loss, maxRounds,
                digest, update);
    }

    /** A one-line description, e.g. {@code rumor push feedback/counter k=2 fanout=1 async}. */
    public String describe() {
        StringBuilder text = new StringBuilder(style.cliName());
        if (style != SpreadStyle.DIRECT) {
            text.append(' ').append(mode.cliName());
        }
        if (style == SpreadStyle.RUMOR) {
            text.append(' ').append(feedback.cliName()).append('/').append(stop.cliName()).append(" k=").append(k);
        }
        if (style != SpreadStyle.DIRECT) {
            text.append(" fanout=").append(fanout).append(synchronous ? " sync" : " async");
        }
        return text.append(" N=").append(nodes).append(" loss=").append(loss).toString();
    }
}
