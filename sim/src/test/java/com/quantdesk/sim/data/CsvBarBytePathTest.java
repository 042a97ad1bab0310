package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte path of {@link CsvBarReader} against its general parser: for files mixing every accepted
 * form of dates and numbers with bad rows, both give the same bars, counts and warnings, or the same
 * error; and what {@link CsvBarWriter} writes, daily or to the millisecond, reads back identical.
 * Each example is a seed for the file's contents; a failure prints it.
 */
class CsvBarBytePathTest {

    private static final Symbol SYMBOL = Symbol.of("ABC");
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final String[] SEPARATORS = {"\n", "\n", "\n", "\r\n", "\r"};

    @TempDir
    Path dir;

    @Test
    void bytePathAgreesWithTheGeneralParserOnAnyFile() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Path file = write(seed);
            for (boolean skip : new boolean[] {false, true}) {
                for (OhlcFix fix : OhlcFix.values()) {
                    CsvBarReader fast = new CsvBarReader().skipBadRows(skip).ohlcFix(fix);
                    assertThat(outcome(fast, file)).as("seed %d, skip %s, %s", seed, skip, fix)
                            .isEqualTo(outcome(fast.generalParserOnly(), file));
                }
            }
        });
    }

    @Test
    void dailyAndSubSecondBarsSurviveWriteThenRead() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            boolean daily = random.nextBoolean();
            List<Bar> bars = new ArrayList<>();
            Instant time = LocalDateTime.of(1971 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28), 9, 15)
                    .atZone(IST).toInstant();
            for (int i = random.nextInt(1, 40); i > 0; i--) {
                time = daily ? time.plus(Duration.ofDays(random.nextInt(1, 10)))
                        : time.plus(Duration.ofMillis(random.nextLong(1, 10_000_000)));
                long low = random.nextLong(1, 10_000_000_000L);
                long high = low + random.nextLong(0, 100_000);
                bars.add(new Bar(SYMBOL, time, random.nextLong(low, high + 1), high, low,
                        random.nextLong(low, high + 1), random.nextLong(0, Long.MAX_VALUE)));
            }
            Path file = dir.resolve("abc.csv");
            new CsvBarWriter().write(file, bars);

            assertThat(new CsvBarReader().read(file).bars()).as("seed %d", seed).isEqualTo(bars);
        });
    }

    @Test
    void readsAFileLongerThanTheReadBufferWithLinesAcrossItsEdges() throws IOException {
        List<Bar> bars = new ArrayList<>();
        StringBuilder csv = new StringBuilder("datetime,open,high,low,close,volume\r\n");
        LocalDateTime time = LocalDateTime.of(2024, 1, 1, 9, 15);
        for (int i = 0; i < 40_000; i++) {
            long low = 100_00 + i;
            csv.append(time).append(',').append(Paise.format(low + 1)).append(',').append(Paise.format(low + 3))
                    .append(',').append(Paise.format(low)).append(',').append(Paise.format(low + 2)).append(",")
                    .append(i).append("\r\n");
            bars.add(new Bar(CsvBarReader.symbolOf(dir.resolve("x.csv")), time.atZone(IST)
                    .toInstant(), low + 1, low + 3, low, low + 2, i));
            time = time.plusMinutes(1);
        }
        Path file = Files.writeString(dir.resolve("x.csv"), csv);

        assertThat(new CsvBarReader().read(file).bars()).isEqualTo(bars);
    }

    private Path write(long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        String separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
        if (random.nextInt(8) == 0) {
            csv.append('\uFEFF');
        }
        int form = random.nextInt(4);
        switch (form) {
            case 1 -> csv.append("datetime,open,high,low,close,volume").append(separator);
            case 2 -> csv.append("date,time,open,high,low,close,volume").append(separator);
            case 3 -> csv.append(" Date , Open,High,Low,Close,Volume,Adj Close").append(separator);
            default -> { }
        }
        boolean daily = random.nextBoolean();
        LocalDateTime time = LocalDateTime.of(1960 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28),
                daily ? 9 : random.nextInt(24), daily ? 15 : random.nextInt(60), random.nextInt(8) == 0 ? random.nextInt(60) : 0);
        int rows = 1 + random.nextInt(30);
        for (int i = 0; i < rows; i++) {
            int step = random.nextInt(20);
            time = step == 0 ? time.minusDays(random.nextInt(2)) : daily ? time.plusDays(step) : time.plusMinutes(step * 7L);
            csv.append(row(random, time, form, daily)).append(separator);
            if (random.nextInt(15) == 0) {
                csv.append(random.nextBoolean() ? "" : "  ").append(separator);
            }
        }
        if (random.nextBoolean()) {
            csv.setLength(csv.length() - separator.length());
        }
        try {
            return Files.writeString(dir.resolve("abc.csv"), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(Random random, LocalDateTime time, int form, boolean daily) {
        long low = 1 + (long) Math.pow(10, random.nextInt(12) * random.nextDouble());
        long high = low + random.nextInt(1000);
        long open = low + (high > low ? random.nextLong(high - low + 1) : 0);
        long close = low + (high > low ? random.nextLong(high - low + 1) : 0);
        if (random.nextInt(10) == 0) {
            open = high + 1 + random.nextInt(5);
        }
        if (random.nextInt(10) == 0) {
            close = Math.max(1, low - 1 - random.nextInt(5));
        }
        if (random.nextInt(20) == 0) {
            high = low - 1;
        }
        String volume = switch (random.nextInt(12)) {
            case 0 -> random.nextInt(1000) + ".0";
            case 1 -> random.nextInt(1000) + ".5";
            case 2 -> "-" + random.nextInt(10);
            case 3 -> "";
            case 4 -> "1e3";
            case 5 -> "99999999999999999999";
            default -> Long.toString(random.nextLong(1, 10_000_000_000L));
        };
        String fields = price(random, open) + "," + price(random, high) + "," + price(random, low) + ","
                + price(random, close) + "," + volume;
        String date = time.toLocalDate().toString();
        String clock = String.format("%02d:%02d", time.getHour(), time.getMinute())
                + (time.getSecond() != 0 || random.nextBoolean() ? String.format(":%02d", time.getSecond()) : "");
        String line = switch (form) {
            case 2 -> date + "," + clock + "," + fields;
            case 3 -> timestamp(random, date, clock, daily) + "," + fields + ",1.5";
            default -> timestamp(random, date, clock, daily) + "," + fields;
        };
        return random.nextInt(25) == 0 ? line.substring(0, line.lastIndexOf(',')) : line;
    }

    private static String timestamp(Random random, String date, String clock, boolean daily) {
        return switch (random.nextInt(daily ? 3 : 6)) {
            case 0, 1 -> daily ? date : date + " " + clock;
            case 2 -> daily ? date + "T09:15:00+05:30" : date + "T" + clock;
            case 3 -> date + "t" + clock;
            case 4 -> date + " " + clock + (clock.length() == 8 ? ".250" : "") + "+0530";
            default -> random.nextBoolean() ? date.replace('-', '/') : date + " 24:00";
        };
    }

    private static String price(Random random, long paise) {
        String plain = Paise.format(paise);
        return switch (random.nextInt(14)) {
            case 0 -> plain + random.nextInt(10) + random.nextInt(10);
            case 1 -> plain + "5";
            case 2 -> plain + "50000";
            case 3 -> plain + "0000001";
            case 4 -> "0" + plain;
            case 5 -> " " + plain + " ";
            case 6 -> "\"" + plain + "\"";
            case 7 -> paise % 100 == 0 ? Long.toString(paise / 100) : plain.substring(0, plain.length() - 1);
            case 8 -> new java.math.BigDecimal(plain).scaleByPowerOfTen(-2).toPlainString() + "E2";
            case 9 -> random.nextBoolean() ? "-" + plain : random.nextBoolean() ? "x" + plain : "0.004";
            case 10 -> "+" + plain;
            default -> plain;
        };
    }

    private static Object outcome(CsvBarReader reader, Path file) {
        try {
            return reader.read(file);
        } catch (BarFileException e) {
            return e.getMessage();
        }
    }
}
