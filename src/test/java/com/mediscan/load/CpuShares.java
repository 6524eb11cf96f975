package com.mediscan.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where this machine's CPU went over an interval: the node's process, this driver's JVM, PostgreSQL's
 * processes (the server and one backend per connection, when the database runs here) and the whole
 * machine ({@code /proc/stat}). The node's share alone does not say what limits a run on two cores
 * that it shares with the driver and the database. PostgreSQL's share is right for its long-lived
 * backends (the pools' connections); one that ends within the interval takes its time out of it.
 */
record CpuShares(Duration node, Duration driver, Duration database, Duration machineBusy, Duration machineTotal) {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** The times so far; {@code nodePid} below 1 when the node is not on this machine. */
    static CpuShares now(long nodePid) {
        try {
            long[] machine = machineTicks();
            return new CpuShares(nodePid > 0 ? processTime(nodePid) : Duration.ZERO, processTime(ProcessHandle.current().pid()),
                    databaseTime(), ticks(machine[0]), ticks(machine[1]));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    CpuShares since(CpuShares before) {
        return new CpuShares(node.minus(before.node), driver.minus(before.driver), database.minus(before.database),
                machineBusy.minus(before.machineBusy), machineTotal.minus(before.machineTotal));
    }

    /** One line, in percent of one core over {@code seconds} of wall-clock time. */
    String describe(double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        double machinePct = machineTotal.isZero() ? Double.NaN : 100.0 * machineBusy.toNanos() / machineTotal.toNanos() * cores;
        return String.format(Locale.ROOT, "CPU during the plateau, %% of one core: node %.0f, driver %.0f, PostgreSQL %.0f; machine busy %.0f of %d",
                pct(node, seconds), pct(driver, seconds), pct(database, seconds), machinePct, cores * 100);
    }

    static double pct(Duration cpu, double seconds) {
        return cpu.toNanos() / 1e7 / seconds;
    }

    /** User plus system time of one process, from {@code /proc/<pid>/stat}. */
    static Duration processTime(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return ticks(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    /** PostgreSQL's server and its backends, which rename themselves ("postgres: 15/main: …") but keep their {@code comm}. */
    private static Duration databaseTime() {
        return ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).mapToObj(pid -> {
            try {
                boolean postgres = Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip().equals("postgres");
                return postgres ? processTime(pid) : Duration.ZERO;
            } catch (IOException gone) {
                return Duration.ZERO; // ended between the listing and the reading
            }
        }).reduce(Duration.ZERO, Duration::plus);
    }

    /** Busy and total ticks of all cores: the first line of {@code /proc/stat}, idle and iowait counted as not busy. */
    private static long[] machineTicks() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
        long[] fields = Arrays.stream(cpu.substring(3).strip().split("\\s+")).limit(8).mapToLong(Long::parseLong).toArray();
        long total = Arrays.stream(fields).sum();
        return new long[] {total - fields[3] - fields[4], total};
    }

    private static Duration ticks(long ticks) {
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }
}
