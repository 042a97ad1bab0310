package com.quantdesk.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    @TempDir
    Path dir;

    @Test
    void sevenDailyFourWeeklyAndTwelveMonthlyOfABackupEverySixHoursForAYear() throws Exception {
        List<Path> all = new ArrayList<>();
        for (Instant t = Instant.parse("2025-11-01T00:00:00Z"); t.isBefore(Instant.parse("2026-12-03T12:00:01Z"));
             t = t.plus(Duration.ofHours(6))) {
            Path file = dir.resolve("quantdesk-" + t.toString().replaceAll("[-:]", "").replace(".000", "")
                    .replace("Z", "Z") + "-" + t.getEpochSecond() + ".qdbackup");
            Files.writeString(file, "x");
            all.add(file);
        }
        Files.writeString(dir.resolve("notes.txt"), "not a backup");

        List<Path> deleted = Retention.DEFAULT.prune(dir);
        List<Retention.Entry> kept = Retention.list(dir);

        assertThat(deleted).hasSize(all.size() - kept.size());
        assertThat(dir.resolve("notes.txt")).exists();
        Map<LocalDate, Instant> byDay = new TreeMap<>();
        kept.forEach(e -> byDay.merge(LocalDate.ofInstant(e.taken(), ZoneOffset.UTC), e.taken(),
                (a, b) -> a.isAfter(b) ? a : b));
        // The newest (12:00 on 3 December) and one a day for the six days before it, each the day's last.
        assertThat(kept.getFirst().taken()).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
        for (int back = 1; back <= 6; back++) {
            LocalDate day = LocalDate.parse("2026-12-03").minusDays(back);
            assertThat(byDay.get(day)).as("day %s", day).isEqualTo(day.atTime(18, 0).toInstant(ZoneOffset.UTC));
        }
        // Twelve months have their last backup (the current month's is the newest).
        Map<YearMonth, Long> months = kept.stream().collect(Collectors.groupingBy(
                e -> YearMonth.from(LocalDate.ofInstant(e.taken(), ZoneOffset.UTC)), TreeMap::new,
                Collectors.counting()));
        assertThat(months.keySet()).contains(YearMonth.parse("2026-01"), YearMonth.parse("2026-11"));
        assertThat(months.keySet()).doesNotContain(YearMonth.parse("2025-11"));
        assertThat(kept).hasSizeLessThanOrEqualTo(1 + 7 + 4 + 12);
        assertThat(kept.stream().filter(e -> e.taken().isBefore(Instant.parse("2026-11-01T00:00:00Z"))))
                .allSatisfy(e -> assertThat(LocalDate.ofInstant(e.taken(), ZoneOffset.UTC).plusDays(1).getDayOfMonth())
                        .as("a month's last backup").isEqualTo(1));
    }

    @Test
    void retentionMustKeepSomething() {
        assertThatThrownBy(() -> new Retention(0, 0, 0)).hasMessageStartingWith("retention must keep something");
        assertThat(Retention.taken(Path.of("quantdesk-20261203T101500Z-42.qdbackup")))
                .contains(Instant.parse("2026-12-03T10:15:00Z"));
        assertThat(Retention.taken(Path.of("quantdesk-latest.qdbackup"))).isEmpty();
    }
}
