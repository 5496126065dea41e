package io.grapevine.sim.epidemic;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs epidemic experiments: one run per seed, run r of a batch seeded {@code seed + r}, so any
 * single run of a batch can be reproduced alone.
 */
public final class Epidemic {
    private Epidemic() {
    }

    /** One run of {@code config} with {@code seed}. */
    public static SpreadResult run(EpidemicConfig config, long seed) {
        return switch (config.style()) {
            case ANTI_ENTROPY -> AntiEntropySpread.run(config, seed);
            case RUMOR -> RumorSpread.run(config, seed);
            case DIRECT -> DirectMail.run(config, seed);
        };
    }

    /** {@code runs} runs seeded {@code seed}, {@code seed + 1}, ... in that order. */
    public static List<SpreadResult> runs(EpidemicConfig config, long seed, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1: " + runs);
        }
        List<SpreadResult> results = new ArrayList<>(runs);
        for (int r = 0; r < runs; r++) {
            results.add(run(config, seed + r));
        }
        return List.copyOf(results);
    }
}
