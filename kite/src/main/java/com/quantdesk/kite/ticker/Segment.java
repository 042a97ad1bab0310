package com.quantdesk.kite.ticker;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The exchange segment of a Kite instrument, read from the low byte of its instrument token, and the
 * divisor that turns the ticker's integer prices of that segment into rupees.
 *
 * <p>Divisors follow the protocol reference (docs/kite-connect.md §B.4): CDS 10,000,000, BCD 10,000,
 * every other segment 100. A token whose low byte is no known segment gets {@link #UNKNOWN}, whose
 * divisor is 100 as for the other segments.
 *
 * <p>Conversion to paise: {@code paise = units × 100 / divisor}. For a divisor of 100 (NSE, BSE, F&amp;O,
 * MCX, indices) the units already are paise, so the conversion is the identity and always exact. For CDS
 * and BCD it is exact only when the price is a whole number of paise; {@link #toPaiseExact} throws
 * otherwise and {@link #toPaiseRounded} rounds half-even. {@link #toRupees} is always exact.
 */
public enum Segment {
    /** Segment byte absent from the protocol's table. */
    UNKNOWN(0, 100),
    /** NSE cash. */
    NSE(1, 100),
    /** NSE futures and options. */
    NFO(2, 100),
    /** NSE currency derivatives. */
    CDS(3, 10_000_000),
    /** BSE cash. */
    BSE(4, 100),
    /** BSE futures and options. */
    BFO(5, 100),
    /** BSE currency derivatives. */
    BCD(6, 10_000),
    /** MCX commodities. */
    MCX(7, 100),
    /** MCX-SX. */
    MCXSX(8, 100),
    /** Indices (not tradable). */
    INDICES(9, 100);

    private static final Segment[] BY_CODE = {UNKNOWN, NSE, NFO, CDS, BSE, BFO, BCD, MCX, MCXSX, INDICES};

    private final int code;
    private final long divisor;

    Segment(int code, long divisor) {
        this.code = code;
        this.divisor = divisor;
    }

    /** The segment of {@code instrumentToken}: its low byte. */
    public static Segment ofToken(long instrumentToken) {
        int code = (int) (instrumentToken & 0xFF);
        return code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }

    /** The segment byte (0 for {@link #UNKNOWN}). */
    public int code() {
        return code;
    }

    /** What a wire price of this segment is divided by to give rupees. */
    public long divisor() {
        return divisor;
    }

    /** Whether every wire price of this segment is a whole number of paise. */
    public boolean paiseExact() {
        return divisor <= 100;
    }

    /** {@code units} in rupees, exactly. */
    public BigDecimal toRupees(long units) {
        return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(divisor));
    }

    /**
     * {@code units} in paise.
     *
     * @throws ArithmeticException if the price is not a whole number of paise
     */
    public long toPaiseExact(long units) {
        return toRupees(units).movePointRight(2).longValueExact();
    }

    /** {@code units} in paise, rounded half-even to a whole paisa when the segment quotes finer. */
    public long toPaiseRounded(long units) {
        return toRupees(units).movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
