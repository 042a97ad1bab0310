package com.quantdesk.core.journal;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.CorrelationScope;
import com.quantdesk.core.engine.EngineListener;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.order.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Holds every new order back until its {@code OrderSubmitted} event is durable in the journal, then
 * sends it to the venue: after a crash, no order can be live at a venue that the journal does not
 * know. The engine thread never waits: the journal's completion is handed back to the engine thread
 * through {@code engineThread}.
 *
 * <p>An order that is not durable within the deadline (the database is slow or gone) is never sent:
 * it ends {@code REJECTED} with {@code ORDER_DURABILITY_TIMEOUT}, whether its commit arrives late or
 * not at all ({@link #expireHeld()} sweeps). A strategy's decision goes stale while it waits, and an
 * order that leaves minutes later at an old price is worse than none.
 *
 * <p>Register it as an engine listener after the journal's own listener, so it learns the sequence
 * of each {@code OrderSubmitted} before the engine hands the order over.
 */
public final class DurableGateway implements BrokerGateway, EngineListener {

    /** How long an order may wait for the journal by default. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(2);

    private final BrokerGateway venue;
    private final EventJournal journal;
    private final Executor engineThread;
    private final long deadlineNanos;
    private final LongSupplier nanoTime;
    private final Map<OrderId, Long> submittedAt = new HashMap<>();
    private final Map<OrderId, Held> waiting = new LinkedHashMap<>();
    private ExecutionReports reports;

    private record Held(Order order, long sinceNanos) {
    }

    /**
     * A gateway in front of {@code venue} with the default deadline.
     *
     * @param engineThread runs a task on the engine thread (e.g. {@code loop::run} of an engine loop)
     * @param nanoTime     a monotonic clock for the deadline (real time, whatever the engine clock does)
     */
    public DurableGateway(BrokerGateway venue, EventJournal journal, Executor engineThread, LongSupplier nanoTime) {
        this(venue, journal, engineThread, DEFAULT_DEADLINE, nanoTime);
    }

    /**
     * A gateway in front of {@code venue}.
     *
     * @param engineThread runs a task on the engine thread
     * @param deadline     how long an order may wait to become durable before it is rejected unsent
     * @param nanoTime     a monotonic clock for the deadline
     */
    public DurableGateway(BrokerGateway venue, EventJournal journal, Executor engineThread, Duration deadline,
                          LongSupplier nanoTime) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.engineThread = Objects.requireNonNull(engineThread, "engineThread");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("durability deadline must be positive, was " + deadline);
        }
        this.deadlineNanos = deadline.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public void connect(ExecutionReports executionReports) {
        this.reports = executionReports;
        venue.connect(executionReports);
    }

    @Override
    public void onEvent(Event event) {
        if (event instanceof OrderSubmitted s) {
            submittedAt.put(s.order().id(), s.sequence());
        }
    }

    @Override
    public void submit(Order order) {
        Long sequence = submittedAt.remove(order.id());
        if (sequence == null) {
            throw new IllegalStateException("order " + order.id() + " reached the gateway without an OrderSubmitted "
                    + "event; register the gateway as an engine listener");
        }
        waiting.put(order.id(), new Held(order, nanoTime.getAsLong()));
        // The commit completes on the journal's thread: the order's correlation id and trace go along explicitly.
        CorrelationScope.Handoff handoff = CorrelationScope.capture();
        journal.durable(sequence).whenComplete((ok, failure) -> engineThread.execute(
                CorrelationScope.carry(handoff, () -> release(order, failure))));
    }

    private void release(Order order, Throwable failure) {
        Held held = waiting.remove(order.id());
        if (held == null) {
            return; // cancelled or expired while it waited
        }
        if (failure != null) {
            reports.rejected(order.id(), "ORDER_NOT_DURABLE",
                    "the journal could not record the order, so it was not sent: " + failure.getMessage());
        } else if (nanoTime.getAsLong() - held.sinceNanos() > deadlineNanos) {
            timedOut(order);
        } else {
            venue.submit(order);
        }
    }

    /**
     * Rejects, unsent, every order that has waited longer than the deadline. Call it on the engine
     * thread from a timer, so an order is settled even while the journal stays down.
     */
    public void expireHeld() {
        if (waiting.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        List<Order> expired = new ArrayList<>();
        for (Held held : waiting.values()) {
            if (now - held.sinceNanos() > deadlineNanos) {
                expired.add(held.order());
            }
        }
        for (Order order : expired) {
            waiting.remove(order.id());
            timedOut(order);
        }
    }

    private void timedOut(Order order) {
        reports.rejected(order.id(), "ORDER_DURABILITY_TIMEOUT", "the journal did not record the order within "
                + deadlineNanos / 1_000_000 + " ms, so it was not sent");
    }

    @Override
    public void cancel(Order order) {
        if (waiting.remove(order.id()) != null) {
            reports.cancelled(order.id(), "cancelled before it was sent");
        } else {
            venue.cancel(order);
        }
    }

    @Override
    public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
        if (waiting.containsKey(order.id())) {
            // Not at the venue yet: nothing to modify there; the caller may cancel and resubmit.
            return;
        }
        venue.modify(order, quantity, limitPrice, triggerPrice);
    }

    /** Orders waiting for the journal. */
    public int waitingOrders() {
        return waiting.size();
    }
}
