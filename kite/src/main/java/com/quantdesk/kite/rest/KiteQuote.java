package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.instantOrNull;
import static com.quantdesk.kite.rest.KiteJson.longOrZero;
import static com.quantdesk.kite.rest.KiteJson.longValue;
import static com.quantdesk.kite.rest.KiteJson.paise;
import static com.quantdesk.kite.rest.KiteJson.paiseOrZero;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A full quote ({@code GET /quote}); prices in paise.
 *
 * @param instrumentToken   instrument token
 * @param timestamp         quote time, or {@code null}
 * @param lastTradeTime     time of the last trade, or {@code null}
 * @param lastPrice         last traded price
 * @param lastQuantity      last traded quantity
 * @param buyQuantity       total bid quantity
 * @param sellQuantity      total offer quantity
 * @param volume            day volume
 * @param averagePrice      volume-weighted average price
 * @param oi                open interest
 * @param netChange         change from the previous close
 * @param lowerCircuitLimit lowest price allowed today
 * @param upperCircuitLimit highest price allowed today
 * @param ohlc              day OHLC
 * @param bids              bid depth, best first
 * @param offers            offer depth, best first
 */
public record KiteQuote(long instrumentToken, Instant timestamp, Instant lastTradeTime, long lastPrice,
                        long lastQuantity, long buyQuantity, long sellQuantity, long volume, long averagePrice,
                        long oi, long netChange, long lowerCircuitLimit, long upperCircuitLimit, KiteOhlc ohlc,
                        List<KiteDepthLevel> bids, List<KiteDepthLevel> offers) {

    /** Copies the depth lists. */
    public KiteQuote {
        bids = List.copyOf(bids);
        offers = List.copyOf(offers);
    }

    static KiteQuote from(JsonNode n) {
        return new KiteQuote(longValue(n, "instrument_token"), instantOrNull(n, "timestamp"),
                instantOrNull(n, "last_trade_time"), paise(n, "last_price"), longOrZero(n, "last_quantity"),
                longOrZero(n, "buy_quantity"), longOrZero(n, "sell_quantity"), longOrZero(n, "volume"),
                paiseOrZero(n, "average_price"), longOrZero(n, "oi"), paiseOrZero(n, "net_change"),
                paiseOrZero(n, "lower_circuit_limit"), paiseOrZero(n, "upper_circuit_limit"),
                KiteOhlc.from(n.path("ohlc")), depth(n.path("depth").path("buy")), depth(n.path("depth").path("sell")));
    }

    private static List<KiteDepthLevel> depth(JsonNode array) {
        List<KiteDepthLevel> out = new ArrayList<>();
        array.forEach(level -> out.add(KiteDepthLevel.from(level)));
        return out;
    }
}
