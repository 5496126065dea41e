package io.grapevine.sim.epidemic;

import io.grapevine.core.base.SplitMix64;

/**
 * Rumor mongering with push (Demers et al. 1987, §1.4). A node that learns the update becomes
 * infective: every round it pushes the update to {@code fanout} random peers. Each push may be
 * an event of loss of interest: with feedback, only a push whose recipient already knew the
 * update (the recipient replies, and the reply is counted as a message); blind, every push.
 * After an event a counter monger increments its counter and is removed at k; a coin monger is
 * removed with probability 1/k. The run ends when no node is infective; the nodes never reached
 * are the residue.
 */
final class RumorSpread {
    private RumorSpread() {
    }

    /** One run of {@code config} seeded {@code seed}. */
    static SpreadResult run(EpidemicConfig config, long seed) {
        SplitMix64 root = new SplitMix64(seed);
        SplitMix64 peers = root.split();
        SplitMix64 loss = root.split();
        int[] order = Outbreak.actingOrder(config, root.split());
        SplitMix64 coin = root.split();
        Outbreak outbreak = new Outbreak(config);
        boolean[] removed = new boolean[config.nodes()];
        int[] events = new int[config.nodes()];
        int infective = 1;
        int round = 0;
        while (infective > 0 && round < config.maxRounds()) {
            round++;
            int before = outbreak.reached();
            int removedNow = 0;
            for (int node : order) {
                if (removed[node] || !outbreak.knows(node, round)) {
                    continue;
                }
                for (int peer : outbreak.peers(node, peers)) {
                    if (push(outbreak, peer, round, loss) && loseInterest(config, events, node, coin)) {
                        removed[node] = true;
                        removedNow++;
                        break;
                    }
                }
            }
            infective += outbreak.reached() - before - removedNow;
            outbreak.endRound();
        }
        return outbreak.result(seed, round, infective == 0);
    }

    /** Pushes to {@code peer}; returns whether the push was an event of loss of interest. */
    private static boolean push(Outbreak outbreak, int peer, int round, SplitMix64 loss) {
        boolean blind = outbreak.config.feedback() == RumorFeedback.BLIND;
        if (!outbreak.send(true, loss)) {
            return blind;
        }
        boolean knew = outbreak.knows(peer, round);
        outbreak.learn(peer, round);
        if (blind) {
            return true;
        }
        return knew && outbreak.send(false, loss);
    }

    private static boolean loseInterest(EpidemicConfig config, int[] events, int node, SplitMix64 coin) {
        if (config.stop() == RumorStop.COUNTER) {
            return ++events[node] >= config.k();
        }
        return coin.nextDouble() * config.k() < 1.0;
    }
}
