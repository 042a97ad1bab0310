package com.quantdesk.core.risk;

import static com.quantdesk.core.engine.PreTradeDecision.ALLOW;
import static com.quantdesk.core.engine.PreTradeDecision.deny;

import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.engine.PreTradeDecision;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.portfolio.Position;
import com.quantdesk.core.time.MarketTime;
import java.time.DayOfWeek;

/**
 * The pre-trade rules, in the order they run. Each passes or denies with a stable reason code, the
 * limit and the attempted value; a value exactly at its limit passes. Rules about exposure skip
 * orders that only reduce a position, so a trader can always get smaller.
 */
final class RiskRules {

    private RiskRules() {
    }

    /**
     * The first rule, in order, that denies {@code c}, or {@link PreTradeDecision#ALLOW}. The rules
     * are called one after the other rather than from a list in a loop: each call is then direct,
     * and the order path has no loop turning thirteen times an order for the JIT to compile an
     * on-stack copy of.
     */
    static PreTradeDecision check(OrderCheck c) {
        PreTradeDecision d;
        if (!(d = orderSanity(c)).allowed() || !(d = marketHours(c)).allowed() || !(d = duplicate(c)).allowed()
                || !(d = selfCross(c)).allowed() || !(d = orderRate(c)).allowed() || !(d = orderSize(c)).allowed()
                || !(d = banList(c)).allowed() || !(d = dailyLoss(c)).allowed() || !(d = openPositions(c)).allowed()
                || !(d = positionValue(c)).allowed() || !(d = sectorExposure(c)).allowed()
                || !(d = leverage(c)).allowed()) {
            return d;
        }
        return riskPerTrade(c);
    }

    /** 1. Lot, tick, a price to measure the order by, fat finger, the day's band. */
    static PreTradeDecision orderSanity(OrderCheck c) {
        Instrument instrument = c.instrument;
        if (!instrument.isWholeLots(c.request.quantity())) {
            return deny("RISK_LOT_SIZE", "quantity " + c.request.quantity() + " is not a multiple of the lot "
                    + instrument.lotSize(), instrument.lotSize(), c.request.quantity());
        }
        for (long price : new long[] {c.request.limitPrice(), c.request.triggerPrice()}) {
            if (price != 0 && !instrument.isOnTick(price)) {
                return deny("RISK_TICK_SIZE", "price " + Paise.format(price) + " is not a multiple of the tick "
                        + Paise.format(instrument.tickSizePaise()), instrument.tickSizePaise(), price);
            }
        }
        if (c.referencePrice <= 0) {
            return deny("RISK_NO_PRICE", "no last price for " + c.request.symbol() + " to value a market order");
        }
        long last = c.view.lastPrice(c.request.symbol());
        if (c.request.limitPrice() != 0 && last > 0) {
            long distance = Math.abs(c.request.limitPrice() - last);
            long allowed = OrderCheck.bps(last, c.limits.fatFingerBps());
            if (distance > allowed) {
                return deny("RISK_FAT_FINGER", "limit " + Paise.format(c.request.limitPrice()) + " is "
                        + Paise.format(distance) + " from the last price " + Paise.format(last), allowed, distance);
            }
        }
        long reference = c.symbol == null ? 0 : c.symbol.referenceFor(MarketTime.tradeEpochDay(c.now));
        if (c.limits.priceBandBps() > 0 && reference > 0) {
            long width = OrderCheck.bps(reference, c.limits.priceBandBps());
            for (long price : new long[] {c.request.limitPrice(), c.request.triggerPrice()}) {
                if (price != 0 && Math.abs(price - reference) > width) {
                    return deny("RISK_PRICE_BAND", "price " + Paise.format(price) + " is outside the band "
                            + Paise.format(reference - width) + ".." + Paise.format(reference + width),
                            price > reference ? reference + width : reference - width, price);
                }
            }
        }
        return ALLOW;
    }

