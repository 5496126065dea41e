package io.grapevine.sim.zone;

import java.util.List;

/**
 * What one zones experiment measured. Rates are per virtual second; times are virtual
 * milliseconds; "-1" means it never happened within the run's limits.
 *
 * @param config the run
 * @param zonesKnown fraction of nodes that knew a link in every zone when measuring began (1 when flat runs are zone-blind by design: reported as 0)
 * @param idleCrossZoneBytesPerSec bytes per second sent between zones, whole cluster, idle window
 * @param idleCrossZonePacketsPerSec packets per second sent between zones, whole cluster, idle window
 * @param idleBytesPerNodePerSec all bytes sent per node per second, idle window
 * @param writeCrossZoneBytesPerSec bytes per second between zones while the timed writes spread
 * @param spreadMillis for each timed write, from the write to the last node holding it (-1: never)
 * @param crossZoneFalseDeaths running members declared dead by a node of another zone (after the warm-up, outside the cut)
 * @param sameZoneFalseDeaths running members declared dead by a node of their own zone (after the warm-up, outside the cut)
 * @param crossZoneFalseSuspicions running members suspected by a node of another zone (after the warm-up, outside the cut)
 * @param cut what the zone cut showed, or null when the run has no cut
 * @param crossZoneBytesTimeline bytes sent between zones in each whole second since the idle window began
 */
public record ZoneResult(ZoneRunConfig config, double zonesKnown, double idleCrossZoneBytesPerSec,
                         double idleCrossZonePacketsPerSec, double idleBytesPerNodePerSec,
                         double writeCrossZoneBytesPerSec, List<Long> spreadMillis, long crossZoneFalseDeaths,
                         long sameZoneFalseDeaths, long crossZoneFalseSuspicions, Cut cut,
                         List<Double> crossZoneBytesTimeline) {

    /** Freezes the lists. */
    public ZoneResult {
        spreadMillis = List.copyOf(spreadMillis);
        crossZoneBytesTimeline = List.copyOf(crossZoneBytesTimeline);
    }

    /** Cross-zone idle bytes per node per second. */
    public double idleCrossZoneBytesPerNodePerSec() {
        return idleCrossZoneBytesPerSec / config.nodes();
    }

    /** The median write spread, ms (-1 if any write never reached everyone). */
    public long medianSpreadMillis() {
        return quantile(0.5);
    }

    /** The slowest write spread, ms (-1 if any write never reached everyone). */
    public long maxSpreadMillis() {
        return quantile(1.0);
    }

    private long quantile(double q) {
        if (spreadMillis.contains(-1L)) {
            return -1;
        }
        List<Long> sorted = spreadMillis.stream().sorted().toList();
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }

    /**
     * A zone cut off from the others for a while, then healed.
     *
     * @param zone the index of the zone cut off
     * @param cutMillis how long it was cut off
     * @param outsideSeesCutZone at the end of the cut, the mean number of the cut zone's members that a node outside holds alive, suspect and dead (three numbers)
     * @param insideSeesOutside the same for a node inside about the members outside
     * @param writesDuringCut writes made during the cut (half inside, half outside)
     * @param writesLost of those, how many had not reached every node when the heal limit passed
     * @param allWritesMillis from the heal until every write of the cut was on every node (-1: never)
     * @param remergeMillis from the heal until every node held every member ALIVE (-1: not within the heal limit)
     * @param allAliveAtEnd whether every node held every member ALIVE within the heal limit
     * @param cutAtSecond when the cut began, seconds since the idle window began (the timeline's origin)
     * @param healAtSecond when it was healed, same origin
     */
    public record Cut(int zone, long cutMillis, double[] outsideSeesCutZone, double[] insideSeesOutside,
                      int writesDuringCut, int writesLost, long allWritesMillis, long remergeMillis,
                      boolean allAliveAtEnd, double cutAtSecond, double healAtSecond) {
        /** Copies the arrays. */
        public Cut {
            outsideSeesCutZone = outsideSeesCutZone.clone();
            insideSeesOutside = insideSeesOutside.clone();
        }
    }
}
