package com.quantdesk.core.portfolio;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cash, positions and P&amp;L of one account, exact to the paisa. Owned by the engine thread.
 *
 * <p>Equity = cash + market value of all positions. Market value is kept as a running total that
 * each mark adjusts, so equity is O(1) however many symbols the account holds.
 */
public final class Portfolio {

    private final AccountId account;
    private final long initialCash;
    private final Map<Symbol, Position[]> positions = new HashMap<>();
    private final List<Position> allPositions = new ArrayList<>();
    private long cash;
    private long marketValue;
    private long chargesPaid;
    private long realizedPnl;
    private long grossExposure;
    private Symbol lastMarked;
    private Position[] lastMarkedPositions;

    /** A portfolio holding {@code initialCash} paise and nothing else. */
    public Portfolio(AccountId account, long initialCash) {
        if (initialCash < 0) {
            throw new IllegalArgumentException("initial cash must not be negative, was " + initialCash);
        }
        this.account = account;
        this.initialCash = initialCash;
        this.cash = initialCash;
    }

    /**
     * Applies a fill: moves cash by the traded value and the charges, updates the position.
     *
     * @return the position after the fill
     */
    public Position applyFill(Symbol symbol, Product product, Side side, long quantity, long price, long charges) {
        Position position = positionFor(symbol, product);
        long before = position.marketValue();
        long grossBefore = Math.abs(before);
        long value = Math.multiplyExact(quantity, price);
        cash = side == Side.BUY ? Math.subtractExact(cash, value) : Math.addExact(cash, value);
        cash = Math.subtractExact(cash, charges);
        chargesPaid = Math.addExact(chargesPaid, charges);
        // The fill also marks the position at the fill price; the market value moves accordingly.
        realizedPnl = Math.addExact(realizedPnl, position.apply(side.sign() * quantity, price));
        long after = position.marketValue();
        marketValue = Math.addExact(marketValue, after - before);
        grossExposure = Math.addExact(grossExposure, Math.abs(after) - grossBefore);
        // A trade is a price: the same symbol held under the other product is marked at it too.
        mark(symbol, price);
        return position;
    }

    /** Marks every position in {@code symbol} at {@code price}. */
    public void mark(Symbol symbol, long price) {
        // Marks come bar after bar for the same symbol: the last one's positions spare a map look-up.
        Position[] byProduct = positionsOf(symbol);
        if (byProduct == null) {
            return;
        }
        for (Position position : byProduct) {
            if (position != null) {
                long grossBefore = Math.abs(position.marketValue());
                marketValue = Math.addExact(marketValue, position.mark(price));
                grossExposure = Math.addExact(grossExposure, Math.abs(position.marketValue()) - grossBefore);
            }
        }
    }

    /**
     * The positions in {@code symbol} by product, or null if the account never held it. Marks and
     * position queries come bar after bar for the same symbol: the last one's answer spares a map
     * look-up ({@link #positionFor} forgets it when it adds a symbol).
     */
    private Position[] positionsOf(Symbol symbol) {
        if (symbol == lastMarked) {
            return lastMarkedPositions;
        }
        Position[] byProduct = positions.get(symbol);
        lastMarked = symbol;
        lastMarkedPositions = byProduct;
        return byProduct;
    }

    /** The position in one symbol and product, or null if the account never held it. */
    public Position position(Symbol symbol, Product product) {
        Position[] byProduct = positions.get(symbol);
        return byProduct == null ? null : byProduct[product.ordinal()];
    }

    private Position positionFor(Symbol symbol, Product product) {
        Position[] byProduct = positions.get(symbol);
        if (byProduct == null) {
            byProduct = new Position[Product.values().length];
            positions.put(symbol, byProduct);
            lastMarked = null;
        }
        Position position = byProduct[product.ordinal()];
        if (position == null) {
            position = new Position(symbol, product);
            byProduct[product.ordinal()] = position;
            allPositions.add(position);
        }
        return position;
    }

    /** The account. */
    public AccountId account() {
        return account;
    }

    /** Cash at the start, paise. */
    public long initialCash() {
        return initialCash;
    }

    /** Cash now, paise (may be negative for an account trading on margin). */
    public long cash() {
        return cash;
    }

    /** Cash plus the market value of every position, paise. */
    public long equity() {
        return Math.addExact(cash, marketValue);
    }

    /** Sum of the signed market values of all positions, paise. */
    public long marketValue() {
        return marketValue;
    }

    /** Sum of the absolute market values of all positions, paise. */
    public long grossExposure() {
        return grossExposure;
    }

    /** Charges paid so far, paise. */
    public long chargesPaid() {
        return chargesPaid;
    }

    /** Realized P&amp;L before charges, paise. */
    public long realizedPnl() {
        return realizedPnl;
    }

    /** Unrealized P&amp;L of all open positions at their last prices, paise. */
    public long unrealizedPnl() {
        long total = 0;
        for (Position p : allPositions) {
            total = Math.addExact(total, p.unrealizedPnl());
        }
        return total;
    }

    /** Net quantity in {@code symbol} over all products. */
    public long quantity(Symbol symbol) {
        Position[] byProduct = positionsOf(symbol);
        long total = 0;
        if (byProduct != null) {
            for (Position p : byProduct) {
                if (p != null) {
                    total += p.quantity();
                }
            }
        }
        return total;
    }

    /** Net quantity in {@code symbol} for one product. */
    public long quantity(Symbol symbol, Product product) {
        Position[] byProduct = positions.get(symbol);
        Position p = byProduct == null ? null : byProduct[product.ordinal()];
        return p == null ? 0 : p.quantity();
    }

    /** Every position ever opened, flat ones included, in the order they were opened. */
    public Collection<Position> positions() {
        return Collections.unmodifiableList(allPositions);
    }

    /** Snapshots of the open (non-flat) positions. */
    public List<PositionSnapshot> openPositions() {
        List<PositionSnapshot> open = new ArrayList<>();
        for (Position p : allPositions) {
            if (p.quantity() != 0) {
                open.add(p.snapshot());
            }
        }
        return open;
    }
}
