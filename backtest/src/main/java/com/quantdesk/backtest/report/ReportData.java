package com.quantdesk.backtest.report;

import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.metrics.EquityPoint;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.time.MarketTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link HtmlReport} shows about one backtest. It holds no wall-clock time, so the same
 * data always renders to the same bytes.
 *
 * @param title           heading of the report, such as the strategy's name
 * @param subtitle        line under the heading, such as the symbols and the date range
 * @param parameters      strategy and run parameters, in the order to show them
 * @param metrics         the computed performance
 * @param curve           the equity curve, in time order, at least one point
 * @param trades          closed trades, in the order to list them
 * @param denialsByReason orders our risk checks denied, counted by reason, in the order to show them
 * @param orderCount      orders submitted
 * @param fillCount       fills received
 */
public record ReportData(
        String title,
        String subtitle,
        Map<String, String> parameters,
        PerformanceMetrics metrics,
        List<EquityPoint> curve,
        List<RoundTrip> trades,
        Map<String, Long> denialsByReason,
        long orderCount,
        long fillCount) {

    /** Validates the data and takes immutable copies that keep the maps' order. */
    public ReportData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(metrics, "metrics");
        parameters = orderedCopy(Objects.requireNonNull(parameters, "parameters"));
        denialsByReason = orderedCopy(Objects.requireNonNull(denialsByReason, "denialsByReason"));
        curve = List.copyOf(curve);
        trades = List.copyOf(trades);
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("the equity curve is empty");
        }
        if (orderCount < 0 || fillCount < 0) {
            throw new IllegalArgumentException("order and fill counts must not be negative, were "
                    + orderCount + " and " + fillCount);
        }
        denialsByReason.forEach((reason, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("denial count of " + reason + " is negative: " + count);
            }
        });
    }

    private static <V> Map<String, V> orderedCopy(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key)));
        return Collections.unmodifiableMap(copy);
    }

    /** The report of a backtest's result: its strategy, parameters, symbols, period and capital. */
    public static ReportData of(BacktestResult result) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("strategy", result.strategy());
        result.parameters().forEach((k, v) -> shown.put(k, ParameterSpec.format(v)));
        shown.put("symbols", String.join(", ", result.symbols().stream().map(Object::toString).toList()));
        shown.put("period", period(result));
        shown.put("bars", Long.toString(result.barCount()));
        shown.put("initial capital", RupeeFormat.format(result.initialCapital()));
        shown.put("event stream SHA-256", result.eventStreamHash());
        return new ReportData("Backtest: " + result.strategy() + " on " + shown.get("symbols"),
                shown.get("period"), shown, result.metrics(), result.curve(), result.trades(),
                result.denialsByReason(), result.orders().size(), result.fills().size());
    }

    /**
     * A result's first and last bar times, e.g. {@code 2024-01-01 → 2024-03-29} for daily bars and
     * {@code 2024-01-01 09:15 → 2024-01-05 15:29 IST} for intraday ones. Bars are daily when every
     * instant of the run is a session open (daily bars are stamped 09:15 IST).
     */
    public static String period(BacktestResult r) {
        ZonedDateTime from = r.from().atZone(MarketTime.IST);
        ZonedDateTime to = r.to().atZone(MarketTime.IST);
        boolean daily = allAtTheOpen(r);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(daily ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm");
        return f.format(from) + " → " + f.format(to) + (daily ? "" : " IST");
    }

    private static boolean allAtTheOpen(BacktestResult r) {
        int openSecond = MarketTime.OPEN.toSecondOfDay();
        for (EquityPoint point : r.curve()) {
            long secondOfDay = Math.floorMod(point.time().getEpochSecond() + MarketTime.IST_OFFSET_SECONDS, 86_400L);
            if (secondOfDay != openSecond || point.time().getNano() != 0) {
                return false;
            }
        }
        return r.from().atZone(MarketTime.IST).toLocalTime().equals(MarketTime.OPEN)
                && r.to().atZone(MarketTime.IST).toLocalTime().equals(MarketTime.OPEN);
    }
}
