package com.quantdesk.kite.live;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.EngineListener;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.order.Order;
import com.quantdesk.kite.rest.InstrumentKey;
import com.quantdesk.kite.rest.KiteClient;
import com.quantdesk.kite.rest.KiteException;
import com.quantdesk.kite.rest.KiteOrder;
import com.quantdesk.kite.rest.KiteOrderId;
import com.quantdesk.kite.rest.KiteProduct;
import com.quantdesk.kite.rest.KiteTrade;
import com.quantdesk.kite.rest.ModifyRequest;
import com.quantdesk.kite.rest.OrderPlacement;
import com.quantdesk.kite.rest.OrderRequest;
import com.quantdesk.kite.rest.OrderTag;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import com.quantdesk.core.engine.CorrelationScope;
import com.quantdesk.core.trace.Tracer;
import com.quantdesk.core.trace.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker port over Kite Connect, for one account's session.
 *
 * <p>The engine thread never waits on Kite: a placement, cancel or modification is sent on the
 * order-writing thread (one at a time, in the order asked, within Kite's order rate limits by the
 * client), and what comes back is handed to the engine thread. Every order carries our client order
 * id as its {@code tag} ({@code QD} and the number), {@code market_protection} on MARKET and SL-M,
 * and the configured {@code algo_id}. A placement whose answer was lost is settled by looking the
 * order up by tag, never by sending it again ({@link KiteClient#placeOrder}); one whose lookup failed
 * too stays submitted until reconciliation finds it, or finds it was never placed.
 *
 * <p>What Kite says of an order afterwards (a ticker order update, a verified postback, the answer
 * to our own write) makes the order's latest state and trades be read and applied, each report at
 * most once ({@link KiteOrderState}), so a fill that overtakes the acknowledgement is handled and a
 * repeated update changes nothing. {@link #reconcile()} compares the whole order book, trades and
 * positions with ours (on start and periodically).
 *
 * <p>A {@code TokenException} from any call is handed to {@link SessionTrouble}: the account's
 * trading is to halt until a new login.
 */
public final class KiteVenue implements BrokerGateway, EngineListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KiteVenue.class);
    private static final String TAG_PREFIX = "QD";
    /** Reads of an order whose trades lag its filled quantity, before reconciliation is left to it. */
    private static final int MAX_REREADS = 5;
    /**
     * How long a submitted order may go unseen at Kite before a periodic reconciliation decides it was
     * never placed: longer than an order waits for the journal and for its placement's answer.
     */
    private static final java.time.Duration SETTLING = java.time.Duration.ofSeconds(60);

    private final KiteClient client;
    private final AccountId account;
    private final Executor engineThread;
    private final SessionTrouble sessionTrouble;
    private final int marketProtection;
    private final KiteOrderState orders;
    private final Reconciliation reconciliation;
    private final ExecutorService writes = single("kite-orders");
    private final ExecutorService reads = single("kite-sync");
    // Engine thread only.
    private final Set<OrderId> placing = new HashSet<>();
    private final Map<OrderId, Order> cancelWhenPlaced = new HashMap<>();
    private final Map<OrderId, Integer> rereads = new HashMap<>();
    private TradingEngine engine;
    private ExecutionReports reports;

    /**
     * A venue for {@code account} over {@code client}'s session.
     *
     * @param engineThread     runs a task on the engine thread
     * @param charges          charges of each fill (Kite's trades carry none)
     * @param marketProtection {@code market_protection} of MARKET and SL-M orders: -1 (automatic) or 1–100
     * @param sessionTrouble   told when Kite refuses the session
     */
    public KiteVenue(KiteClient client, AccountId account, Executor engineThread, BrokerCharges charges,
                     int marketProtection, SessionTrouble sessionTrouble, InstantSource clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.account = Objects.requireNonNull(account, "account");
        this.engineThread = Objects.requireNonNull(engineThread, "engineThread");
        this.sessionTrouble = Objects.requireNonNull(sessionTrouble, "sessionTrouble");
        if (marketProtection != -1 && (marketProtection < 1 || marketProtection > 100)) {
            throw new IllegalArgumentException("kite.marketProtection must be -1 (automatic) or 1-100, was "
                    + marketProtection);
        }
        this.marketProtection = marketProtection;
        this.orders = new KiteOrderState(this::openOrder, Objects.requireNonNull(charges, "charges"), clock);
        this.reconciliation = new Reconciliation(account, orders, this::openOrder);
    }

    /** Gives the venue the engine it serves; call before any order, on the thread that owns the engine. */
    public void attach(TradingEngine tradingEngine) {
        this.engine = Objects.requireNonNull(tradingEngine, "engine");
    }

    @Override
    public void connect(ExecutionReports executionReports) {
        this.reports = executionReports;
        orders.connect(executionReports);
    }

    // ---------------------------------------------------------------- the journal

    /**
     * Learns what the journal says of our orders: Kite's ids, the trades already booked, the orders
     * settled. Fed every replayed event on a restart, and every new event as an engine listener.
     */
    @Override
    public void onEvent(Event event) {
        switch (event) {
            case OrderAccepted a -> orders.recordAccepted(a.orderId(), a.venueOrderId());
            case OrderFilled f -> {
                orders.recordFill(f.orderId(), f.fillId());
                reconciliation.recordFill(f);
                if (f.remaining() == 0) {
                    settled(f.orderId());
                }
            }
            case OrderCancelled c -> settled(c.orderId());
            case OrderRejected r -> settled(r.orderId());
            default -> {
            }
        }
    }

    private void settled(OrderId id) {
        orders.forget(id);
        cancelWhenPlaced.remove(id);
        rereads.remove(id);
    }

    // ---------------------------------------------------------------- orders (engine thread)

    @Override
    public void submit(Order order) {
        OrderRequest request;
        try {
            request = request(order);
        } catch (IllegalArgumentException e) {
            reports.rejected(order.id(), "BROKER_INPUT", e.getMessage());
            return;
        }
        placing.add(order.id());
        send(writes, () -> {
            LOG.debug("placing {} at Kite", order.id());
            OrderPlacement placement;
            Tracer.Span span = Tracing.tracer().startSpan("kite place order")
                    .attribute("quantdesk.order", order.id().toString());
            try {
                placement = client.placeOrder(request);
            } catch (KiteException e) {
                onEngine(() -> refused(order, e));
                return;
            } finally {
                span.end();
            }
            onEngine(() -> placed(order, placement));
        });
    }

    private void placed(Order order, OrderPlacement placement) {
        placing.remove(order.id());
        switch (placement) {
            case OrderPlacement.Placed p -> {
                orders.placed(order.id(), p.orderId());
                afterPlaced(order, p.orderId());
            }
            case OrderPlacement.Recovered r -> {
                LOG.info("placement of {} lost its answer ({}); found at Kite as {}", order.id(), r.cause().toString(),
                        r.order().orderId());
                orders.placed(order.id(), r.order().orderId());
                afterPlaced(order, r.order().orderId());
            }
            case OrderPlacement.NotPlaced n -> reports.rejected(order.id(), "BROKER_NOT_PLACED",
                    "Kite did not answer (" + n.cause().getMessage() + ") and has no order tagged " + n.tag()
                            + "; not sent again, the decision is stale");
            case OrderPlacement.Unknown u -> {
                LOG.warn("placement of {} is uncertain: {}; lookup failed: {}; reconciliation will settle it",
                        order.id(), u.cause().toString(), u.lookupFailure().toString());
                engine.raiseAlert(account, "BROKER_ORDER_UNCERTAIN", "order " + order.id() + " (tag " + u.tag()
                        + "): Kite did not answer and could not be asked; it stays submitted until reconciliation "
                        + "finds it at Kite or finds it was never placed");
            }
        }
    }

    private void afterPlaced(Order order, KiteOrderId kiteId) {
        Order cancel = cancelWhenPlaced.remove(order.id());
        if (cancel != null) {
            cancel(cancel);
        } else {
            sync(order.id(), kiteId);
        }
    }

    private void refused(Order order, KiteException e) {
        placing.remove(order.id());
        cancelWhenPlaced.remove(order.id());
        reports.rejected(order.id(), code(e), e.getMessage());
        troubled(e);
    }

    @Override
    public void cancel(Order order) {
        Optional<KiteOrderId> kiteId = orders.kiteId(order.id());
        if (kiteId.isEmpty()) {
            // Not at Kite yet (placing) or not known there: cancel once its id is known.
            cancelWhenPlaced.put(order.id(), order);
            return;
        }
        send(writes, () -> {
            try {
                client.cancelOrder(kiteId.get());
            } catch (KiteException e) {
                LOG.warn("cancel of {} ({}) failed: {}", order.id(), kiteId.get(), e.toString());
                troubled(e);
            }
            readAndApply(order.id(), kiteId.get());
        });
    }

    @Override
    public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
        Optional<KiteOrderId> kiteId = orders.kiteId(order.id());
        if (kiteId.isEmpty()) {
            return; // not at Kite yet: nothing to modify there
        }
        var r = order.request();
        OrderType type = r.type();
        ModifyRequest change;
        try {
            change = new ModifyRequest(type, quantity > 0 ? quantity : r.quantity(),
                    type.needsLimitPrice() ? (limitPrice > 0 ? limitPrice : r.limitPrice()) : 0,
                    type.needsTriggerPrice() ? (triggerPrice > 0 ? triggerPrice : r.triggerPrice()) : 0,
                    r.validity(), protection(type));
        } catch (IllegalArgumentException e) {
            LOG.warn("modification of {} not sent: {}", order.id(), e.getMessage());
            return;
        }
        send(writes, () -> {
            try {
                client.modifyOrder(kiteId.get(), change);
            } catch (KiteException e) {
                LOG.warn("modification of {} ({}) failed: {}", order.id(), kiteId.get(), e.toString());
                troubled(e);
            }
            readAndApply(order.id(), kiteId.get());
        });
    }

    // ---------------------------------------------------------------- what Kite says

    /**
     * Kite said something of an order (a ticker order update or a verified postback): if it is one of
     * ours, its latest state and trades are read and applied. Any thread.
     *
     * @param tag     the order's tag as Kite sent it (may be empty)
     * @param orderId Kite's order id
     */
    public void orderUpdated(String tag, String orderId) {
        Optional<OrderId> ours = ourId(tag);
        if (ours.isEmpty()) {
            return; // an order placed elsewhere (the Kite app, another program): reconciliation reports it
        }
        KiteOrderId kiteId;
        try {
            kiteId = KiteOrderId.of(orderId);
        } catch (IllegalArgumentException e) {
            LOG.warn("order update for {} with an unusable order id: {}", tag, e.getMessage());
            return;
        }
        send(reads, () -> readAndApply(ours.get(), kiteId));
    }

    /** Reads an order's latest state and trades (on the calling I/O thread) and applies them on the engine thread. */
    private void readAndApply(OrderId id, KiteOrderId kiteId) {
        try {
            List<KiteOrder> history = client.orderHistory(kiteId);
            if (history.isEmpty()) {
                return;
            }
            KiteOrder latest = history.getLast();
            Optional<List<KiteTrade>> trades = latest.filledQuantity() > 0
                    ? Optional.of(client.orderTrades(kiteId)) : Optional.empty();
            onEngine(() -> {
                if (orders.apply(id, latest, trades)) {
                    // The trades lag the order's filled quantity: read again, a few times at most
                    // (then the periodic reconciliation settles it).
                    int attempt = rereads.merge(id, 1, Integer::sum);
                    if (attempt <= MAX_REREADS) {
                        send(reads, () -> readAndApply(id, kiteId));
                    }
                } else {
                    rereads.remove(id);
                }
            });
        } catch (KiteException e) {
            LOG.warn("cannot read order {} ({}) from Kite: {}", id, kiteId, e.toString());
            troubled(e);
        }
    }

    private void sync(OrderId id, KiteOrderId kiteId) {
        send(reads, () -> readAndApply(id, kiteId));
    }

    // ---------------------------------------------------------------- reconciliation

    /**
     * Reads Kite's order book, trades and positions on the calling thread and compares them with the
     * engine's: fills that happened while we were away are adopted, orders Kite never received are
     * rejected, differences become alerts. Call on the engine's thread before the engine loop runs
     * (at start), or through {@link #reconcileLater()} once it runs.
     *
     * @throws KiteException when Kite cannot be read
     */
    public Reconciliation.Result reconcile() {
        Reconciliation.Book book;
        try {
            book = readBook();
        } catch (KiteException e) {
            troubled(e);
            throw e;
        }
        Reconciliation.Result result = reconciliation.apply(book, engine, placing, java.time.Duration.ZERO);
        if (!result.foreignTags().isEmpty()) {
            throw new IllegalStateException("Kite's book has orders tagged " + result.foreignTags() + " beyond this "
                    + "journal's last order number " + (engine.nextId() - 1) + ": the journal is older than the "
                    + "account's day (restored from a backup?) or another installation trades this account. Live "
                    + "trading does not start on it: start tomorrow, or with the journal that placed those orders");
        }
        cancelOrphans(result);
        return result;
    }

    /** Cancels at Kite the orders of ours that are working there but settled here. */
    private void cancelOrphans(Reconciliation.Result result) {
        for (KiteOrderId orphan : result.orphans()) {
            send(writes, () -> {
                try {
                    client.cancelOrder(orphan);
                } catch (KiteException e) {
                    LOG.warn("cancel of orphan order {} failed: {}", orphan, e.toString());
                    troubled(e);
                }
            });
        }
    }

    /** Reconciles on the reading thread, applying on the engine thread; the result goes to {@code done}. */
    public void reconcileLater(java.util.function.Consumer<Reconciliation.Result> done) {
        reconcileLater(SETTLING, done);
    }

    /**
     * Reconciles as {@link #reconcileLater(java.util.function.Consumer)} does, judging a submitted order
     * Kite does not show never placed once it has gone unseen for {@code minAge} (zero: at once, when
     * nothing is being sent, e.g. after a burst has settled).
     */
    public void reconcileLater(java.time.Duration minAge, java.util.function.Consumer<Reconciliation.Result> done) {
        send(reads, () -> {
            Reconciliation.Book book;
            try {
                book = readBook();
            } catch (KiteException e) {
                LOG.warn("reconciliation could not read Kite: {}", e.toString());
                troubled(e);
                return;
            }
            onEngine(() -> {
                Reconciliation.Result result = reconciliation.apply(book, engine, placing, minAge);
                cancelOrphans(result);
                // Cancels waiting for an id that reconciliation has now learnt.
                for (Order waiting : List.copyOf(cancelWhenPlaced.values())) {
                    if (orders.kiteId(waiting.id()).isPresent() && !placing.contains(waiting.id())) {
                        cancelWhenPlaced.remove(waiting.id());
                        cancel(waiting);
                    }
                }
                done.accept(result);
            });
        });
    }

    private Reconciliation.Book readBook() {
        return new Reconciliation.Book(client.orders(), client.trades(), client.positions().day());
    }

    // ---------------------------------------------------------------- helpers

    private OrderRequest request(Order order) {
        var r = order.request();
        if (r.afterMarket()) {
            throw new IllegalArgumentException("after-market orders are not sent to Kite by this platform");
        }
        return new OrderRequest(InstrumentKey.nse(r.symbol().value()), r.side(), r.type(), KiteProduct.of(r.product()),
                r.quantity(), r.type().needsLimitPrice() ? r.limitPrice() : 0,
                r.type().needsTriggerPrice() ? r.triggerPrice() : 0, r.validity(), 0, OrderTag.of(order.id()),
                protection(r.type()));
    }

    private int protection(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.SL_M ? marketProtection
                : OrderRequest.AUTO_MARKET_PROTECTION;
    }

    private Optional<Order> openOrder(OrderId id) {
        return engine.openOrder(id);
    }

    /** Our order id in a Kite tag ({@code QD42} → 42), if the tag is ours. */
    static Optional<OrderId> ourId(String tag) {
        if (tag == null || !tag.startsWith(TAG_PREFIX) || tag.length() == TAG_PREFIX.length()
                || tag.length() > TAG_PREFIX.length() + 18) {
            return Optional.empty();
        }
        String digits = tag.substring(TAG_PREFIX.length());
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return Optional.empty();
            }
        }
        long value = Long.parseLong(digits);
        return value > 0 ? Optional.of(OrderId.of(value)) : Optional.empty();
    }

    private static String code(KiteException e) {
        return switch (e) {
            case KiteException.TokenException t -> "BROKER_SESSION_EXPIRED";
            case KiteException.MarginException m -> "BROKER_MARGIN";
            case KiteException.InputException i -> "BROKER_INPUT";
            case KiteException.OrderException o -> "BROKER_ORDER_REFUSED";
            case KiteException.PermissionException p -> "BROKER_PERMISSION";
            case KiteException.HoldingException h -> "BROKER_HOLDINGS";
            case KiteException.LocalRejection l -> "BROKER_RATE_LIMITED";
            default -> "BROKER_ERROR";
        };
    }

    /** Hands a refusal of the session (met on any thread) to the session handler. */
    private void troubled(KiteException e) {
        if (e instanceof KiteException.TokenException token) {
            sessionTrouble.sessionRefused(token);
        }
    }

    private void onEngine(Runnable task) {
        try {
            engineThread.execute(task);
        } catch (IllegalStateException | RejectedExecutionException closing) {
            LOG.debug("engine gone; Kite's answer dropped (reconciliation settles it on the next start)");
        }
    }

    /** Runs a Kite call on its own thread, under the correlation id of the engine work that asked for it. */
    private static void send(ExecutorService executor, Runnable call) {
        Runnable task = CorrelationScope.carry(call);
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Kite call failed unexpectedly", e);
                }
            });
        } catch (RejectedExecutionException closing) {
            LOG.debug("venue closed; call not made");
        }
    }

    private static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether the placement of {@code id} is on its way to Kite, unanswered. Engine thread. */
    public boolean isPlacing(OrderId id) {
        return placing.contains(id);
    }

    /** Stops sending; calls in progress finish (up to the request timeout). */
    @Override
    public void close() {
        writes.shutdown();
        reads.shutdown();
        try {
            writes.awaitTermination(15, TimeUnit.SECONDS);
            reads.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
