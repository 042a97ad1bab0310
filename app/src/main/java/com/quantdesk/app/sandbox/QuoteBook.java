package com.quantdesk.app.sandbox;

import com.quantdesk.core.market.Tick;
import java.time.Instant;

/**
 * One symbol's session so far, built from the synthetic market's ticks: last trade, OHLC, volume,
 * volume-weighted average price and the previous close. The five-level book is derived from the
 * last price (one tick apart), which is enough for a client to parse depth. Market thread only.
 */
final class QuoteBook {

    private static final int LEVELS = 5;

    private final long token;
    private final long tickSize;
    private final long close;
    private long open;
    private long high;
    private long low;
    private long last;
    private long lastQuantity;
    private Instant lastTradeTime;
    private long volume;
    private long turnover;

    QuoteBook(long token, long tickSize, long previousClose) {
        this.token = token;
        this.tickSize = tickSize;
        this.close = previousClose;
        this.last = previousClose;
    }

    /** Books a trade print. */
    void onTick(Tick tick) {
        if (lastTradeTime == null) {
            open = tick.price();
            high = tick.price();
            low = tick.price();
        }
        high = Math.max(high, tick.price());
        low = Math.min(low, tick.price());
        last = tick.price();
        lastQuantity = tick.size();
        lastTradeTime = tick.time();
        volume = Math.addExact(volume, tick.size());
        turnover = Math.addExact(turnover, Math.multiplyExact(tick.size(), tick.price()));
    }

    /** The quote as it stands, at sandbox time {@code now}. */
    QuoteSnapshot snapshot(Instant now) {
        long[] bidPrice = new long[LEVELS];
        long[] bidQuantity = new long[LEVELS];
        long[] askPrice = new long[LEVELS];
        long[] askQuantity = new long[LEVELS];
        int[] orders = new int[LEVELS];
        long totalBuy = 0;
        long totalSell = 0;
        for (int i = 0; i < LEVELS; i++) {
            bidPrice[i] = Math.max(tickSize, last - (i + 1) * tickSize);
            askPrice[i] = last + i * tickSize;
            bidQuantity[i] = 25L * (i + 1) + lastQuantity % 17;
            askQuantity[i] = 20L * (i + 1) + lastQuantity % 13;
            orders[i] = i + 1;
            totalBuy += bidQuantity[i] * 40;
            totalSell += askQuantity[i] * 40;
        }
        long average = volume == 0 ? 0 : Math.round((double) turnover / volume);
        long band = close / 10;
        long lowerCircuit = (close - band + tickSize - 1) / tickSize * tickSize;
        long upperCircuit = (close + band) / tickSize * tickSize;
        boolean traded = lastTradeTime != null;
        return new QuoteSnapshot(token, now, lastTradeTime, last, lastQuantity, average, volume, totalBuy, totalSell,
                traded ? open : close, traded ? high : close, traded ? low : close, close, lowerCircuit, upperCircuit,
                bidPrice, bidQuantity, askPrice, askQuantity, orders);
    }
}
