package com.quantdesk.sim.venue;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.portfolio.Position;
import com.quantdesk.sim.cost.NseCostModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The funds check a broker makes at order entry, whether or not our own risk engine runs.
 *
 * <p>An account's buying power is its cash, plus the marked value of its MIS positions (the broker
 * only blocks margin for them), minus that MIS margin (|value| ÷ MIS leverage), minus the margin
 * blocked by its orders working at the venue. An order needs margin only for the part that adds
 * exposure: selling shares the account holds (or buying back an MIS short) needs none, as far as the
 * same product's position is not already spoken for by other working orders. The part that adds
 * exposure needs its value (CNC) or its value ÷ MIS leverage rounded up (MIS), plus the estimated
 * charges of that part. The value is taken at the limit price (LIMIT, SL), else at the trigger (SL-M)
 * or the venue's last price (MARKET), raised by the market buffer as a broker's market protection
 * would. The block shrinks as the order fills and goes when it ends (filled, cancelled, expired).
 *
 * <p>Single-threaded, like the venue that owns it.
 */
public final class BuyingPower {

    /** The market buffer used unless told otherwise, basis points of the last price. */
    public static final int DEFAULT_MARKET_BUFFER_BPS = 100;

    /** The reason code of an order the account cannot pay for. */
    public static final String INSUFFICIENT_FUNDS = "VENUE_INSUFFICIENT_FUNDS";

    /** Estimated charges of an order of a given value, paise. */
    @FunctionalInterface
    public interface ChargeEstimate {

        /** No charges (commission-free runs). */
        ChargeEstimate NONE = (side, product, valuePaise) -> 0;

        /** Charges of one executed order of {@code valuePaise}, paise. */
        long estimate(Side side, Product product, long valuePaise);

        /** The NSE charges of the order as if it were alone on its contract note, without a DP charge. */
        static ChargeEstimate of(NseCostModel model) {
            Objects.requireNonNull(model, "model");
            return (side, product, valuePaise) -> valuePaise == 0 ? 0
                    : model.totalPaise(side, product, valuePaise, false);
        }
    }

    private final Function<AccountId, Portfolio> portfolios;
    private final ToIntFunction<AccountId> misLeverage;
    private final ChargeEstimate charges;
    private final int marketBufferBps;
    private final Map<OrderId, Block> blocks = new HashMap<>();

    /**
     * A funds check over the engine's books.
     *
     * @param portfolios      each account's cash and positions, as the engine books them
     * @param misLeverage     each account's MIS leverage (the risk limits' {@code misLeverage}), at least 1
     * @param charges         the charges to set aside with an order's value
     * @param marketBufferBps how far above the last price a MARKET or SL-M order is valued, basis points
     */
    public BuyingPower(Function<AccountId, Portfolio> portfolios, ToIntFunction<AccountId> misLeverage,
                       ChargeEstimate charges, int marketBufferBps) {
        this.portfolios = Objects.requireNonNull(portfolios, "portfolios");
        this.misLeverage = Objects.requireNonNull(misLeverage, "misLeverage");
        this.charges = Objects.requireNonNull(charges, "charges");
        if (marketBufferBps < 0 || marketBufferBps > 10_000) {
            throw new IllegalArgumentException("marketBufferBps must be within 0..10000, was " + marketBufferBps);
        }
        this.marketBufferBps = marketBufferBps;
    }

    /**
     * Blocks the margin a new order needs, or says why the account cannot place it.
     *
     * @param lastPrice the venue's last price of the symbol, paise; 0 when it knows none
     */
    Optional<VenueChecks.Rejection> admit(Order order, long quantity, long limit, long trigger, long lastPrice) {
        Block block = block(order, quantity, limit, trigger, lastPrice, order.filledQuantity());
        if (block == null) {
            return Optional.of(new VenueChecks.Rejection(INSUFFICIENT_FUNDS, "no last price of " + order.symbol()
                    + " to value a market order"));
        }
        long required = block.amount();
        long available = available(order.account());
        if (required > available) {
            return Optional.of(new VenueChecks.Rejection(INSUFFICIENT_FUNDS, "order needs ₹" + Paise.format(required)
                    + " but ₹" + Paise.format(Math.max(0, available)) + " is available"));
        }
        blocks.put(order.id(), block);
        return Optional.empty();
    }

    /** Blocks what an order restored after a restart holds, without checking: the venue had accepted it. */
    void restore(Order order, long lastPrice) {
        Block block = block(order, order.request().quantity(), order.request().limitPrice(),
                order.request().triggerPrice(), lastPrice, order.filledQuantity());
        if (block != null) {
            blocks.put(order.id(), block);
        }
    }

