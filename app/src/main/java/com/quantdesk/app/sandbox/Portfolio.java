package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.sim.data.SyntheticMarket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Positions (from the day's trades, marked to the synthetic market) and demat holdings (configured
 * at start, bought at the previous close). Market thread only.
 */
final class Portfolio {

    private final SandboxMarket market;
    private final Map<Symbol, Long> holdings;
    private final long seed;

    Portfolio(SandboxMarket market, Map<Symbol, Long> holdings, long seed) {
        this.market = market;
        this.holdings = new TreeMap<>(holdings);
        this.seed = seed;
    }

    /** {@code GET /portfolio/positions}: {@code {"net":[…],"day":[…]}}; no overnight positions, so both agree. */
    Map<String, Object> positions(List<SandboxTrade> trades) {
        Map<String, Leg> legs = new LinkedHashMap<>();
        for (SandboxTrade trade : trades) {
            legs.computeIfAbsent(trade.symbol().value() + "|" + trade.product(),
                    k -> new Leg(trade.symbol(), trade.instrumentToken(), trade.product())).add(trade);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Leg leg : legs.values()) {
            rows.add(leg.json(market.quote(leg.symbol)));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("net", rows);
        p.put("day", rows);
        return p;
    }

    /** {@code GET /portfolio/holdings} (A.6). */
    List<Map<String, Object>> holdings() {
        List<Map<String, Object>> rows = new ArrayList<>();
        holdings.forEach((symbol, quantity) -> {
            if (!market.instruments().master().contains(symbol)) {
                return;
            }
            QuoteSnapshot q = market.quote(symbol);
            long average = SyntheticMarket.startPricePaise(seed, symbol);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("tradingsymbol", symbol.value());
            h.put("exchange", "NSE");
            h.put("instrument_token", q.token());
            h.put("isin", String.format("INE%06dQD0", q.token() >> 8));
            h.put("product", "CNC");
            h.put("price", 0);
            h.put("quantity", quantity);
            h.put("used_quantity", 0);
            h.put("t1_quantity", 0);
            h.put("realised_quantity", quantity);
            h.put("authorised_quantity", 0);
            h.put("authorised_date", null);
            h.put("authorisation", Map.of());
            h.put("opening_quantity", quantity);
            h.put("short_quantity", 0);
            h.put("collateral_quantity", 0);
            h.put("collateral_type", "");
            h.put("discrepancy", false);
            h.put("average_price", KiteJson.rupees(average));
            h.put("last_price", KiteJson.rupees(q.lastPrice()));
            h.put("close_price", KiteJson.rupees(q.close()));
            h.put("pnl", KiteJson.rupees((q.lastPrice() - average) * quantity));
            h.put("day_change", KiteJson.rupees(q.lastPrice() - q.close()));
            h.put("day_change_percentage", q.close() == 0 ? 0.0 : (q.lastPrice() - q.close()) * 100.0 / q.close());
            Map<String, Object> mtf = new LinkedHashMap<>();
            mtf.put("quantity", 0);
            mtf.put("used_quantity", 0);
            mtf.put("average_price", 0);
            mtf.put("value", 0);
            mtf.put("initial_margin", 0);
            h.put("mtf", mtf);
            rows.add(h);
        });
        return rows;
    }

    /** The day's buys and sells of one symbol and product. */
    private static final class Leg {
        final Symbol symbol;
        final long token;
        final String product;
        long buyQuantity;
        long buyValue;
        long sellQuantity;
        long sellValue;

        Leg(Symbol symbol, long token, String product) {
            this.symbol = symbol;
            this.token = token;
            this.product = product;
        }

        void add(SandboxTrade trade) {
            long value = Math.multiplyExact(trade.quantity(), trade.price());
            if (trade.side() == Side.BUY) {
                buyQuantity += trade.quantity();
                buyValue = Math.addExact(buyValue, value);
            } else {
                sellQuantity += trade.quantity();
                sellValue = Math.addExact(sellValue, value);
            }
        }

        Map<String, Object> json(QuoteSnapshot q) {
            long quantity = buyQuantity - sellQuantity;
            long buyPrice = buyQuantity == 0 ? 0 : buyValue / buyQuantity;
            long sellPrice = sellQuantity == 0 ? 0 : sellValue / sellQuantity;
            long average = quantity > 0 ? buyPrice : quantity < 0 ? sellPrice : 0;
            long pnl = sellValue - buyValue + quantity * q.lastPrice();
            long realised = Math.min(buyQuantity, sellQuantity) * (sellPrice - buyPrice);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("tradingsymbol", symbol.value());
            p.put("exchange", "NSE");
            p.put("instrument_token", token);
            p.put("product", product);
            p.put("quantity", quantity);
            p.put("overnight_quantity", 0);
            p.put("multiplier", 1);
            p.put("average_price", KiteJson.rupees(average));
            p.put("close_price", KiteJson.rupees(q.close()));
            p.put("last_price", KiteJson.rupees(q.lastPrice()));
            p.put("value", KiteJson.rupees(sellValue - buyValue));
            p.put("pnl", KiteJson.rupees(pnl));
            p.put("m2m", KiteJson.rupees(pnl));
            p.put("unrealised", KiteJson.rupees(pnl - realised));
            p.put("realised", KiteJson.rupees(realised));
            p.put("buy_quantity", buyQuantity);
            p.put("buy_price", KiteJson.rupees(buyPrice));
            p.put("buy_value", KiteJson.rupees(buyValue));
            p.put("buy_m2m", KiteJson.rupees(buyValue));
            p.put("sell_quantity", sellQuantity);
            p.put("sell_price", KiteJson.rupees(sellPrice));
            p.put("sell_value", KiteJson.rupees(sellValue));
            p.put("sell_m2m", KiteJson.rupees(sellValue));
            p.put("day_buy_quantity", buyQuantity);
            p.put("day_buy_price", KiteJson.rupees(buyPrice));
            p.put("day_buy_value", KiteJson.rupees(buyValue));
            p.put("day_sell_quantity", sellQuantity);
            p.put("day_sell_price", KiteJson.rupees(sellPrice));
            p.put("day_sell_value", KiteJson.rupees(sellValue));
            return p;
        }
    }
}
