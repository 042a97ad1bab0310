package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One fill of the sandbox's trade book, price in paise. */
record SandboxTrade(String tradeId, String orderId, String exchangeOrderId, Symbol symbol, long instrumentToken,
                    String product, Side side, long quantity, long price, Instant filledAt, Instant orderedAt) {

    /** The trade object of {@code GET /trades} (A.6). */
    Map<String, Object> json() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("trade_id", tradeId);
        t.put("order_id", orderId);
        t.put("exchange", "NSE");
        t.put("tradingsymbol", symbol.value());
        t.put("instrument_token", instrumentToken);
        t.put("product", product);
        t.put("average_price", KiteJson.rupees(price));
        t.put("quantity", quantity);
        t.put("exchange_order_id", exchangeOrderId);
        t.put("transaction_type", side.name());
        t.put("fill_timestamp", KiteJson.time(filledAt));
        t.put("order_timestamp", KiteJson.time(orderedAt));
        t.put("exchange_timestamp", KiteJson.time(filledAt));
        return t;
    }

    /** Signed value: negative for a buy (cash paid), positive for a sell. */
    long cashFlow() {
        long value = Math.multiplyExact(quantity, price);
        return side == Side.BUY ? -value : value;
    }
}
