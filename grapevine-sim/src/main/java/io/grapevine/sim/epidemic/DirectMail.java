package io.grapevine.sim.epidemic;

import io.grapevine.core.base.SplitMix64;

/**
 * Direct mail (Demers et al. 1987, §1.2): the origin sends the update once to each of the
 * other N - 1 nodes, in one round. Each message is lost with the configured probability and
 * nothing repairs it, so the residue is the lost fraction.
 */
final class DirectMail {
    private DirectMail() {
    }

    /** One run of {@code config} seeded {@code seed}. */
    static SpreadResult run(EpidemicConfig config, long seed) {
        SplitMix64 loss = new SplitMix64(seed).split();
        Outbreak outbreak = new Outbreak(config);
        for (int node = 1; node < config.nodes(); node++) {
            if (outbreak.send(true, loss)) {
                outbreak.learn(node, 1);
            }
        }
        outbreak.endRound();
        return outbreak.result(seed, 1, true);
    }
}
