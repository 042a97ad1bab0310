package com.quantdesk.core.risk;

import com.quantdesk.core.domain.Paise;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pre-trade limits of one account. Money is paise, shares of equity are basis points
 * (100 bps = 1%). Every field is a configuration key of the same name (docs/risk.md), readable and
 * writable as text through {@link #toMap()} and {@link #with(String, String)}; money keys are
 * written in rupees there.
 *
 * @param fatFingerBps          LIMIT/SL limit price at most this far from the last price
 * @param priceBandBps          price at most this far from the previous session's close (0 = off)
 * @param maxOrderQuantity      shares in one order
 * @param maxOrderValue         value of one order, paise
 * @param maxOpenPositions      open positions per account
 * @param maxPositionValue      absolute value of one symbol's position, paise
 * @param maxConcentrationBps   one symbol's position as a share of equity
 * @param maxSectorExposureBps  one sector's gross positions as a share of equity
 * @param misLeverage           gross exposure allowed per rupee of equity for MIS (CNC is always 1×)
 * @param maxDailyLoss          loss since the session start (realized + unrealized, after charges), paise
 * @param dailyLossState        state an account enters when the daily loss is breached (REDUCING or HALTED)
 * @param killOnDailyLoss       whether a daily-loss breach also fires the kill switch (cancel all orders)
 * @param maxRiskPerTradeBps    quantity × |entry − stop| as a share of equity
 * @param denyWithoutStop       deny exposure-increasing orders that carry no protective stop
 * @param stopAtrMultiple       otherwise measure them with a stop this many ATRs away
 * @param fallbackStopBps       ...or this far away while the ATR is not yet known
 * @param maxOrdersPerSecond    orders per account per second (SEBI's retail-algo threshold is 10)
 * @param maxOrdersPerMinute    orders per account per minute
 * @param maxOrdersPerDay       orders per account per day
 * @param maxTradesPerBotPerDay orders per bot per day
 * @param enforceMarketHours    new orders only in the session (09:15–15:30 IST) unless after-market
 * @param misCutoff             no new MIS entries from this IST time; MIS positions are squared off then
 * @param misSquareOff          whether the engine squares off MIS positions at the cut-off
 * @param duplicateWindow       the same order (bot, symbol, side, quantity, price) is denied within this
 * @param rejectSpikeCount      this many venue rejects within {@code rejectSpikeWindow} fire the kill switch (0 = off)
 * @param rejectSpikeWindow     the window for reject spikes
 * @param staleDataAfter        no market data for this long in the session fires the kill switch (0 = off)
 */
public record RiskLimits(int fatFingerBps, int priceBandBps, long maxOrderQuantity, long maxOrderValue,
                         int maxOpenPositions, long maxPositionValue, int maxConcentrationBps,
                         int maxSectorExposureBps, int misLeverage, long maxDailyLoss, TradingState dailyLossState,
                         boolean killOnDailyLoss, int maxRiskPerTradeBps, boolean denyWithoutStop,
                         double stopAtrMultiple, int fallbackStopBps, int maxOrdersPerSecond,
                         int maxOrdersPerMinute, int maxOrdersPerDay, int maxTradesPerBotPerDay,
                         boolean enforceMarketHours, LocalTime misCutoff, boolean misSquareOff,
                         Duration duplicateWindow, int rejectSpikeCount, Duration rejectSpikeWindow,
                         Duration staleDataAfter) {

    private static final Set<String> MONEY = Set.of("maxOrderValue", "maxPositionValue", "maxDailyLoss");

    /** Validates every limit; the message names the key. */
    public RiskLimits {
        nonNegative("fatFingerBps", fatFingerBps);
        nonNegative("priceBandBps", priceBandBps);
        positive("maxOrderQuantity", maxOrderQuantity);
        positive("maxOrderValue", maxOrderValue);
        positive("maxOpenPositions", maxOpenPositions);
        positive("maxPositionValue", maxPositionValue);
        positive("maxConcentrationBps", maxConcentrationBps);
        positive("maxSectorExposureBps", maxSectorExposureBps);
        positive("misLeverage", misLeverage);
        positive("maxDailyLoss", maxDailyLoss);
        Objects.requireNonNull(dailyLossState, "dailyLossState");
        if (dailyLossState == TradingState.ACTIVE) {
            throw new IllegalArgumentException("dailyLossState must be REDUCING or HALTED");
        }
        positive("maxRiskPerTradeBps", maxRiskPerTradeBps);
        if (!(stopAtrMultiple > 0) || Double.isInfinite(stopAtrMultiple)) {
            throw new IllegalArgumentException("stopAtrMultiple must be a positive number, was " + stopAtrMultiple);
        }
        positive("fallbackStopBps", fallbackStopBps);
        positive("maxOrdersPerSecond", maxOrdersPerSecond);
        positive("maxOrdersPerMinute", maxOrdersPerMinute);
        positive("maxOrdersPerDay", maxOrdersPerDay);
        positive("maxTradesPerBotPerDay", maxTradesPerBotPerDay);
        Objects.requireNonNull(misCutoff, "misCutoff");
        notNegative("duplicateWindow", duplicateWindow);
        nonNegative("rejectSpikeCount", rejectSpikeCount);
        notNegative("rejectSpikeWindow", rejectSpikeWindow);
        notNegative("staleDataAfter", staleDataAfter);
    }

    /** Defaults taken from production checklists of trading desks (docs/risk.md). */
    public static RiskLimits defaults() {
        return new RiskLimits(500, 1000, 10_000, Paise.ofRupees(10_00_000), 25, Paise.ofRupees(20_00_000), 2000,
                4000, 5, Paise.ofRupees(10_000), TradingState.REDUCING, false, 200, false, 2.0, 500, 10, 400, 5000,
                1000, true, LocalTime.of(15, 20), true, Duration.ofSeconds(2), 10, Duration.ofMinutes(1),
                Duration.ofSeconds(60));
    }

    /** Every key and its value as text (money in rupees), in declaration order. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (RecordComponent c : RiskLimits.class.getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record accessor " + c.getName(), e);
            }
            map.put(c.getName(), MONEY.contains(c.getName()) ? Paise.format((Long) value) : value.toString());
        }
        return map;
    }

    /** A copy with another market-data staleness allowance (zero: no stale-data alarm). */
    public RiskLimits withStaleDataAfter(Duration after) {
        return new RiskLimits(fatFingerBps, priceBandBps, maxOrderQuantity, maxOrderValue, maxOpenPositions,
                maxPositionValue, maxConcentrationBps, maxSectorExposureBps, misLeverage, maxDailyLoss, dailyLossState,
                killOnDailyLoss, maxRiskPerTradeBps, denyWithoutStop, stopAtrMultiple, fallbackStopBps,
                maxOrdersPerSecond, maxOrdersPerMinute, maxOrdersPerDay, maxTradesPerBotPerDay, enforceMarketHours,
                misCutoff, misSquareOff, duplicateWindow, rejectSpikeCount, rejectSpikeWindow, after);
    }

    /**
     * A copy with one key changed.
     *
     * @throws IllegalArgumentException naming the key when it is unknown or the value does not parse or fit
     */
    public RiskLimits with(String key, String value) {
        return with(Map.of(key, value));
    }

    /** A copy with several keys changed; all or nothing. */
    public RiskLimits with(Map<String, String> changes) {
        if (changes.isEmpty()) {
            return this;
        }
        Map<String, String> map = toMap();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (!map.containsKey(change.getKey())) {
                throw new IllegalArgumentException("unknown risk limit '" + change.getKey() + "'");
            }
            map.put(change.getKey(), change.getValue());
        }
        RecordComponent[] components = RiskLimits.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = parse(components[i].getName(), types[i], map.get(components[i].getName()).trim());
        }
        try {
            return RiskLimits.class.getDeclaredConstructor(types).newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("canonical constructor of RiskLimits", e);
        }
    }

    private static Object parse(String key, Class<?> type, String text) {
        try {
            if (MONEY.contains(key)) {
                return Paise.parse(text);
            } else if (type == int.class) {
                return Integer.parseInt(text);
            } else if (type == long.class) {
                return Long.parseLong(text);
            } else if (type == double.class) {
                return Double.parseDouble(text);
            } else if (type == boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("not true or false");
                }
                return Boolean.parseBoolean(text);
            } else if (type == Duration.class) {
                return Duration.parse(text.startsWith("P") ? text : "PT" + text);
            } else if (type == LocalTime.class) {
                return LocalTime.parse(text);
            } else if (type == TradingState.class) {
                return TradingState.valueOf(text);
            }
        } catch (RuntimeException e) {
            String expected = MONEY.contains(key) ? "rupee amount" : type == Duration.class ? "duration (e.g. 2s, 1m)"
                    : type == LocalTime.class ? "time (HH:mm)" : type == TradingState.class ? "REDUCING or HALTED"
                    : type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
            throw new IllegalArgumentException("risk limit " + key + "='" + text + "' is not a valid " + expected, e);
        }
        throw new IllegalStateException("no parser for " + type);
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("risk limit " + key + " must be positive, was " + value);
        }
    }

    private static void nonNegative(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("risk limit " + key + " must not be negative, was " + value);
        }
    }

    private static void notNegative(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative()) {
            throw new IllegalArgumentException("risk limit " + key + " must not be negative, was " + value);
        }
    }
}
