package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.sim.data.SyntheticMarket;
import com.quantdesk.sim.data.SyntheticMarketConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Historical candles (A.9) from the seeded synthetic bar generator of {@code sim}: the same seed,
 * symbol, interval and range always give the same candles, none starting after the sandbox's now. Each range is generated from its first
 * day, so two overlapping requests need not agree where they overlap. Kite's per-interval span
 * limits are enforced.
 */
final class HistoricalCandles {

    private static final DateTimeFormatter WITH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, Duration> INTERVALS = Map.of("minute", Duration.ofMinutes(1),
            "3minute", Duration.ofMinutes(3), "5minute", Duration.ofMinutes(5), "10minute", Duration.ofMinutes(10),
            "15minute", Duration.ofMinutes(15), "30minute", Duration.ofMinutes(30), "60minute", Duration.ofMinutes(60),
            "day", Duration.ofDays(1));
    private static final Map<String, Integer> MAX_DAYS = Map.of("minute", 60, "3minute", 100, "5minute", 100,
            "10minute", 100, "15minute", 200, "30minute", 200, "60minute", 400, "day", 2000);

    private final long seed;
    private final InstantSource clock;

    HistoricalCandles(long seed, InstantSource clock) {
        this.seed = seed;
        this.clock = clock;
    }

    /** The candles {@code [time, open, high, low, close, volume(, oi)]} with start times in [from, to]. */
    List<List<Object>> candles(Symbol symbol, String interval, String fromText, String toText, boolean oi) {
        Duration size = INTERVALS.get(interval);
        if (size == null) {
            throw KiteError.input("Invalid interval: " + interval);
        }
        LocalDateTime from = parse(fromText, "from", false);
        LocalDateTime to = parse(toText, "to", true);
        if (from.isAfter(to)) {
            throw KiteError.input("Invalid `from`: after `to`.");
        }
        if (ChronoUnit.DAYS.between(from.toLocalDate(), to.toLocalDate()) > MAX_DAYS.get(interval)) {
            throw KiteError.input("interval exceeds max limit: " + MAX_DAYS.get(interval) + " days");
        }
        SyntheticMarketConfig config = SyntheticMarketConfig.defaults(List.of(symbol), from.toLocalDate(),
                to.toLocalDate()).withSeed(seed).withBarSize(size);
        Instant start = from.atZone(KiteJson.IST).toInstant();
        Instant asked = to.atZone(KiteJson.IST).toInstant();
        Instant now = clock.instant();
        Instant end = asked.isAfter(now) ? now : asked;
        List<List<Object>> candles = new ArrayList<>();
        for (Bar bar : new SyntheticMarket(config).bars(symbol)) {
            if (bar.time().isBefore(start) || bar.time().isAfter(end)) {
                continue;
            }
            List<Object> candle = new ArrayList<>(List.of(KiteJson.candleTime(bar.time()), KiteJson.rupees(bar.open()),
                    KiteJson.rupees(bar.high()), KiteJson.rupees(bar.low()), KiteJson.rupees(bar.close()), bar.volume()));
            if (oi) {
                candle.add(0);
            }
            candles.add(candle);
        }
        return candles;
    }

    private static LocalDateTime parse(String text, String name, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            throw KiteError.input("`" + name + "` is missing.");
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.atTime(23, 59, 59) : day.atStartOfDay();
            }
            return LocalDateTime.parse(text, WITH_TIME);
        } catch (DateTimeParseException e) {
            throw KiteError.input("Invalid `" + name + "`: yyyy-mm-dd hh:mm:ss.");
        }
    }
}
