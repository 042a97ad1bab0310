package com.quantdesk.app.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instrument's quote at a moment, prices in paise. Depth arrays hold five levels, best first.
 *
 * @param lastTradeTime null before the first trade of the session
 */
record QuoteSnapshot(long token, Instant time, Instant lastTradeTime, long lastPrice, long lastQuantity,
                     long averagePrice, long volume, long buyQuantity, long sellQuantity, long open, long high,
                     long low, long close, long lowerCircuit, long upperCircuit, long[] bidPrice,
                     long[] bidQuantity, long[] askPrice, long[] askQuantity, int[] orders) {

    /** The full quote object of {@code GET /quote} (A.7). */
    Map<String, Object> fullJson() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("instrument_token", token);
        q.put("timestamp", KiteJson.time(time));
        q.put("last_trade_time", KiteJson.time(lastTradeTime));
        q.put("last_price", KiteJson.rupees(lastPrice));
        q.put("last_quantity", lastQuantity);
        q.put("buy_quantity", buyQuantity);
        q.put("sell_quantity", sellQuantity);
        q.put("volume", volume);
        q.put("average_price", KiteJson.rupees(averagePrice));
        q.put("oi", 0);
        q.put("oi_day_high", 0);
        q.put("oi_day_low", 0);
        q.put("net_change", KiteJson.rupees(lastPrice - close));
        q.put("lower_circuit_limit", KiteJson.rupees(lowerCircuit));
        q.put("upper_circuit_limit", KiteJson.rupees(upperCircuit));
        q.put("ohlc", ohlc());
        q.put("depth", Map.of("buy", levels(bidPrice, bidQuantity), "sell", levels(askPrice, askQuantity)));
        return q;
    }

    /** The object of {@code GET /quote/ohlc}. */
    Map<String, Object> ohlcJson() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("instrument_token", token);
        q.put("last_price", KiteJson.rupees(lastPrice));
        q.put("ohlc", ohlc());
        return q;
    }

    /** The object of {@code GET /quote/ltp}. */
    Map<String, Object> ltpJson() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("instrument_token", token);
        q.put("last_price", KiteJson.rupees(lastPrice));
        return q;
    }

    private Map<String, Object> ohlc() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("open", KiteJson.rupees(open));
        o.put("high", KiteJson.rupees(high));
        o.put("low", KiteJson.rupees(low));
        o.put("close", KiteJson.rupees(close));
        return o;
    }

    private List<Map<String, Object>> levels(long[] prices, long[] quantities) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("price", KiteJson.rupees(prices[i]));
            row.put("quantity", quantities[i]);
            row.put("orders", orders[i]);
            rows.add(row);
        }
        return rows;
    }
}