    /** 10. Session hours, and no new MIS exposure after the cut-off. */
    static PreTradeDecision marketHours(OrderCheck c) {
        if (!c.limits.enforceMarketHours()) {
            return ALLOW;
        }
        boolean open = c.hours.isOpen(c.now);
        if (!open && !c.request.afterMarket()) {
            DayOfWeek day = DayOfWeek.of((int) Math.floorMod(MarketTime.tradeEpochDay(c.now) + 3, 7) + 1);
            return deny("RISK_MARKET_CLOSED", "the market is closed at " + c.localTime + " IST on " + day
                    + "; place an after-market order instead");
        }
        if (c.request.product() == Product.MIS && c.increasing && open
                && !c.localTime.isBefore(c.limits.misCutoff())) {
            return deny("RISK_MIS_CUTOFF", "no new MIS positions from " + c.limits.misCutoff() + " IST");
        }
        return ALLOW;
    }

    /** 13. The same order from the same bot within the window is a duplicate. */
    static PreTradeDecision duplicate(OrderCheck c) {
        Long last = c.account.recent.get(RiskEngine.duplicateKey(c.request));
        if (last != null) {
            long age = c.now.toEpochMilli() - last;
            long window = c.limits.duplicateWindow().toMillis();
            if (age < window) {
                return deny("RISK_DUPLICATE_ORDER", "the same order was placed " + age + " ms ago", window, age);
            }
        }
        return ALLOW;
    }

    /** 12. An order that would trade against the account's own resting opposite order. */
    static PreTradeDecision selfCross(OrderCheck c) {
        for (Order resting : c.openOrders) {
            // Untriggered stops rest off the book: they cannot meet another order until they trigger.
            if (!resting.symbol().equals(c.request.symbol()) || resting.side() == c.request.side()
                    || resting.type().needsTriggerPrice() || c.request.type().needsTriggerPrice()) {
                continue;
            }
            boolean crosses = resting.type() == OrderType.MARKET || c.request.type() == OrderType.MARKET
                    || (c.request.side() == Side.BUY
                        ? c.request.limitPrice() >= resting.request().limitPrice()
                        : c.request.limitPrice() <= resting.request().limitPrice());
            if (crosses) {
                return deny("RISK_SELF_CROSS", "would trade against own resting order " + resting.id(),
                        resting.request().limitPrice(), c.request.limitPrice());
            }
        }
        return ALLOW;
    }

    /** 9. Orders per second, minute and day per account; orders per day per bot. */
    static PreTradeDecision orderRate(OrderCheck c) {
        long now = c.now.toEpochMilli();
        int second = c.account.perSecond.count(now, 1_000);
        if (second >= c.limits.maxOrdersPerSecond()) {
            return deny("RISK_ORDER_RATE_SECOND", "more than " + c.limits.maxOrdersPerSecond() + " orders in a second",
                    c.limits.maxOrdersPerSecond(), second + 1);
        }
        int minute = c.account.perMinute.count(now, 60_000);
        if (minute >= c.limits.maxOrdersPerMinute()) {
            return deny("RISK_ORDER_RATE_MINUTE", "more than " + c.limits.maxOrdersPerMinute() + " orders in a minute",
                    c.limits.maxOrdersPerMinute(), minute + 1);
        }
        long today = MarketTime.tradeEpochDay(c.now);
        int day = c.account.ordersDay == today ? c.account.ordersToday : 0;
        if (day >= c.limits.maxOrdersPerDay()) {
            return deny("RISK_ORDER_RATE_DAY", "more than " + c.limits.maxOrdersPerDay() + " orders today",
                    c.limits.maxOrdersPerDay(), day + 1);
        }
        RiskState.Bot bot = c.bot;
        int botToday = bot != null && bot.day == today ? bot.ordersToday : 0;
        long botLimit = BotLimits.tighter(c.limits.maxTradesPerBotPerDay(), c.botLimits.maxTradesPerDay());
        if (bot != null && botToday >= botLimit) {
            return deny("RISK_MAX_TRADES_PER_DAY", "bot " + c.request.bot() + " placed " + botToday
                    + " orders today", botLimit, botToday + 1);
        }
        return ALLOW;
    }

    /** 2. Quantity and value of one order (a bot's own limits may be tighter). */
    static PreTradeDecision orderSize(OrderCheck c) {
        long maxQuantity = BotLimits.tighter(c.limits.maxOrderQuantity(), c.botLimits.maxOrderQuantity());
        if (c.request.quantity() > maxQuantity) {
            return deny("RISK_MAX_ORDER_QUANTITY", "quantity " + c.request.quantity() + " exceeds " + maxQuantity,
                    maxQuantity, c.request.quantity());
        }
        long maxValue = BotLimits.tighter(c.limits.maxOrderValue(), c.botLimits.maxOrderValue());
        if (c.value > maxValue) {
            return deny("RISK_MAX_ORDER_VALUE", "order value " + Paise.format(c.value) + " exceeds "
                    + Paise.format(maxValue), maxValue, c.value);
        }
        return ALLOW;
    }

