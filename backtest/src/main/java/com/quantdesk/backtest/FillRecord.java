package com.quantdesk.backtest;

import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.Instant;

/**
 * One fill. Money in paise.
 *
 * @param orderId  the order
 * @param fillId   the venue's trade id
 * @param time     when it traded
 * @param symbol   instrument
 * @param side     buy or sell
 * @param product  CNC or MIS
 * @param quantity shares
 * @param price    price
 * @param charges  charges booked for it
 */
public record FillRecord(long orderId, String fillId, Instant time, Symbol symbol, Side side, Product product,
                         long quantity, long price, long charges) {
}
