package com.quantdesk.core.domain;

import java.util.Objects;

/**
 * A tradable instrument from the instrument master.
 *
 * @param symbol       trading symbol
 * @param exchange     exchange it trades on
 * @param tickSizePaise smallest price step, in paise (positive)
 * @param lotSize      smallest quantity step (1 for cash equities)
 * @param sector       sector name as NSE's "Industry" label, or {@code "Unknown"}
 */
public record Instrument(Symbol symbol, Exchange exchange, long tickSizePaise, long lotSize, String sector) {

    /** Validates the instrument. */
    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(sector, "sector");
        if (tickSizePaise <= 0) {
            throw new IllegalArgumentException("tick size must be positive for " + symbol + ", was " + tickSizePaise);
        }
        if (lotSize <= 0) {
            throw new IllegalArgumentException("lot size must be positive for " + symbol + ", was " + lotSize);
        }
    }

    /** An NSE cash-equity instrument with lot size 1. */
    public static Instrument nseEquity(String symbol, long tickSizePaise, String sector) {
        return new Instrument(Symbol.of(symbol), Exchange.NSE, tickSizePaise, 1, sector);
    }

    /** Whether {@code pricePaise} is a whole number of ticks. */
    public boolean isOnTick(long pricePaise) {
        return pricePaise % tickSizePaise == 0;
    }

    /** Whether {@code quantity} is a whole number of lots. */
    public boolean isWholeLots(long quantity) {
        return quantity % lotSize == 0;
    }

    /**
     * NSE's price-based tick for cash equities (from 2025-04-15), from a reference close in paise.
     */
    public static long nseTickFor(long closePaise) {
        if (closePaise < 250_00) {
            return 1;
        } else if (closePaise <= 1_000_00) {
            return 5;
        } else if (closePaise <= 5_000_00) {
            return 10;
        } else if (closePaise <= 10_000_00) {
            return 50;
        } else if (closePaise <= 20_000_00) {
            return 100;
        }
        return 500;
    }
}
