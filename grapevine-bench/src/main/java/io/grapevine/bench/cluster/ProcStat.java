package io.grapevine.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of a process from Linux's {@code /proc}: {@code utime} and
 * {@code stime} (fields 14 and 15 of {@code /proc/<pid>/stat}, in clock ticks of
 * {@value #TICKS_PER_SECOND} Hz, the USER_HZ of every mainstream Linux build) and
 * {@code VmRSS} of {@code /proc/<pid>/status}.
 *
 * @param cpuSeconds user plus system CPU seconds used so far, all threads
 * @param rssKib resident set size in KiB
 */
public record ProcStat(double cpuSeconds, long rssKib) {
    static final int TICKS_PER_SECOND = 100;

    /** Reads process {@code pid}; throws if it is gone or this is not Linux. */
    public static ProcStat of(long pid) throws IOException {
        return new ProcStat(cpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))),
                rssKib(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))));
    }

    /** Reads {@code process}, or empty once it has exited (also when it exits while being read). */
    static java.util.Optional<ProcStat> ofLive(ProcessHandle process) {
        if (!process.isAlive()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(of(process.pid()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** CPU seconds used so far by {@code processes} together; a process already gone counts nothing. */
    static double totalCpuSeconds(List<ProcessHandle> processes) throws IOException {
        double total = 0;
        for (ProcessHandle process : processes) {
            if (process.isAlive()) {
                total += of(process.pid()).cpuSeconds();
            }
        }
        return total;
    }

    /** utime + stime in seconds from the text of {@code /proc/<pid>/stat}. */
    static double cpuSeconds(String stat) {
        // the command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / (double) TICKS_PER_SECOND;
    }

    /** VmRSS in KiB from the lines of {@code /proc/<pid>/status} (0 if absent). */
    static long rssKib(List<String> status) {
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
