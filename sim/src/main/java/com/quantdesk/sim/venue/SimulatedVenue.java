package com.quantdesk.sim.venue;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.time.MarketTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A simulated NSE that fills orders from bars.
 *
 * <ul>
 *   <li>An order works from the first bar <em>after</em> it arrives: a signal computed on bar t's
 *       close never fills on bar t.</li>
 *   <li>MARKET fills at the bar's open (plus adverse slippage, rounded to the tick against the
 *       trader).</li>
 *   <li>LIMIT fills when the bar trades through the limit: at the open if the bar opens through it
 *       (a gap fills at the better open), else at the limit.</li>
 *   <li>SL-M triggers when the bar's range reaches the trigger; a gap through the trigger fills at
 *       the open, otherwise at the trigger (plus slippage).</li>
 *   <li>SL triggers the same way and then works as a limit order. In the triggering bar it fills at
 *       the trigger (or the gapped open) when that is within the limit; when the limit is beyond the
 *       trigger's far side it fills at the limit only if the bar closes through it, since the order
 *       of prices inside a bar is unknown.</li>
 *   <li>With a volume cap, an account takes at most that share of a bar's volume (in whole lots),
 *       shared by its orders in time priority; the rest stays working: partial fills.</li>
 *   <li>IOC orders cancel whatever did not fill in their first bar; DAY orders expire when a bar of a
 *       later trading day arrives.</li>
 *   <li>Rejects: price not a multiple of the tick, quantity not a multiple of the lot, limit or
 *       trigger outside the day's band around the previous day's close, and, once
 *       {@link #checkFunds} is called, an order beyond the account's buying power.</li>
 * </ul>
 * Single-threaded: call it from the engine thread (backtest) or one venue thread.
 */
public final class SimulatedVenue implements BrokerGateway {

    private static final long NO_DATE = Long.MIN_VALUE;

    private final VenueConfig config;
    private final Function<Symbol, Optional<Instrument>> instruments;
    private final FillCharges charges;
    private final Map<Symbol, Book> books = new HashMap<>();
    // A backtest feeds bars of one symbol after another; remembering the last book spares a map
    // look-up per bar. Books are never removed, so the cached one stays valid.
    private Symbol lastSymbol;
    private Book lastBook;
    private long lastTradeEpochDay = NO_DATE;
    private LocalDate lastTradeDate;
    private final Map<OrderId, Working> byId = new HashMap<>();
    private ExecutionReports reports;
    private long nextVenueId = 1;
    private long nextFillId = 1;
    private BuyingPower funds;

    /** A venue with the given fill rules, instrument master and charges. */
    public SimulatedVenue(VenueConfig config, Function<Symbol, Optional<Instrument>> instruments,
                          FillCharges charges) {
        this.config = Objects.requireNonNull(config, "config");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.charges = Objects.requireNonNull(charges, "charges");
    }

    @Override
    public void connect(ExecutionReports executionReports) {
        this.reports = Objects.requireNonNull(executionReports, "executionReports");
    }

    /**
     * Checks every new order and modification against the account's buying power from now on; an
     * order the account cannot pay for is rejected with {@link BuyingPower#INSUFFICIENT_FUNDS}.
     */
    public void checkFunds(BuyingPower buyingPower) {
        this.funds = Objects.requireNonNull(buyingPower, "buyingPower");
    }

    @Override
    public void submit(Order order) {
        Optional<Instrument> instrument = instruments.apply(order.symbol());
        if (instrument.isEmpty()) {
            reports.rejected(order.id(), "VENUE_UNKNOWN_INSTRUMENT", "unknown instrument " + order.symbol());
            return;
        }
        String problem = priceProblem(instrument.get(), order.symbol(), order.request().quantity(),
                order.request().limitPrice(), order.request().triggerPrice());
        if (problem != null) {
            reports.rejected(order.id(), problem.substring(0, problem.indexOf(':')),
                    problem.substring(problem.indexOf(':') + 2));
            return;
        }
        if (funds != null) {
            Optional<VenueChecks.Rejection> funding = funds.admit(order, order.request().quantity(),
                    order.request().limitPrice(), order.request().triggerPrice(), lastClose(order.symbol()));
            if (funding.isPresent()) {
                reports.rejected(order.id(), funding.get().code(), funding.get().message());
                return;
            }
        }
        Working w = new Working(order, instrument.get().lotSize());
        book(order.symbol()).working.add(w);
        byId.put(order.id(), w);
        reports.accepted(order.id(), "SIM-" + nextVenueId++);
    }

    /** A reason code and message ("CODE: message") when the prices or quantity are not acceptable. */
    private String priceProblem(Instrument instrument, Symbol symbol, long quantity, long limit, long trigger) {
        if (!instrument.isWholeLots(quantity)) {
            return "VENUE_LOT_SIZE: quantity " + quantity + " is not a multiple of the lot size "
                    + instrument.lotSize();
        }
        for (long price : new long[] {limit, trigger}) {
            if (price != 0 && !instrument.isOnTick(price)) {
                return "VENUE_TICK_SIZE: price " + Paise.format(price) + " is not a multiple of the tick size "
                        + Paise.format(instrument.tickSizePaise());
            }
        }
        Book day = books.get(symbol);
        if (config.priceBandPercent() > 0 && day != null && day.previousClose > 0) {
            long low = day.previousClose - Paise.scale(day.previousClose, config.priceBandPercent(), 100);
            long high = day.previousClose + Paise.scale(day.previousClose, config.priceBandPercent(), 100);
            for (long price : new long[] {limit, trigger}) {
                if (price != 0 && (price < low || price > high)) {
                    return "VENUE_PRICE_BAND: price " + Paise.format(price) + " is outside the day's band "
                            + Paise.format(low) + ".." + Paise.format(high);
                }
            }
        }
        return null;
    }

    @Override
    public void cancel(Order order) {
        Working w = byId.remove(order.id());
        if (w == null) {
            return;
        }
        books.get(order.symbol()).working.remove(w);
        release(order.id());
        reports.cancelled(order.id(), "cancelled on request");
    }

    @Override
    public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
        Working w = byId.get(order.id());
        if (w == null) {
            return;
        }
        long newQuantity = quantity == 0 ? w.quantity : quantity;
        long newLimit = limitPrice == 0 ? w.limit : limitPrice;
        long newTrigger = triggerPrice == 0 ? w.trigger : triggerPrice;
        Instrument instrument = instruments.apply(order.symbol()).orElseThrow();
        if (priceProblem(instrument, order.symbol(), newQuantity, newLimit, newTrigger) != null
                || newQuantity <= w.filled
                || funds != null && !funds.modify(order, newQuantity, newLimit, newTrigger, lastClose(order.symbol()))) {
            // The venue keeps the order as it was; a refused modification is not a rejection of the order.
            return;
        }
        w.quantity = newQuantity;
        w.limit = newLimit;
        w.trigger = newTrigger;
        reports.modified(order.id(), newQuantity, newLimit, newTrigger);
    }

    /**
     * Matches the working orders of the bar's symbol against it. Call before the engine sees the bar.
     */
    public void onBar(Bar bar) {
        long date = MarketTime.tradeEpochDay(bar.time());
        Book day = book(bar.symbol());
        if (date != day.date) {
            day.previousClose = day.lastClose;
            day.date = date;
        }
        day.lastClose = bar.close();
        List<Working> orders = day.working;
        if (orders.isEmpty()) {
            return;
        }
        long volumeLeft = config.volumeParticipation() > 0
                ? (long) Math.floor(bar.volume() * config.volumeParticipation())
                : Long.MAX_VALUE;
        // Reports may cancel or add orders through the engine; iterate over a copy.
        for (Working w : List.copyOf(orders)) {
            if (!byId.containsKey(w.order.id())) {
                continue;
            }
            if (w.validity == Validity.DAY && w.sessionDate != NO_DATE && date > w.sessionDate) {
                remove(w);
                reports.cancelled(w.order.id(), "expired at the end of the trading day");
                continue;
            }
            if (w.sessionDate == NO_DATE) {
                w.sessionDate = date;
            }
            long price = fillPrice(w, bar);
            if (price > 0) {
                long quantity = Math.min(w.quantity - w.filled, volumeLeft / w.lotSize * w.lotSize);
                if (quantity > 0) {
                    volumeLeft -= quantity;
                    fill(w, quantity, price, date);
                }
            }
            if (w.validity == Validity.IOC && byId.containsKey(w.order.id())) {
                remove(w);
                reports.cancelled(w.order.id(), "IOC remainder cancelled");
            }
        }
    }

    private void fill(Working w, long quantity, long price, long date) {
        long charge = charges.charge(w.order, quantity, price, tradeDate(date));
        w.filled += quantity;
        w.filledValue = Math.addExact(w.filledValue, Math.multiplyExact(quantity, price));
        if (funds != null) {
            funds.filled(w.order.id(), quantity);
        }
        if (w.filled == w.quantity) {
            remove(w);
        }
        reports.filled(w.order.id(), "SIM-F" + nextFillId++, quantity, price, charge);
    }

    private void remove(Working w) {
        byId.remove(w.order.id());
        book(w.order.symbol()).working.remove(w);
        release(w.order.id());
    }

    private void release(OrderId id) {
        if (funds != null) {
            funds.release(id);
        }
    }

    private long lastClose(Symbol symbol) {
        Book day = books.get(symbol);
        return day == null ? 0 : day.lastClose;
    }

    private Book book(Symbol symbol) {
        if (symbol == lastSymbol) {
            return lastBook;
        }
        Book book = books.get(symbol);
        if (book == null) {
            book = new Book();
            books.put(symbol, book);
        }
        lastSymbol = symbol;
        lastBook = book;
        return book;
    }

    private LocalDate tradeDate(long epochDay) {
        if (epochDay != lastTradeEpochDay) {
            lastTradeDate = LocalDate.ofEpochDay(epochDay);
            lastTradeEpochDay = epochDay;
        }
        return lastTradeDate;
    }

    /** The price at which the order trades in this bar, or 0 when it does not. */
    private long fillPrice(Working w, Bar bar) {
        boolean buy = w.side == Side.BUY;
        return switch (w.type) {
            case MARKET -> slipped(bar.open(), buy, w.tick);
            case LIMIT -> limitPrice(w.limit, buy, bar.open(), bar.low(), bar.high());
            case SL_M -> {
                if (w.triggered) {
                    yield slipped(bar.open(), buy, w.tick);
                }
                long trigger = triggerPoint(w.trigger, buy, bar);
                if (trigger == 0) {
                    yield 0;
                }
                w.triggered = true;
                yield slipped(trigger, buy, w.tick);
            }
            case SL -> {
                if (w.triggered) {
                    yield limitPrice(w.limit, buy, bar.open(), bar.low(), bar.high());
                }
                long trigger = triggerPoint(w.trigger, buy, bar);
                if (trigger == 0) {
                    yield 0;
                }
                w.triggered = true;
                if (buy ? trigger <= w.limit : trigger >= w.limit) {
                    yield trigger;
                }
                // Triggered beyond the limit: only a close back through the limit proves a later trade at it.
                yield (buy ? bar.close() <= w.limit : bar.close() >= w.limit) ? w.limit : 0;
            }
        };
    }

    /** Where a stop triggers in the bar: the open when it gaps through, the trigger when the range reaches it. */
    private static long triggerPoint(long trigger, boolean buy, Bar bar) {
        if (buy) {
            return bar.open() >= trigger ? bar.open() : bar.high() >= trigger ? trigger : 0;
        }
        return bar.open() <= trigger ? bar.open() : bar.low() <= trigger ? trigger : 0;
    }

    private static long limitPrice(long limit, boolean buy, long open, long low, long high) {
        if (buy) {
            return open <= limit ? open : low <= limit ? limit : 0;
        }
        return open >= limit ? open : high >= limit ? limit : 0;
    }

    private long slipped(long price, boolean buy, long tick) {
        if (config.slippageBps() == 0) {
            return price;
        }
        long slip = Paise.scale(price, config.slippageBps(), 10_000);
        return buy ? Paise.ceilToTick(price + slip, tick) : Math.max(tick, Paise.floorToTick(price - slip, tick));
    }

    /** Orders working at the venue, oldest first per symbol. */
    public int workingOrderCount() {
        return byId.size();
    }

    /** The previous trading day's close the band is computed from, 0 when not yet known. */
    public long previousClose(Symbol symbol) {
        Book day = books.get(symbol);
        return day == null ? 0 : day.previousClose;
    }

    /** What the venue keeps per symbol: the trading day's closes and the orders working, oldest first. */
    private static final class Book {
        long date = NO_DATE;
        long lastClose;
        long previousClose;
        final List<Working> working = new ArrayList<>();
    }

    /** An order working at the venue. */
    private final class Working {
        final Order order;
        final Side side;
        final OrderType type;
        final Validity validity;
        final long lotSize;
        final long tick;
        long quantity;
        long limit;
        long trigger;
        long filled;
        long filledValue;
        boolean triggered;
        long sessionDate = NO_DATE;

        Working(Order order, long lotSize) {
            this.order = order;
            this.side = order.side();
            this.type = order.type();
            this.validity = order.validity();
            this.lotSize = lotSize;
            this.tick = instruments.apply(order.symbol()).orElseThrow().tickSizePaise();
            this.quantity = order.request().quantity();
            this.limit = order.request().limitPrice();
            this.trigger = order.request().triggerPrice();
        }
    }

    /** Orders of {@code symbol} still working, for inspection in tests and reports. */
    public List<OrderId> workingOrders(Symbol symbol) {
        List<OrderId> ids = new ArrayList<>();
        for (Iterator<Working> it = (books.containsKey(symbol) ? books.get(symbol).working : List.<Working>of()).iterator(); it.hasNext(); ) {
            ids.add(it.next().order.id());
        }
        return ids;
    }
}
