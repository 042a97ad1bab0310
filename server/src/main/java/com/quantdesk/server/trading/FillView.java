package com.quantdesk.server.trading;

import java.math.BigDecimal;

/** A fill as the API shows it; {@code id} is its journal sequence, prices and charges in rupees. */
public record FillView(long id, long orderId, String fillId, String account, String bot, String symbol, String side,
                       String product, long quantity, BigDecimal price, BigDecimal charges, String time) {
}
