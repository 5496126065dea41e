package io.grapevine.sim.zone;

import org.junit.jupiter.api.Test;

class ZoneProbeTest {
    @Test
    void print() {
        for (boolean aware : new boolean[] {true, false}) {
            ZoneRunConfig config = ZoneRunConfig.defaults().withShape(Integer.getInteger("zz", 3), Integer.getInteger("pz", 12)).withZoneAware(aware)
                    .withTimes(15_000_000_000L, 20_000_000_000L, 20_000_000_000L, 60_000_000_000L);
            long t0 = System.nanoTime();
            ZoneResult r = ZoneExperiment.run(config);
            System.out.println("aware=" + aware + " wall=" + (System.nanoTime() - t0) / 1_000_000 + "ms known=" + r.zonesKnown() + " idleX=" + r.idleCrossZoneBytesPerSec() + " pkts=" + r.idleCrossZonePacketsPerSec() + " perNode=" + r.idleBytesPerNodePerSec() + " writeX=" + r.writeCrossZoneBytesPerSec() + " spread=" + r.spreadMillis() + " fp=" + r.crossZoneFalseDeaths() + "/" + r.sameZoneFalseDeaths() + "/" + r.crossZoneFalseSuspicions() + " cut=" + r.cut());
            if (r.cut() != null) {
                System.out.println("  out " + java.util.Arrays.toString(r.cut().outsideSeesCutZone()) + " in "
                        + java.util.Arrays.toString(r.cut().insideSeesOutside()));
            }
        }
    }
}
