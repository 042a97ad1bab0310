package com.quantdesk.server.trading;

import java.math.BigDecimal;

/**
 * An order as the API shows it; prices in rupees. {@code averagePrice} is the filled value over
 * the filled quantity, rounded to the paisa for display (0 before any fill).
 */
public record OrderView(long id, String account, String bot, String symbol, String side, String type, String product,
                        String validity, long quantity, BigDecimal limitPrice, BigDecimal triggerPrice,
                        BigDecimal stopLossPrice, String tag, String status, String venueOrderId, long filledQuantity,
                        BigDecimal averagePrice, String reasonCode, String reason, String cancelRequested,
                        String createdAt, String updatedAt) {
}
