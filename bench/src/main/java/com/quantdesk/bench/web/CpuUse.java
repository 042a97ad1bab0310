package com.quantdesk.bench.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent during a window, in cores (1.0 = one core busy all along): by the server, by the
 * browser (every process descended from this JVM but the server: chromedriver and Chromium's
 * processes), by this JVM, and by the whole machine (from {@code /proc/stat}, Linux only).
 *
 * @param server  the {@code quantdesk paper} process
 * @param browser chromedriver and Chromium
 * @param harness this JVM (the reference stream client, Selenium)
 * @param machine everything, other users' work included; NaN where {@code /proc/stat} is not
 */
record CpuUse(double server, double browser, double harness, double machine) {

    /** What other processes used: the machine's figure less the server's, the browser's and this JVM's. */
    double others() {
        return machine - server - browser - harness;
    }

    /** CPU times at one instant. */
    record Snapshot(long nanoTime, Map<Long, Long> cpuNanos, long machineBusyTicks, long machineTicks) {
    }

    /** CPU times now of this JVM's descendants and of the machine. */
    static Snapshot snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        ProcessHandle.current().descendants().forEach(p -> p.info().totalCpuDuration()
                .ifPresent(d -> cpu.put(p.pid(), d.toNanos())));
        ProcessHandle.current().info().totalCpuDuration().ifPresent(d -> cpu.put(ProcessHandle.current().pid(),
                d.toNanos()));
        long[] machine = machineTicks();
        return new Snapshot(System.nanoTime(), cpu, machine[0], machine[1]);
    }

    /** What was used between {@code from} and {@code to}; {@code server} is the server's process. */
    static CpuUse between(Snapshot from, Snapshot to, ProcessHandle server) {
        double wall = to.nanoTime() - from.nanoTime();
        long serverNanos = 0;
        long browserNanos = 0;
        long harnessNanos = 0;
        long self = ProcessHandle.current().pid();
        for (Map.Entry<Long, Long> e : to.cpuNanos().entrySet()) {
            long used = e.getValue() - from.cpuNanos().getOrDefault(e.getKey(), 0L);
            if (e.getKey() == self) {
                harnessNanos += used;
            } else if (e.getKey() == server.pid() || isDescendant(e.getKey(), server)) {
                serverNanos += used;
            } else {
                browserNanos += used;
            }
        }
        long ticks = to.machineTicks() - from.machineTicks();
        int cores = Runtime.getRuntime().availableProcessors();
        double machine = ticks <= 0 ? Double.NaN
                : cores * (double) (to.machineBusyTicks() - from.machineBusyTicks()) / ticks;
        return new CpuUse(hundredth(serverNanos / wall), hundredth(browserNanos / wall), hundredth(harnessNanos / wall),
                hundredth(machine));
    }

    private static double hundredth(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }

    private static boolean isDescendant(long pid, ProcessHandle ancestor) {
        return ancestor.descendants().anyMatch(p -> p.pid() == pid);
    }

    /** Busy and total jiffies of all CPUs since boot (busy: all but idle, iowait and steal), or zeros. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            // user nice system idle iowait irq softirq steal guest guest_nice; guest time is in user already.
            if (fields.length > 9) {
                total -= Long.parseLong(fields[9]);
            }
            if (fields.length > 10) {
                total -= Long.parseLong(fields[10]);
            }
            // Steal is time the hypervisor gave to other machines: not this machine's work.
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5])
                    + (fields.length > 8 ? Long.parseLong(fields[8]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
