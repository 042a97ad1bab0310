package com.quantdesk.app.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equity segment's funds: the opening balance less what the day's trades paid, net of what
 * sales brought in. No leverage and no blocked margin for open orders, which keeps it simple and
 * still lets an order be REJECTED for insufficient funds.
 */
final class Margins {

    private final long openingCash;

    Margins(long openingCash) {
        this.openingCash = openingCash;
    }

    /** Cash available for a new buy, paise. */
    long net(List<SandboxTrade> trades) {
        long net = openingCash;
        for (SandboxTrade trade : trades) {
            net = Math.addExact(net, trade.cashFlow());
        }
        return net;
    }

    /** {@code GET /user/margins}: {@code {"equity":{…},"commodity":{…}}} (A.6). */
    Map<String, Object> json(List<SandboxTrade> trades) {
        long net = net(trades);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("equity", segment(true, openingCash, net, openingCash - net));
        all.put("commodity", segment(true, 0, 0, 0));
        return all;
    }

    private static Map<String, Object> segment(boolean enabled, long opening, long net, long debits) {
        Map<String, Object> available = new LinkedHashMap<>();
        available.put("adhoc_margin", KiteJson.rupees(0));
        available.put("cash", KiteJson.rupees(opening));
        available.put("opening_balance", KiteJson.rupees(opening));
        available.put("live_balance", KiteJson.rupees(net));
        available.put("collateral", KiteJson.rupees(0));
        available.put("intraday_payin", KiteJson.rupees(0));
        Map<String, Object> utilised = new LinkedHashMap<>();
        for (String key : List.of("debits", "exposure", "m2m_realised", "m2m_unrealised", "option_premium", "payout",
                "span", "holding_sales", "turnover", "liquid_collateral", "stock_collateral", "delivery")) {
            utilised.put(key, KiteJson.rupees(key.equals("debits") ? Math.max(0, debits) : 0));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("enabled", enabled);
        s.put("net", KiteJson.rupees(net));
        s.put("available", available);
        s.put("utilised", utilised);
        return s;
    }
}
