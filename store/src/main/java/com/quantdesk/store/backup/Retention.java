package com.quantdesk.store.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which backups to keep: the newest of each of the last {@code daily} days, of each of the last
 * {@code weekly} weeks (Monday to Sunday, UTC) and of each of the last {@code monthly} months, and
 * always the newest of all. Only files named as {@link Backups} names them are considered; anything
 * else in the directory is left alone.
 *
 * @param daily   days with a backup kept
 * @param weekly  weeks with a backup kept
 * @param monthly months with a backup kept
 */
public record Retention(int daily, int weekly, int monthly) {

    private static final Pattern NAME = Pattern.compile("quantdesk-(\\d{8}T\\d{6}Z)-\\d+\\.qdbackup");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** 7 daily, 4 weekly, 12 monthly. */
    public static final Retention DEFAULT = new Retention(7, 4, 12);

    /** Validates the counts. */
    public Retention {
        if (daily < 0 || weekly < 0 || monthly < 0 || daily + weekly + monthly == 0) {
            throw new IllegalArgumentException("retention must keep something: daily, weekly and monthly are counts "
                    + "of at least 0, not all 0");
        }
    }

    /** A backup file and when it was taken. */
    public record Entry(Path file, Instant taken) {
    }

    /** The backups in {@code directory}, newest first. */
    public static List<Entry> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                taken(file).ifPresent(t -> entries.add(new Entry(file, t)));
            }
        }
        entries.sort(Comparator.comparing(Entry::taken).reversed());
        return entries;
    }

    /** When a backup file was taken, from its name. */
    public static Optional<Instant> taken(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(STAMP.parse(m.group(1))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The entries to delete (those no rule keeps), from {@code entries} newest first. */
    public List<Entry> expired(List<Entry> entries) {
        Set<Entry> kept = new LinkedHashSet<>();
        if (!entries.isEmpty()) {
            kept.add(entries.getFirst());
        }
        keepNewestPer(entries, daily, e -> date(e), kept);
        keepNewestPer(entries, weekly, e -> date(e).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), kept);
        keepNewestPer(entries, monthly, e -> date(e).withDayOfMonth(1), kept);
        return entries.stream().filter(e -> !kept.contains(e)).toList();
    }

    /** Deletes what {@link #expired} names in {@code directory}; answers the files deleted. */
    public List<Path> prune(Path directory) throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (Entry entry : expired(list(directory))) {
            Files.deleteIfExists(entry.file());
            deleted.add(entry.file());
        }
        return deleted;
    }

    private static LocalDate date(Entry e) {
        return LocalDate.ofInstant(e.taken(), ZoneOffset.UTC);
    }

    private static void keepNewestPer(List<Entry> newestFirst, int periods,
                                      java.util.function.Function<Entry, LocalDate> period, Set<Entry> kept) {
        Set<LocalDate> seen = new HashSet<>();
        for (Entry entry : newestFirst) {
            if (seen.size() >= periods && !seen.contains(period.apply(entry))) {
                break;
            }
            if (seen.add(period.apply(entry))) {
                kept.add(entry);
            }
        }
    }
}
