package com.quantdesk.core.risk;

import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.engine.EngineView;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.portfolio.Portfolio;
import java.time.Instant;
import java.time.LocalTime;

/**
 * Everything the rules need to judge one order, worked out once: the reference price (limit, else
 * trigger, else last price), the order's value, whether it only reduces exposure, and the account's
 * position in the symbol including its open orders on the same side.
 */
final class OrderCheck {

    final OrderRequest request;
    final EngineView view;
    final Instrument instrument;
    final RiskLimits limits;
    final BotLimits botLimits;
    final RiskState.Account account;
    final RiskState.SymbolState symbol;
    final RiskState.Bot bot;
    final java.util.Set<com.quantdesk.core.domain.Symbol> banned;
    final Portfolio portfolio;
    final Instant now;
    final LocalTime localTime;
    final com.quantdesk.core.market.MarketHours hours;
    final long referencePrice;
    final long value;
    final boolean increasing;
    final long equity;
    /** Net quantity after this order if every open order on its side also fills. */
    final long projectedQuantity;
    /** The account's open orders, read once. */
    final java.util.List<Order> openOrders;

    OrderCheck(OrderRequest request, EngineView view, Instrument instrument, RiskLimits limits, BotLimits botLimits,
               RiskState.Account account, RiskState.SymbolState symbol, RiskState.Bot bot,
               java.util.Set<com.quantdesk.core.domain.Symbol> banned, Instant now, LocalTime localTime,
               com.quantdesk.core.market.MarketHours hours) {
        this.request = request;
        this.view = view;
        this.instrument = instrument;
        this.limits = limits;
        this.botLimits = botLimits;
        this.account = account;
        this.symbol = symbol;
        this.bot = bot;
        this.banned = banned;
        this.portfolio = view.portfolio(request.account());
        this.now = now;
        this.localTime = localTime;
        this.hours = hours;
        long last = view.lastPrice(request.symbol());
        this.referencePrice = request.type() == OrderType.LIMIT || request.type() == OrderType.SL
                ? request.limitPrice()
                : request.type() == OrderType.SL_M ? request.triggerPrice() : last;
        this.value = Math.multiplyExact(request.quantity(), referencePrice);
        this.increasing = !view.reducesExposure(request);
        this.equity = portfolio.equity();
        this.openOrders = view.openOrders(request.account());
        long pending = 0;
        for (Order o : openOrders) {
            if (o.symbol().equals(request.symbol()) && o.side() == request.side()) {
                pending += o.remainingQuantity();
            }
        }
        this.projectedQuantity = Math.addExact(portfolio.quantity(request.symbol()),
                request.side().sign() * Math.addExact(pending, request.quantity()));
    }

    /**
     * Whether a resting order only reduces its position: the position is on the other side and all
     * open orders on the resting order's side (itself included) fit inside it.
     */
    boolean restingReduces(Order resting) {
        long position = portfolio.quantity(resting.symbol());
        if (position == 0 || Long.signum(position) == resting.side().sign()) {
            return false;
        }
        long sameSide = 0;
        for (Order o : openOrders) {
            if (o.symbol().equals(resting.symbol()) && o.side() == resting.side()) {
                sameSide += o.remainingQuantity();
            }
        }
        return sameSide <= Math.abs(position);
    }

    /** {@code bps} basis points of {@code amount}, rounded down (a limit never rounds in the trader's favour). */
    static long bps(long amount, long bps) {
        try {
            return Math.multiplyExact(amount, bps) / 10_000;
        } catch (ArithmeticException e) {
            return java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(bps))
                    .divide(java.math.BigInteger.valueOf(10_000)).longValueExact();
        }
    }
}
