package io.grapevine.agent.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link NetnsFaultsTest} measured, one row per fault: printed as a table when the class
 * ends, and appended as tab-separated lines to {@code target/netns-figures.tsv}, which
 * {@code bench/netns/run.sh} reads to give medians over several runs.
 */
final class NetnsFigures {
    /**
     * One fault's figures.
     *
     * @param fault the fault's name
     * @param healSeconds from the end of the fault to every agent listing all members alive, with
     *                    identical entries, and every acknowledged write
     * @param ownKeysAcked acknowledged writes of the nodes' own keys
     * @param sharedAcked acknowledged shared-keyspace writes
     * @param sharedRefused shared writes without an acknowledgement
     * @param lost acknowledged writes missing somewhere after the heal
     * @param falseDeaths observer-member pairs seen dead that should not have been
     * @param note what else was seen (who suspected whom)
     */
    record Row(String fault, double healSeconds, int ownKeysAcked, int sharedAcked, int sharedRefused, long lost,
               int falseDeaths, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    /** The table, one line per fault. */
    String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-22s %8s %6s %7s %8s %5s %7s  %s%n",
                "fault", "heal_s", "kv_ack", "sh_ack", "sh_refus", "lost", "f_death", "note"));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "%-22s %8.2f %6d %7d %8d %5d %7d  %s%n", row.fault(),
                    row.healSeconds(), row.ownKeysAcked(), row.sharedAcked(), row.sharedRefused(), row.lost(),
                    row.falseDeaths(), row.note()));
        }
        return table.toString();
    }

    /** Appends the rows to {@code file}, tab-separated, each with {@code runId}. */
    void appendTo(Path file, String runId) {
        StringBuilder lines = new StringBuilder();
        for (Row row : rows) {
            lines.append(String.join("\t", runId, row.fault(), String.format(Locale.ROOT, "%.3f", row.healSeconds()),
                    Integer.toString(row.ownKeysAcked()), Integer.toString(row.sharedAcked()),
                    Integer.toString(row.sharedRefused()), Long.toString(row.lost()),
                    Integer.toString(row.falseDeaths()), row.note())).append('\n');
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the figures to " + file, e);
        }
    }
}