    /** 11. No new exposure in an underlying on the F&amp;O ban list. */
    static PreTradeDecision banList(OrderCheck c) {
        if (c.increasing && c.banned.contains(c.request.symbol())) {
            return deny("RISK_FO_BAN", c.request.symbol() + " is in the F&O ban period");
        }
        return ALLOW;
    }

    /** 7. No new exposure once today's loss is beyond the limit. */
    static PreTradeDecision dailyLoss(OrderCheck c) {
        long loss = c.account.sessionDay == Long.MIN_VALUE ? 0 : c.account.sessionStartEquity - c.equity;
        if (c.increasing && loss > c.limits.maxDailyLoss()) {
            return deny("RISK_MAX_DAILY_LOSS", "today's loss " + Paise.format(loss) + " exceeds "
                    + Paise.format(c.limits.maxDailyLoss()), c.limits.maxDailyLoss(), loss);
        }
        return ALLOW;
    }

    /** 3. Open positions per account. */
    static PreTradeDecision openPositions(OrderCheck c) {
        if (!c.increasing || c.portfolio.quantity(c.request.symbol()) != 0) {
            return ALLOW;
        }
        // Positions are counted per symbol (CNC and MIS in one symbol are one position), and an open
        // order that would start a position counts as one already: orders placed together cannot
        // slip past the limit before any of them fills.
        java.util.Set<com.quantdesk.core.domain.Symbol> held = new java.util.HashSet<>();
        for (Position p : c.portfolio.positions()) {
            if (p.quantity() != 0 && !p.symbol().equals(c.request.symbol())) {
                held.add(p.symbol());
            }
        }
        for (Order o : c.openOrders) {
            if (!o.symbol().equals(c.request.symbol()) && c.portfolio.quantity(o.symbol()) == 0) {
                held.add(o.symbol());
            }
        }
        int open = held.size();
        if (open + 1 > c.limits.maxOpenPositions()) {
            return deny("RISK_MAX_OPEN_POSITIONS", open + " positions are open", c.limits.maxOpenPositions(), open + 1);
        }
        return ALLOW;
    }

    /** 4. Value of one symbol's position, and its share of equity. */
    static PreTradeDecision positionValue(OrderCheck c) {
        if (!c.increasing) {
            return ALLOW;
        }
        long positionValue = Math.multiplyExact(Math.abs(c.projectedQuantity), c.referencePrice);
        long maxValue = c.limits.maxPositionValue();
        if (c.botLimits.maxPositionValue() > 0) {
            long botValue = Math.multiplyExact(Math.abs(Math.addExact(c.view.botPosition(c.request.bot(),
                    c.request.symbol()), c.request.side().sign() * c.request.quantity())), c.referencePrice);
            if (botValue > c.botLimits.maxPositionValue()) {
                return deny("RISK_MAX_POSITION_VALUE", "bot position value " + Paise.format(botValue) + " exceeds "
                        + Paise.format(c.botLimits.maxPositionValue()), c.botLimits.maxPositionValue(), botValue);
            }
        }
        if (positionValue > maxValue) {
            return deny("RISK_MAX_POSITION_VALUE", "position value " + Paise.format(positionValue) + " exceeds "
                    + Paise.format(maxValue), maxValue, positionValue);
        }
        long maxShare = OrderCheck.bps(c.equity, c.limits.maxConcentrationBps());
        if (positionValue > maxShare) {
            return deny("RISK_CONCENTRATION", "position value " + Paise.format(positionValue) + " exceeds "
                    + c.limits.maxConcentrationBps() / 100.0 + "% of equity", maxShare, positionValue);
        }
        return ALLOW;
    }

