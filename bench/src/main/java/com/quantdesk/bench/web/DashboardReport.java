package com.quantdesk.bench.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The dashboard harness's output: the summary table it prints and the JSON results file. */
final class DashboardReport {

    private static final String DASHBOARD = "com/quantdesk/server/dashboard/";

    private DashboardReport() {
    }

    /** The machine as the results file records it; the load average now. */
    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", Runtime.version().toString());
        machine.put("loadAverageBefore", loadAverage());
        return machine;
    }

    /**
     * Which dashboard was measured: how many files the application jar serves it from, and the first
     * twelve hex digits of a SHA-256 over their names and contents (it may hold uncommitted work, so
     * a commit id alone would not say).
     */
    static String dashboardFingerprint(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> entries = file.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(DASHBOARD))
                    .sorted(Comparator.comparing(JarEntry::getName)).toList();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (JarEntry entry : entries) {
                sha.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream(entry)) {
                    sha.update(in.readAllBytes());
                }
            }
            return entries.size() + " files, sha256 " + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The summary table: one column per screen. */
    static void print(List<ScreenFigures> screens) {
        StringBuilder out = new StringBuilder("\n");
        line(out, "screen", screens, ScreenFigures::screen);
        line(out, "window, s", screens, s -> f1(s.seconds()));
        line(out, "quotes/s received by the page", screens, s -> f1(s.stream().pageQuotesPerSecond()));
        line(out, "server: quotes/s, all symbols", screens, s -> f1(s.stream().serverQuotesPerSecond()));
        line(out, "page: min-max quotes in a second", screens, s -> range(s.stream().pageQuotesEachSecond()));
        line(out, "page: all messages/s, KB/s", screens, s -> f1(s.stream().pageMessagesPerSecond()) + ", "
                + f1(s.stream().pageKilobytesPerSecond()));
        line(out, "page: stream reconnects", screens, s -> Long.toString(s.stream().connections()));
        line(out, "frames/s", screens, s -> f1(s.frames().fps()));
        line(out, "frame interval p50/p95/p99, ms", screens, s -> f1(s.frames().p50()) + " / " + f1(s.frames().p95())
                + " / " + f1(s.frames().p99()));
        line(out, "frame interval max, ms", screens, s -> f1(s.frames().max()));
        line(out, "frames over 50 ms", screens, s -> Long.toString(s.frames().over50ms()));
        line(out, "long tasks: count, total ms", screens, s -> s.longTasks().count() + ", "
                + f1(s.longTasks().totalMs()));
        line(out, "long tasks: longest, blocking ms", screens, s -> f1(s.longTasks().maxMs()) + ", "
                + f1(s.longTasks().blockingMs()));
        line(out, "long animation frames: count, max", screens, s -> s.longFrames() == null ? "n/a"
                : s.longFrames().count() + ", " + f1(s.longFrames().maxMs()));
        table(out, "table: mutation records/s", screens, (s, t) -> f1(t.mutationsPerSecond()));
        table(out, "table: cell text changes/s", screens, (s, t) -> f1(t.cellTextChangesPerSecond()));
        table(out, "table: distinct cells changed", screens, (s, t) -> Long.toString(t.cellsTouched()));
        table(out, "table: attribute writes/s", screens, (s, t) -> f1(t.attributeChanges().values().stream()
                .mapToLong(Long::longValue).sum() / s.seconds()));
        table(out, "table: rows added / removed", screens, (s, t) -> t.rowsAdded() + " / " + t.rowsRemoved());
        table(out, "table: rows kept (same elements)", screens, (s, t) -> t.rowsKept() + " of " + t.rowsAtStart());
        table(out, "screen outside the table: records/s", screens, (s, t) -> f1(t.otherMutationsPerSecond()));
        line(out, "JS heap start -> end, MB", screens, s -> s.heapMb().size() < 2 ? "n/a"
                : s.heapMb().get(0) + " -> " + s.heapMb().get(1));
        line(out, "CPU, cores: browser", screens, s -> f2(s.cpu().browser()));
        line(out, "CPU, cores: server", screens, s -> f2(s.cpu().server()));
        line(out, "CPU, cores: harness", screens, s -> f2(s.cpu().harness()));
        line(out, "CPU, cores: machine", screens, s -> f2(s.cpu().machine()));
        line(out, "CPU, cores: other processes", screens, s -> f2(s.cpu().others()));
        line(out, "console errors", screens, s -> Integer.toString(s.consoleErrors().size()));
        System.out.print(out);
        for (ScreenFigures s : screens) {
            s.consoleErrors().forEach(e -> System.out.println(s.screen() + " console: " + e));
            if (s.longFrames() != null) {
                for (Map<String, Object> frame : s.longFrames().longest().subList(0, Math.min(3,
                        s.longFrames().longest().size()))) {
                    System.out.println(s.screen() + " long animation frame: " + frame);
                }
            }
        }
    }

    private static void line(StringBuilder out, String label, List<ScreenFigures> screens,
                             Function<ScreenFigures, String> value) {
        out.append(String.format(Locale.ROOT, "%-38s", label));
        screens.forEach(s -> out.append(String.format(Locale.ROOT, " %18s", value.apply(s))));
        out.append('\n');
    }

    /** A line of the table's figures, "off" where the table was not observed. */
    private static void table(StringBuilder out, String label, List<ScreenFigures> screens,
                              BiFunction<ScreenFigures, ScreenFigures.Table, String> value) {
        line(out, label, screens, s -> s.table() == null ? "off" : value.apply(s, s.table()));
    }

    /** Writes the settings, the machine and every screen's figures to the results file as JSON. */
    static void write(DashboardLoad.Options options, int symbols, List<Double> expectedQuotesPerSecond,
                      Map<String, Object> machine, List<ScreenFigures> screens) throws IOException {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("symbols", symbols);
        configuration.put("speed", options.speed());
        configuration.put("interval", DashboardLoad.text(options.interval()));
        configuration.put("expectedQuotesPerSecond", expectedQuotesPerSecond);
        configuration.put("window", DashboardLoad.text(options.duration()));
        configuration.put("settle", DashboardLoad.text(options.settle()));
        configuration.put("positions", options.positions());
        configuration.put("mutationObservers", options.mutations());
        configuration.put("viewport", options.width() + "x" + options.height());
        configuration.put("dashboard", dashboardFingerprint(options.jar()));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("measured", Instant.now().toString());
        results.put("machine", machine);
        results.put("configuration", configuration);
        results.put("screens", screens);
        Path file = options.results().toAbsolutePath();
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
        System.out.println("\nresults: " + file);
    }

    private static String range(List<Long> perSecond) {
        // The last second is a part of one.
        List<Long> whole = perSecond.size() > 1 ? perSecond.subList(0, perSecond.size() - 1) : perSecond;
        return whole.stream().mapToLong(Long::longValue).min().orElse(0) + "-"
                + whole.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