    /**
     * Re-blocks a working order for new quantity and prices; false (and the old block kept) when the
     * account cannot pay for the change.
     */
    boolean modify(Order order, long quantity, long limit, long trigger, long lastPrice) {
        Block old = blocks.remove(order.id());
        long filled = old == null ? order.filledQuantity() : old.filled;
        Block block = block(order, quantity, limit, trigger, lastPrice, filled);
        if (block != null && block.amount() <= available(order.account())) {
            blocks.put(order.id(), block);
            return true;
        }
        if (old != null) {
            blocks.put(order.id(), old);
        }
        return false;
    }

    /** Shrinks the block by a fill the engine is about to book. */
    void filled(OrderId id, long quantity) {
        Block block = blocks.get(id);
        if (block != null) {
            block.filled += quantity;
        }
    }

    /** Releases what an order that has ended blocked. */
    void release(OrderId id) {
        blocks.remove(id);
    }

    /** The account's buying power: what a new order may block, paise (negative when overdrawn). */
    public long available(AccountId account) {
        Portfolio portfolio = portfolios.apply(account);
        int leverage = leverage(account);
        long free = portfolio.cash();
        for (Position p : portfolio.positions()) {
            if (p.product() == Product.MIS && p.quantity() != 0) {
                long value = p.marketValue();
                free = Math.addExact(free, value);
                free = Math.subtractExact(free, Math.ceilDiv(Math.abs(value), leverage));
            }
        }
        return Math.subtractExact(free, blocked(account));
    }

    /** Margin blocked by the account's working orders, paise. */
    public long blocked(AccountId account) {
        long sum = 0;
        for (Block b : blocks.values()) {
            if (b.account.equals(account)) {
                sum = Math.addExact(sum, b.amount());
            }
        }
        return sum;
    }

    /**
     * The block of an order, or null when a market order that adds exposure cannot be valued (one
     * that only closes needs no price: a square-off must not wait for one).
     */
    private Block block(Order order, long quantity, long limit, long trigger, long lastPrice, long filled) {
        long closable = closable(order.account(), order.id(), order.symbol(), order.product(), order.side());
        long reducing = Math.min(quantity, closable);
        long price = 0;
        if (limit != 0) {
            price = limit;
        } else {
            long base = trigger != 0 ? trigger : lastPrice;
            if (base > 0) {
                price = Math.addExact(base, Math.ceilDiv(Math.multiplyExact(base, (long) marketBufferBps), 10_000L));
            } else if (reducing < quantity) {
                return null;
            }
        }
        int divisor = order.product() == Product.MIS ? leverage(order.account()) : 1;
        Block block = new Block(order.account(), order.symbol(), order.product(), order.side(), quantity, reducing,
                price, divisor);
        block.filled = filled;
        return block;
    }

    /**
     * Shares of the same product the order can close: the opposite position less what the account's
     * other working orders on this side already close.
     */
    private long closable(AccountId account, OrderId id, Symbol symbol, Product product, Side side) {
        long held = portfolios.apply(account).quantity(symbol, product);
        long opposite = side == Side.SELL ? Math.max(0, held) : Math.max(0, -held);
        for (Map.Entry<OrderId, Block> e : blocks.entrySet()) {
            Block b = e.getValue();
            if (!e.getKey().equals(id) && b.account.equals(account) && b.symbol.equals(symbol)
                    && b.product == product && b.side == side) {
                opposite -= Math.max(0, b.reducing - b.filled);
            }
        }
        return Math.max(0, opposite);
    }

    private int leverage(AccountId account) {
        int leverage = misLeverage.applyAsInt(account);
        if (leverage < 1) {
            throw new IllegalStateException("MIS leverage of " + account + " must be at least 1, was " + leverage);
        }
        return leverage;
    }

    /** What one working order blocks. Fills use up the closing part first, as they shrink the position first. */
    private final class Block {
        final AccountId account;
        final Symbol symbol;
        final Product product;
        final Side side;
        final long quantity;
        final long reducing;
        final long price;
        final int divisor;
        long filled;

        Block(AccountId account, Symbol symbol, Product product, Side side, long quantity, long reducing, long price,
              int divisor) {
            this.account = account;
            this.symbol = symbol;
            this.product = product;
            this.side = side;
            this.quantity = quantity;
            this.reducing = reducing;
            this.price = price;
            this.divisor = divisor;
        }

        long amount() {
            long funded = quantity - Math.max(filled, reducing);
            if (funded <= 0) {
                return 0;
            }
            long value = Math.multiplyExact(funded, price);
            return Math.addExact(Math.ceilDiv(value, divisor), charges.estimate(side, product, value));
        }
    }
}
