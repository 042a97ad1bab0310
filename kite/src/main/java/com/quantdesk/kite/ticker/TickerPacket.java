package com.quantdesk.kite.ticker;

import java.time.Instant;
import java.util.Objects;

/**
 * One decoded market-data packet of the Kite ticker (docs/kite-connect.md §B.4). The packet's length
 * on the wire decides its kind.
 *
 * <p>Prices are the wire integers, in the price units of the instrument's {@link #segment()}: divide
 * by {@link Segment#divisor()} for rupees, or use {@link Segment#toPaiseExact} (the identity for
 * every segment but CDS and BCD). Quantities, volumes and open interest are read as unsigned 32-bit
 * counts. Wire timestamps are unix seconds; 0 (not sent) decodes to {@link Instant#EPOCH}.
 */
public sealed interface TickerPacket {

    /** The instrument token (unsigned 32-bit on the wire). */
    long instrumentToken();

    /** Last traded price, in the segment's price units. */
    long lastPrice();

    /** The segment, from the token's low byte. */
    default Segment segment() {
        return Segment.ofToken(instrumentToken());
    }

    /**
     * LTP mode, any segment (8 bytes).
     *
     * @param instrumentToken instrument token
     * @param lastPrice       last traded price
     */
    record Ltp(long instrumentToken, long lastPrice) implements TickerPacket {
    }

    /**
     * An index in quote mode (28 bytes).
     *
     * @param instrumentToken instrument token
     * @param lastPrice       index value
     * @param ohlc            open, high, low and previous close (sent in the order H, L, O, C)
     * @param change          the change the exchange sends, as is (SDKs ignore it and recompute)
     */
    record IndexQuote(long instrumentToken, long lastPrice, Ohlc ohlc, long change) implements TickerPacket {

        /** Validates the fields. */
        public IndexQuote {
            Objects.requireNonNull(ohlc, "ohlc");
        }
    }

    /**
     * An index in full mode (32 bytes): the quote plus the exchange's timestamp.
     *
     * @param quote             the first 28 bytes
     * @param exchangeTimestamp exchange time of the update
     */
    record IndexFull(IndexQuote quote, Instant exchangeTimestamp) implements TickerPacket {

        /** Validates the fields. */
        public IndexFull {
            Objects.requireNonNull(quote, "quote");
            Objects.requireNonNull(exchangeTimestamp, "exchangeTimestamp");
        }

        @Override
        public long instrumentToken() {
            return quote.instrumentToken();
        }

        @Override
        public long lastPrice() {
            return quote.lastPrice();
        }
    }

    /**
     * A tradable instrument in quote mode (44 bytes).
     *
     * @param instrumentToken   instrument token
     * @param lastPrice         last traded price
     * @param lastQuantity      quantity of the last trade
     * @param averagePrice      volume-weighted average price of the day
     * @param volume            volume traded in the day
     * @param totalBuyQuantity  total quantity bid
     * @param totalSellQuantity total quantity offered
     * @param ohlc              day open, high, low and previous close
     */
    record Quote(long instrumentToken, long lastPrice, long lastQuantity, long averagePrice, long volume,
                 long totalBuyQuantity, long totalSellQuantity, Ohlc ohlc) implements TickerPacket {

        /** Validates the fields. */
        public Quote {
            Objects.requireNonNull(ohlc, "ohlc");
        }

        /**
         * Absolute change against the previous close, {@code lastPrice − close} in price units (Go's
         * {@code NetChange}; the Python and Java SDKs report a percentage instead).
         */
        public long change() {
            return lastPrice - ohlc.close();
        }
    }

    /**
     * A tradable instrument in full mode (184 bytes).
     *
     * @param quote             the first 44 bytes
     * @param lastTradeTime     time of the last trade
     * @param openInterest      open interest
     * @param openInterestHigh  the day's highest open interest
     * @param openInterestLow   the day's lowest open interest
     * @param exchangeTimestamp exchange time of the update
     * @param depth             five levels each side
     */
    record Full(Quote quote, Instant lastTradeTime, long openInterest, long openInterestHigh,
                long openInterestLow, Instant exchangeTimestamp, Depth depth) implements TickerPacket {

        /** Validates the fields. */
        public Full {
            Objects.requireNonNull(quote, "quote");
            Objects.requireNonNull(lastTradeTime, "lastTradeTime");
            Objects.requireNonNull(exchangeTimestamp, "exchangeTimestamp");
            Objects.requireNonNull(depth, "depth");
        }

        @Override
        public long instrumentToken() {
            return quote.instrumentToken();
        }

        @Override
        public long lastPrice() {
            return quote.lastPrice();
        }
    }
}
