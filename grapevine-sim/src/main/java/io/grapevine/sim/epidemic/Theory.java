package io.grapevine.sim.epidemic;

import java.util.List;

/**
 * The classic predictions the measurements are compared with. All are asymptotic results for
 * synchronous rounds with fanout 1; asynchronous runs are faster, because an update learned
 * early in a period is passed on later in the same period.
 */
public final class Theory {
    /**
     * Demers et al. 1987, Table 1: push rumor mongering with feedback and counter, 1,000 sites,
     * for k = 1..5: residue s.
     */
    public static final List<Double> DEMERS_TABLE1_RESIDUE = List.of(0.176, 0.037, 0.011, 0.0036, 0.0012);
    /** Demers et al. 1987, Table 1, as above: traffic m (update messages per site). */
    public static final List<Double> DEMERS_TABLE1_TRAFFIC = List.of(1.74, 3.30, 4.53, 5.64, 6.68);

    private Theory() {
    }

    /** Pittel 1987: push with fanout 1 informs everyone in log2 N + ln N + O(1) rounds. */
    public static double pushRounds(int nodes) {
        return log2(nodes) + Math.log(nodes);
    }

    /**
     * Pull with fanout 1: the first phase doubles the informed set like push (log2 N rounds);
     * after that the uninformed fraction squares every round (s' = s^2), so the tail takes
     * about log2 ln N rounds instead of push's ln N. Leading terms only.
     */
    public static double pullRounds(int nodes) {
        return log2(nodes) + log2(Math.log(nodes));
    }

    /** Karp et al. 2000: push-pull with fanout 1 takes log3 N + O(ln ln N) rounds. */
    public static double pushPullRounds(int nodes) {
        return Math.log(nodes) / Math.log(3) + Math.log(Math.log(nodes));
    }

    /** The predicted rounds for an anti-entropy mode, NaN where no formula applies (fanout above 1, rumors, direct mail). */
    public static double rounds(EpidemicConfig config) {
        if (config.style() == SpreadStyle.DIRECT) {
            return 1;
        }
        if (config.style() != SpreadStyle.ANTI_ENTROPY || config.fanout() != 1) {
            return Double.NaN;
        }
        return switch (config.mode()) {
            case PUSH -> pushRounds(config.nodes());
            case PULL -> pullRounds(config.nodes());
            case PUSH_PULL -> pushPullRounds(config.nodes());
        };
    }

    /** The formula behind {@link #rounds}, for reports. */
    public static String roundsFormula(EpidemicConfig config) {
        if (config.style() == SpreadStyle.DIRECT) {
            return "1 round, N - 1 messages, residue = loss";
        }
        if (config.style() != SpreadStyle.ANTI_ENTROPY) {
            return "s = e^-m (Demers et al. 1987)";
        }
        if (config.fanout() != 1) {
            return "no closed form used for fanout > 1";
        }
        return switch (config.mode()) {
            case PUSH -> "log2 N + ln N (Pittel 1987)";
            case PULL -> "log2 N + log2 ln N (doubling, then s' = s^2)";
            case PUSH_PULL -> "log3 N + ln ln N (Karp et al. 2000)";
        };
    }

    /**
     * Demers' relation between residue and traffic for push rumor mongering: s = e^-m, where m
     * counts update messages per node. It follows from the mean-field equations for all four
     * variants (each informed node sends m/(1 - s) pushes on average and the residue solves
     * s = e^-m), so it is printed for each.
     */
    public static double residueForTraffic(double trafficPerNode) {
        return Math.exp(-trafficPerNode);
    }

    /**
     * The mean-field residue of the coin variants, the root in (0, 1) of s = e^{-c(1 - s)} with
     * c = k + 1 with feedback and c = k blind (Demers et al. 1987, §1.4). The counter variants
     * behave close to it. NaN when c &lt;= 1 (no root below 1: the rumor dies out at once).
     */
    public static double meanFieldResidue(RumorFeedback feedback, int k) {
        double c = feedback == RumorFeedback.FEEDBACK ? k + 1 : k;
        if (c <= 1) {
            return Double.NaN;
        }
        double s = 0.5;
        for (int i = 0; i < 200; i++) {
            s = Math.exp(-c * (1 - s));
        }
        return s;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
