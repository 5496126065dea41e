package io.grapevine.sim.epidemic;

import io.grapevine.core.base.SplitMix64;

/**
 * Anti-entropy (Demers et al. 1987, §1.3): every round every node, informed or not, contacts
 * {@code fanout} random peers, because it cannot know whether anything is new. Per contact:
 *
 * <ul>
 *   <li>push: one message, carrying the update if the sender knows it;</li>
 *   <li>pull: a request, then a reply carrying the update if the peer knows it and the asker
 *       does not (the request's digest says so); a lost request gets no reply;</li>
 *   <li>push-pull: the push message, then the reply as in pull.</li>
 * </ul>
 *
 * The run ends in the round after which every node knows the update.
 */
final class AntiEntropySpread {
    private AntiEntropySpread() {
    }

    /** One run of {@code config} seeded {@code seed}. */
    static SpreadResult run(EpidemicConfig config, long seed) {
        SplitMix64 root = new SplitMix64(seed);
        SplitMix64 peers = root.split();
        SplitMix64 loss = root.split();
        int[] order = Outbreak.actingOrder(config, root.split());
        Outbreak outbreak = new Outbreak(config);
        int round = 0;
        while (!outbreak.everyoneKnows() && round < config.maxRounds()) {
            round++;
            for (int node : order) {
                for (int peer : outbreak.peers(node, peers)) {
                    contact(outbreak, node, peer, round, loss);
                }
            }
            outbreak.endRound();
        }
        return outbreak.result(seed, round, outbreak.everyoneKnows());
    }

    private static void contact(Outbreak outbreak, int node, int peer, int round, SplitMix64 loss) {
        boolean nodeKnows = outbreak.knows(node, round);
        boolean peerKnows = outbreak.knows(peer, round);
        switch (outbreak.config.mode()) {
            case PUSH -> {
                if (outbreak.send(nodeKnows, loss) && nodeKnows) {
                    outbreak.learn(peer, round);
                }
            }
            case PULL -> {
                if (outbreak.send(false, loss)) {
                    boolean carries = peerKnows && !nodeKnows;
                    if (outbreak.send(carries, loss) && carries) {
                        outbreak.learn(node, round);
                    }
                }
            }
            case PUSH_PULL -> {
                if (outbreak.send(nodeKnows, loss)) {
                    if (nodeKnows) {
                        outbreak.learn(peer, round);
                    }
                    boolean carries = peerKnows && !nodeKnows;
                    if (outbreak.send(carries, loss) && carries) {
                        outbreak.learn(node, round);
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled mode " + outbreak.config.mode());
        }
    }
}
