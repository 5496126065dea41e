package io.grapevine.bench.cluster;

import java.util.Optional;

/**
 * Turns one line a Grapevine node process printed ({@link NodeMain}'s protocol) into an
 * {@link Observation}. Lines of another run, malformed lines and control replies give empty.
 */
final class LineParser {
    private LineParser() {
    }

    /** The observation in {@code line} if it is an event of run {@code epoch} by node {@code node}. */
    static Optional<Observation> parse(int node, int epoch, String line) {
        String[] w = line.split(" ");
        if (w.length < 5 || !w[0].equals("EV") || !w[1].equals(Integer.toString(epoch))) {
            return Optional.empty();
        }
        long at;
        try {
            at = Long.parseLong(w[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return switch (w[3]) {
            case "STATUS" -> w.length >= 6
                    ? Optional.of(new Observation(node, at, Observation.Kind.STATUS, w[4], w[5])) : Optional.empty();
            case "USER" -> Optional.of(new Observation(node, at, Observation.Kind.USER, w[4], ""));
            case "KEY" -> w.length == 6
                    ? Optional.of(new Observation(node, at, Observation.Kind.KEY, w[4], w[5])) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
