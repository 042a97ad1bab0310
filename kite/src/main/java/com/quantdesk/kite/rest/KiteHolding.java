package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.longOrZero;
import static com.quantdesk.kite.rest.KiteJson.paiseOrZero;
import static com.quantdesk.kite.rest.KiteJson.text;
import static com.quantdesk.kite.rest.KiteJson.textOrEmpty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A delivery holding ({@code GET /portfolio/holdings}); money in paise.
 *
 * @param tradingsymbol       trading symbol
 * @param exchange            exchange
 * @param instrumentToken     instrument token
 * @param isin                ISIN
 * @param product             product ({@code CNC})
 * @param quantity            settled quantity
 * @param t1Quantity          bought, not yet settled (T+1)
 * @param usedQuantity        sold today
 * @param authorisedQuantity  authorised for sale (CDSL TPIN)
 * @param collateralQuantity  pledged as collateral
 * @param averagePrice        average buy price
 * @param lastPrice           last traded price
 * @param closePrice          previous close
 * @param pnl                 profit and loss
 * @param dayChange           change today per share
 */
public record KiteHolding(String tradingsymbol, String exchange, long instrumentToken, String isin, String product,
                          long quantity, long t1Quantity, long usedQuantity, long authorisedQuantity,
                          long collateralQuantity, long averagePrice, long lastPrice, long closePrice, long pnl,
                          long dayChange) {

    static KiteHolding from(JsonNode n) {
        return new KiteHolding(text(n, "tradingsymbol"), text(n, "exchange"), longOrZero(n, "instrument_token"),
                textOrEmpty(n, "isin"), textOrEmpty(n, "product"), longOrZero(n, "quantity"),
                longOrZero(n, "t1_quantity"), longOrZero(n, "used_quantity"), longOrZero(n, "authorised_quantity"),
                longOrZero(n, "collateral_quantity"), paiseOrZero(n, "average_price"), paiseOrZero(n, "last_price"),
                paiseOrZero(n, "close_price"), paiseOrZero(n, "pnl"), paiseOrZero(n, "day_change"));
    }
}
