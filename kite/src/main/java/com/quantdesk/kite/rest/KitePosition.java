package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.longOrZero;
import static com.quantdesk.kite.rest.KiteJson.paiseOrZero;
import static com.quantdesk.kite.rest.KiteJson.text;
import static com.quantdesk.kite.rest.KiteJson.textOrEmpty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One position ({@code GET /portfolio/positions}); money in paise, quantities signed (negative =
 * short).
 *
 * @param tradingsymbol      trading symbol
 * @param exchange           exchange
 * @param instrumentToken    instrument token
 * @param product            product
 * @param quantity           net quantity
 * @param overnightQuantity  quantity carried from the previous day
 * @param multiplier         contract multiplier (1 for equities)
 * @param averagePrice       average price
 * @param closePrice         previous close
 * @param lastPrice          last traded price
 * @param value              net value
 * @param pnl                profit and loss
 * @param m2m                mark-to-market
 * @param unrealised         unrealised P&amp;L
 * @param realised           realised P&amp;L
 * @param buyQuantity        quantity bought
 * @param buyPrice           average buy price
 * @param buyValue           value bought
 * @param sellQuantity       quantity sold
 * @param sellPrice          average sell price
 * @param sellValue          value sold
 */
public record KitePosition(String tradingsymbol, String exchange, long instrumentToken, String product, long quantity,
                           long overnightQuantity, long multiplier, long averagePrice, long closePrice,
                           long lastPrice, long value, long pnl, long m2m, long unrealised, long realised,
                           long buyQuantity, long buyPrice, long buyValue, long sellQuantity, long sellPrice,
                           long sellValue) {

    static KitePosition from(JsonNode n) {
        return new KitePosition(text(n, "tradingsymbol"), text(n, "exchange"), longOrZero(n, "instrument_token"),
                textOrEmpty(n, "product"), longOrZero(n, "quantity"), longOrZero(n, "overnight_quantity"),
                longOrZero(n, "multiplier"), paiseOrZero(n, "average_price"), paiseOrZero(n, "close_price"),
                paiseOrZero(n, "last_price"), paiseOrZero(n, "value"), paiseOrZero(n, "pnl"), paiseOrZero(n, "m2m"),
                paiseOrZero(n, "unrealised"), paiseOrZero(n, "realised"), longOrZero(n, "buy_quantity"),
                paiseOrZero(n, "buy_price"), paiseOrZero(n, "buy_value"), longOrZero(n, "sell_quantity"),
                paiseOrZero(n, "sell_price"), paiseOrZero(n, "sell_value"));
    }
}
