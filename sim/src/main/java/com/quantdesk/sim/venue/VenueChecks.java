package com.quantdesk.sim.venue;

import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Paise;
import java.util.Optional;

/** The checks a venue makes on an order's quantity and prices before it accepts or modifies it. */
final class VenueChecks {

    /** Why the venue refuses an order: a reason code and a message for people. */
    record Rejection(String code, String message) {
    }

    private VenueChecks() {
    }

    /**
     * The first problem with the quantity and prices, if any.
     *
     * @param reference   the previous trading day's last traded price, or 0 when not known (no band)
     * @param bandPercent the band's half-width in percent of the reference, or 0 for no band
     */
    static Optional<Rejection> problem(Instrument instrument, long quantity, long limit, long trigger,
                                       long reference, int bandPercent) {
        if (!instrument.isWholeLots(quantity)) {
            return reject("VENUE_LOT_SIZE", "quantity " + quantity + " is not a multiple of the lot size "
                    + instrument.lotSize());
        }
        for (long price : new long[] {limit, trigger}) {
            if (price != 0 && !instrument.isOnTick(price)) {
                return reject("VENUE_TICK_SIZE", "price " + Paise.format(price)
                        + " is not a multiple of the tick size " + Paise.format(instrument.tickSizePaise()));
            }
        }
        if (bandPercent > 0 && reference > 0) {
            long low = reference - Paise.scale(reference, bandPercent, 100);
            long high = reference + Paise.scale(reference, bandPercent, 100);
            for (long price : new long[] {limit, trigger}) {
                if (price != 0 && (price < low || price > high)) {
                    return reject("VENUE_PRICE_BAND", "price " + Paise.format(price)
                            + " is outside the day's band " + Paise.format(low) + ".." + Paise.format(high));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(String code, String message) {
        return Optional.of(new Rejection(code, message));
    }
}
