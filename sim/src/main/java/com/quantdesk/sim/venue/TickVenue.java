package com.quantdesk.sim.venue;

import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.sim.venue.ScheduledReport.Acknowledge;
import com.quantdesk.sim.venue.ScheduledReport.Cancel;
import com.quantdesk.sim.venue.ScheduledReport.Fill;
import com.quantdesk.sim.venue.ScheduledReport.Reject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import com.quantdesk.core.trace.Tracer;
import com.quantdesk.core.trace.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated NSE for paper trading that fills orders from live trade ticks.
 *
 * <ul>
 *   <li>The venue reads no clock. Its time is the latest of the last tick's time and the last
 *       {@link #advance} time; call {@code advance} on a timer so that answers come due between ticks.
 *       An order that arrives before the venue has seen any time arrives at the first time it sees.</li>
 *   <li>An order arriving at venue time t is checked at once and answered at t + ack latency: accepted
 *       as {@code SIM-<order id>}, or rejected with VENUE_UNKNOWN_INSTRUMENT, VENUE_LOT_SIZE,
 *       VENUE_TICK_SIZE or VENUE_PRICE_BAND (the band is around the previous trading day's last traded
 *       price, once the venue knows one), or VENUE_INSUFFICIENT_FUNDS when {@link #checkFunds} is on and
 *       the account's buying power does not cover it. It trades only on ticks timed at or after its acknowledgement.</li>
 *   <li>Per tick, in time priority: MARKET fills at the tick price plus adverse slippage rounded to the
 *       tick against the trader; LIMIT fills at the tick price when it is at or through the limit; SL-M
 *       triggers when a tick reaches the trigger and fills as market on that tick; SL triggers the same
 *       way and then works as a limit.</li>
 *   <li>With a volume cap the account takes at most that share of a tick's size, in whole lots, shared by
 *       its orders in time priority; without one an order fills in full on any tick with a size. A tick
 *       of size 0 is a price update: it triggers stops and fills nothing. Partial fills keep working.</li>
 *   <li>A match at venue time t is reported at t + fill latency as {@code SIM-F<order id>-<quantity
 *       matched so far>}, which stays unique across restarts; the quantity is reserved at once.</li>
 *   <li>IOC: the first tick with a size that the order may trade on ends it; the rest is cancelled
 *       ("IOC remainder cancelled"), reported after that tick's fill. Any order still working when the
 *       venue's time reaches a later IST trading day expires ("expired at the end of the trading
 *       day").</li>
 *   <li>A cancel before the acknowledgement is reported instead of it, when it would have come (no
 *       accepted report). After it the order stops at once: matched fills not yet reported are reported
 *       first, then the cancel. Expiry does the same. A cancel of an order with nothing left to trade
 *       does nothing; its reports come as scheduled.</li>
 * </ul>
 * Single-threaded: call it only from the engine thread.
 */
public final class TickVenue implements BrokerGateway {

    private static final Logger LOG = LoggerFactory.getLogger(TickVenue.class);

    static final long NO_DATE = Long.MIN_VALUE;

    private final TickVenueConfig config;
    private final Function<Symbol, Optional<Instrument>> instruments;
    private final FillCharges charges;
    private final VolumeCap volumeCap;
    private final TickPricing pricing;
    private final Map<Symbol, Book> books = new HashMap<>();
    // Insertion order is time priority, so expiries come out in the same order on every run.
    private final Map<OrderId, TickOrder> byId = new LinkedHashMap<>();
    private final ReportQueue due = new ReportQueue();
    private ExecutionReports reports;
    private Instant now = Instant.MIN;
    private long today = NO_DATE;
    private boolean expiryCheckDue;
    private long lastTradeEpochDay = NO_DATE;
    private LocalDate lastTradeDate;
    private BuyingPower funds;

    /** A venue with the given latencies and fill rules, instrument master and charges. */
    public TickVenue(TickVenueConfig config, Function<Symbol, Optional<Instrument>> instruments,
                     FillCharges charges) {
        this.config = Objects.requireNonNull(config, "config");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.charges = Objects.requireNonNull(charges, "charges");
        this.volumeCap = VolumeCap.of(config.volumeParticipation());
        this.pricing = new TickPricing(config.slippageBps());
    }

    @Override
    public void connect(ExecutionReports executionReports) {
        this.reports = Objects.requireNonNull(executionReports, "executionReports");
    }

    /**
     * Checks every new order and modification against the account's buying power from now on, at
     * arrival; an order the account cannot pay for is rejected with {@link BuyingPower#INSUFFICIENT_FUNDS}
     * after the acknowledgement latency, like any other rejection. Call before {@link #restore}.
     */
    public void checkFunds(BuyingPower buyingPower) {
        this.funds = Objects.requireNonNull(buyingPower, "buyingPower");
    }

    @Override
    public void submit(Order order) {
        Tracer.Span span = Tracing.tracer().startSpan("venue submit")
                .attribute("quantdesk.order", order.id().toString());
        try {
            accept(order);
        } finally {
            span.end();
        }
    }

    private void accept(Order order) {
        requireAbsent(order.id());
        if (LOG.isDebugEnabled()) {
            LOG.debug("venue: order {} received ({} {} {})", order.id(), order.request().side(),
                    order.request().quantity(), order.symbol());
        }
        Instant answerAt = now.plus(config.ackLatency());
        Optional<Instrument> instrument = instruments.apply(order.symbol());
        Optional<VenueChecks.Rejection> problem = instrument.isEmpty()
                ? Optional.of(new VenueChecks.Rejection("VENUE_UNKNOWN_INSTRUMENT",
                        "unknown instrument " + order.symbol()))
                : VenueChecks.problem(instrument.get(), order.request().quantity(), order.request().limitPrice(),
                        order.request().triggerPrice(), bandReference(order.symbol()), config.priceBandPercent());
        if (problem.isEmpty() && funds != null) {
            problem = funds.admit(order, order.request().quantity(), order.request().limitPrice(),
                    order.request().triggerPrice(), lastPrice(order.symbol()));
        }
        if (problem.isPresent()) {
            due.add(new Reject(answerAt, due.nextSeq(), order.id(), problem.get().code(), problem.get().message()));
        } else {
            TickOrder o = new TickOrder(order, instrument.get(), answerAt, today);
            byId.put(o.id, o);
            book(o.symbol).working.add(o);
            due.add(new Acknowledge(answerAt, due.nextSeq(), o));
        }
        deliverDue();
    }

    /**
     * Puts back an order the venue acknowledged before a restart, as the journal last saw it: working,
     * with its filled quantity already traded and its current quantity and prices; no report is sent.
     * Restore oldest first: the order of the calls is the time priority. A DAY order from an earlier
     * trading day (by its creation time) expires at the next tick or {@link #advance}.
     *
     * @throws IllegalArgumentException if the order is not ACCEPTED or PARTIALLY_FILLED, or its
     *                                  instrument is unknown
     * @throws IllegalStateException    if the venue already holds it
     */
    public void restore(Order order) {
        if (order.status() != OrderStatus.ACCEPTED && order.status() != OrderStatus.PARTIALLY_FILLED) {
            throw new IllegalArgumentException("only an ACCEPTED or PARTIALLY_FILLED order can be restored, "
                    + order.id() + " is " + order.status());
        }
        requireAbsent(order.id());
        Instrument instrument = instruments.apply(order.symbol()).orElseThrow(() -> new IllegalArgumentException(
                "unknown instrument " + order.symbol() + " for restored order " + order.id()));
        TickOrder o = new TickOrder(order, instrument, Instant.MIN, MarketTime.tradeEpochDay(order.createdAt()));
        o.acknowledged = true;
        byId.put(o.id, o);
        book(o.symbol).working.add(o);
        if (funds != null) {
            funds.restore(order, lastPrice(order.symbol()));
        }
        expiryCheckDue = true;
    }

    @Override
    public void cancel(Order order) {
        TickOrder o = byId.get(order.id());
        if (o == null || !o.live) {
            return;
        }
        stopTrading(o);
        if (o.acknowledged) {
            end(o, "cancelled on request");
        } else {
            o.cancelRequested = true;
        }
    }

    @Override
    public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
        TickOrder o = byId.get(order.id());
        if (o == null || !o.live) {
            return;
        }
        long newQuantity = quantity == 0 ? o.quantity : quantity;
        long newLimit = limitPrice == 0 ? o.limit : limitPrice;
        long newTrigger = triggerPrice == 0 ? o.trigger : triggerPrice;
        if (newQuantity <= o.matched || VenueChecks.problem(o.instrument, newQuantity, newLimit, newTrigger,
                bandReference(o.symbol), config.priceBandPercent()).isPresent()
                || funds != null && !funds.modify(order, newQuantity, newLimit, newTrigger, lastPrice(o.symbol))) {
            // The venue keeps the order as it was; a refused modification is not a rejection of the order.
            return;
        }
        o.quantity = newQuantity;
        o.limit = newLimit;
        o.trigger = newTrigger;
        reports.modified(o.id, newQuantity, newLimit, newTrigger);
    }

    /**
     * A trade print: records the symbol's last price, delivers what is due by the tick's time, then
     * matches the symbol's working orders against it. A tick without a positive price only moves the
     * time (the feed's filter should have dropped it).
     */
    public void onTick(Tick tick) {
        if (tick.price() > 0) {
            record(tick);
        }
        advance(tick.time());
        Book book = books.get(tick.symbol());
        if (tick.price() > 0 && book != null && !book.working.isEmpty()) {
            match(book, tick);
            deliverDue();
        }
    }

    /**
     * Moves the venue's time forward to {@code time} (an earlier time changes nothing) and delivers
     * the acknowledgements, fills and expiries that are due, in time order; reports due at the same
     * time come in the order they were scheduled.
     */
    public void advance(Instant time) {
        if (time.isAfter(now)) {
            boolean firstTime = now == Instant.MIN;
            now = time;
            if (firstTime) {
                retimeArrivals();
            }
        }
        long day = MarketTime.tradeEpochDay(now);
        if (day != today || expiryCheckDue) {
            startDay(day);
        }
        deliverDue();
    }

    private void startDay(long day) {
        long previous = today;
        today = day;
        expiryCheckDue = false;
        if (previous != NO_DATE && day > previous) {
            // What fell due before midnight belongs to the old day and comes before its expiries.
            deliverBefore(Instant.ofEpochSecond((previous + 1) * 86_400 - MarketTime.IST_OFFSET_SECONDS));
        }
        for (TickOrder o : List.copyOf(byId.values())) {
            if (o.day == NO_DATE) {
                o.day = day;
            } else if (o.live && o.day < day) {
                stopTrading(o);
                end(o, "expired at the end of the trading day");
            }
        }
    }

    /** Orders that arrived before the venue knew the time arrive now. */
    private void retimeArrivals() {
        Instant answerAt = now.plus(config.ackLatency());
        due.replaceAll(report -> switch (report) {
            case Acknowledge a -> {
                a.order().tradableFrom = answerAt;
                yield new Acknowledge(answerAt, a.seq(), a.order());
            }
            case Reject r -> new Reject(answerAt, r.seq(), r.id(), r.code(), r.message());
            case Fill f -> throw new IllegalStateException("fill of " + f.order().id + " before any tick");
            case Cancel c -> throw new IllegalStateException("cancel of " + c.order().id + " before any tick");
        });
    }

    private void match(Book book, Tick tick) {
        long allowance = volumeCap.allowance(tick.size());
        Instant reportAt = now.plus(config.fillLatency());
        LocalDate tradeDate = tradeDate(MarketTime.tradeEpochDay(tick.time()));
        for (Iterator<TickOrder> it = book.working.iterator(); it.hasNext(); ) {
            TickOrder o = it.next();
            if (!o.acknowledged || tick.time().isBefore(o.tradableFrom)) {
                continue;
            }
            long price = pricing.price(o, tick.price());
            long lot = o.instrument.lotSize();
            long quantity = price > 0 ? Math.min(o.unmatched(), allowance / lot * lot) : 0;
            if (quantity > 0) {
                allowance -= quantity;
                o.matched += quantity;
                boolean last = o.matched == o.quantity;
                due.add(new Fill(reportAt, due.nextSeq(), o, "SIM-F" + o.id.value() + "-" + o.matched, quantity, price,
                        charges.charge(o.order, quantity, price, tradeDate), last));
                if (last) {
                    o.live = false;
                    it.remove();
                    continue;
                }
            }
            if (o.validity == Validity.IOC && tick.size() > 0) {
                o.live = false;
                it.remove();
                due.add(new Cancel(reportAt, due.nextSeq(), o, "IOC remainder cancelled"));
            }
        }
    }

    private void deliverDue() {
        for (ScheduledReport report = due.pollDue(now); report != null; report = due.pollDue(now)) {
            deliver(report);
        }
    }

    private void deliverBefore(Instant time) {
        for (ScheduledReport report = due.pollBefore(time); report != null; report = due.pollBefore(time)) {
            deliver(report);
        }
    }

    private void deliver(ScheduledReport report) {
        // Each report leaves the venue's state final before it goes out: the engine may call back at once.
        switch (report) {
            case Acknowledge a -> {
                TickOrder o = a.order();
                if (o.cancelRequested) {
                    byId.remove(o.id);
                    release(o.id);
                    reports.cancelled(o.id, "cancelled on request");
                } else {
                    o.acknowledged = true;
                    reports.accepted(o.id, "SIM-" + o.id.value());
                }
            }
            case Reject r -> reports.rejected(r.id(), r.code(), r.message());
            case Fill f -> {
                if (funds != null) {
                    funds.filled(f.order().id, f.quantity());
                }
                if (f.last()) {
                    byId.remove(f.order().id);
                    release(f.order().id);
                }
                reports.filled(f.order().id, f.fillId(), f.quantity(), f.price(), f.charges());
            }
            case Cancel c -> {
                byId.remove(c.order().id);
                release(c.order().id);
                reports.cancelled(c.order().id, c.reason());
            }
        }
    }

    /** Reports what the order is still owed, ahead of time, then its cancellation. */
    private void end(TickOrder o, String reason) {
        for (ScheduledReport report : due.takeAll(o)) {
            deliver(report);
        }
        if (byId.remove(o.id) != null) {
            release(o.id);
            reports.cancelled(o.id, reason);
        }
    }

    private void release(OrderId id) {
        if (funds != null) {
            funds.release(id);
        }
    }

    private void stopTrading(TickOrder o) {
        o.live = false;
        books.get(o.symbol).working.remove(o);
    }

    private void record(Tick tick) {
        Book book = book(tick.symbol());
        if (tick.time().isBefore(book.lastTime)) {
            return;
        }
        long day = MarketTime.tradeEpochDay(tick.time());
        if (day != book.day) {
            book.previousDayLast = book.lastPrice;
            book.day = day;
        }
        book.lastPrice = tick.price();
        book.lastTime = tick.time();
    }

    /** The previous trading day's last traded price, 0 when not known. */
    private long bandReference(Symbol symbol) {
        Book book = books.get(symbol);
        if (book == null) {
            return 0;
        }
        return book.day < today ? book.lastPrice : book.previousDayLast;
    }

    private void requireAbsent(OrderId id) {
        if (byId.containsKey(id)) {
            throw new IllegalStateException("order " + id + " is already at the venue");
        }
    }

    private Book book(Symbol symbol) {
        return books.computeIfAbsent(symbol, s -> new Book());
    }

    private LocalDate tradeDate(long epochDay) {
        if (epochDay != lastTradeEpochDay) {
            lastTradeDate = LocalDate.ofEpochDay(epochDay);
            lastTradeEpochDay = epochDay;
        }
        return lastTradeDate;
    }

    /**
     * Whether the venue holds the order: awaiting its answer, working, or with reports still to
     * deliver. A rejected order is never held.
     */
    public boolean knows(OrderId id) {
        return byId.containsKey(id);
    }

    /** Orders that can still trade, awaiting acknowledgement or working, over all symbols. */
    public int workingOrderCount() {
        int count = 0;
        for (Book book : books.values()) {
            count += book.working.size();
        }
        return count;
    }

    /** Orders of {@code symbol} that can still trade, in time priority. */
    public List<OrderId> workingOrders(Symbol symbol) {
        Book book = books.get(symbol);
        if (book == null) {
            return List.of();
        }
        List<OrderId> ids = new ArrayList<>(book.working.size());
        for (TickOrder o : book.working) {
            ids.add(o.id);
        }
        return ids;
    }

    /** The symbol's last traded price, paise; 0 before its first tick. */
    public long lastPrice(Symbol symbol) {
        Book book = books.get(symbol);
        return book == null ? 0 : book.lastPrice;
    }

    /** What the venue keeps per symbol: its last trades and the orders that can still trade, oldest first. */
    private static final class Book {
        long day = NO_DATE;
        Instant lastTime = Instant.MIN;
        long lastPrice;
        long previousDayLast;
        final List<TickOrder> working = new ArrayList<>();
    }
}