    /** 5. Gross exposure of one sector as a share of equity. */
    static PreTradeDecision sectorExposure(OrderCheck c) {
        if (!c.increasing) {
            return ALLOW;
        }
        String sector = c.instrument.sector();
        long exposure = Math.multiplyExact(Math.abs(c.projectedQuantity), c.referencePrice);
        for (Position p : c.portfolio.positions()) {
            if (p.quantity() == 0 || p.symbol().equals(c.request.symbol())) {
                continue;
            }
            Instrument other = c.view.instrument(p.symbol()).orElse(null);
            if (other != null && other.sector().equals(sector)) {
                exposure = Math.addExact(exposure, Math.abs(p.marketValue()));
            }
        }
        long limit = OrderCheck.bps(c.equity, c.limits.maxSectorExposureBps());
        if (exposure > limit) {
            return deny("RISK_SECTOR_EXPOSURE", "sector " + sector + " exposure " + Paise.format(exposure)
                    + " exceeds " + c.limits.maxSectorExposureBps() / 100.0 + "% of equity", limit, exposure);
        }
        return ALLOW;
    }

    /** 6. Gross leverage (CNC 1×, MIS up to misLeverage×) and the funds the order needs. */
    static PreTradeDecision leverage(OrderCheck c) {
        if (!c.increasing) {
            return ALLOW;
        }
        long cncGross = 0;
        long misGross = 0;
        for (Position p : c.portfolio.positions()) {
            long v = Math.abs(p.marketValue());
            if (p.product() == Product.CNC) {
                cncGross = Math.addExact(cncGross, v);
            } else {
                misGross = Math.addExact(misGross, v);
            }
        }
        for (Order o : c.openOrders) {
            if (c.restingReduces(o)) {
                continue;
            }
            long price = o.request().limitPrice() != 0 ? o.request().limitPrice()
                    : o.request().triggerPrice() != 0 ? o.request().triggerPrice() : c.view.lastPrice(o.symbol());
            long v = Math.multiplyExact(o.remainingQuantity(), price);
            if (o.product() == Product.CNC) {
                cncGross = Math.addExact(cncGross, v);
            } else {
                misGross = Math.addExact(misGross, v);
            }
        }
        int lev = c.limits.misLeverage();
        boolean cnc = c.request.product() == Product.CNC;
        // CNC may use no leverage at all; MIS may take the whole book up to misLeverage × equity.
        long exposureAfter = Math.addExact(cnc ? cncGross : Math.addExact(cncGross, misGross), c.value);
        long exposureLimit = Math.multiplyExact(Math.max(0, c.equity), cnc ? 1 : lev);
        if (exposureAfter > exposureLimit) {
            return deny("RISK_LEVERAGE", "gross exposure " + Paise.format(exposureAfter) + " would exceed "
                    + (cnc ? 1 : lev) + "x equity", exposureLimit, exposureAfter);
        }
        long marginUsed = Math.addExact(cncGross, misGross / lev);
        long available = c.equity - marginUsed;
        long required = cnc ? c.value : Math.ceilDiv(c.value, lev);
        if (required > available) {
            return deny("RISK_INSUFFICIENT_FUNDS", "needs " + Paise.format(required) + " but "
                    + Paise.format(Math.max(0, available)) + " is available", Math.max(0, available), required);
        }
        return ALLOW;
    }

    /** 8. Quantity × distance to the protective stop, as a share of equity. */
    static PreTradeDecision riskPerTrade(OrderCheck c) {
        if (!c.increasing) {
            return ALLOW;
        }
        long distance;
        if (c.request.stopLossPrice() > 0) {
            distance = Math.abs(c.referencePrice - c.request.stopLossPrice());
        } else if (c.limits.denyWithoutStop()) {
            return deny("RISK_NO_STOP_LOSS", "orders that add exposure must carry a protective stop");
        } else if (c.symbol != null && c.symbol.atr.isReady()) {
            distance = (long) Math.ceil(c.limits.stopAtrMultiple() * c.symbol.atr.value());
        } else {
            distance = OrderCheck.bps(c.referencePrice, c.limits.fallbackStopBps());
        }
        long risk = Math.multiplyExact(c.request.quantity(), distance);
        long limit = OrderCheck.bps(c.equity, c.limits.maxRiskPerTradeBps());
        if (risk > limit) {
            return deny("RISK_MAX_RISK_PER_TRADE", "risk " + Paise.format(risk) + " exceeds "
                    + c.limits.maxRiskPerTradeBps() / 100.0 + "% of equity", limit, risk);
        }
        return ALLOW;
    }
}
