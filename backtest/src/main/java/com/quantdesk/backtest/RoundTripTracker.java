package com.quantdesk.backtest;

import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.OrderFilled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns fills into round trips: a trip opens when a position leaves zero and closes when it returns
 * to zero. Scaling in and out is one trip; prices are the quantity-weighted averages of each side;
 * gross P&amp;L is exact (exit value − entry value); charges are the trip's fills' charges, split
 * pro rata when one fill both closes a trip and opens the next.
 */
public final class RoundTripTracker {

    private final Map<Key, Trip> open = new HashMap<>();
    private final List<RoundTrip> closed = new ArrayList<>();

    private record Key(Symbol symbol, Product product) {

        // Written out: the generated ones go through method handles, slow until compiled.
        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Key k && product == k.product && symbol.equals(k.symbol);
        }

        @Override
        public int hashCode() {
            return 31 * symbol.hashCode() + product.hashCode();
        }
    }

    private static final class Trip {
        final Side direction;
        final Instant entryTime;
        long position;
        long entryQuantity;
        long entryValue;
        long exitQuantity;
        long exitValue;
        long charges;

        Trip(Side direction, Instant entryTime) {
            this.direction = direction;
            this.entryTime = entryTime;
        }
    }

    /** Books one fill. */
    public void onFill(OrderFilled fill) {
        Key key = new Key(fill.symbol(), fill.product());
        Trip trip = open.get(key);
        long quantity = fill.quantity();
        long charges = fill.charges();
        if (trip != null && trip.direction != fill.side()) {
            long closing = Math.min(quantity, Math.abs(trip.position));
            long closingCharges = closing == quantity ? charges : Paise.scale(charges, closing, quantity);
            trip.exitQuantity += closing;
            trip.exitValue = Math.addExact(trip.exitValue, Math.multiplyExact(closing, fill.price()));
            trip.charges = Math.addExact(trip.charges, closingCharges);
            trip.position += fill.side().sign() * closing;
            quantity -= closing;
            charges -= closingCharges;
            if (trip.position == 0) {
                closed.add(close(fill.symbol(), trip, fill.time()));
                open.remove(key);
                trip = null;
            }
        }
        if (quantity > 0) {
            if (trip == null) {
                trip = new Trip(fill.side(), fill.time());
                open.put(key, trip);
            }
            trip.entryQuantity += quantity;
            trip.entryValue = Math.addExact(trip.entryValue, Math.multiplyExact(quantity, fill.price()));
            trip.charges = Math.addExact(trip.charges, charges);
            trip.position += fill.side().sign() * quantity;
        }
    }

    private static RoundTrip close(Symbol symbol, Trip trip, Instant exitTime) {
        long gross = trip.direction.sign() * Math.subtractExact(trip.exitValue, trip.entryValue);
        return new RoundTrip(symbol, trip.direction, trip.entryQuantity, trip.entryTime,
                Paise.scale(trip.entryValue, 1, trip.entryQuantity), exitTime,
                Paise.scale(trip.exitValue, 1, trip.exitQuantity), gross, trip.charges,
                Math.subtractExact(gross, trip.charges));
    }

    /** Closed round trips, in the order they closed. */
    public List<RoundTrip> closedTrips() {
        return List.copyOf(closed);
    }

    /** Number of trips still open. */
    public int openTrips() {
        return open.size();
    }
}
