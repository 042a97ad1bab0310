package com.quantdesk.core.journal;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.EngineListener;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.order.Order;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Holds every new order back until its {@code OrderSubmitted} event is durable in the journal, then
 * sends it to the venue: after a crash, no order can be live at a venue that the journal does not
 * know. The engine thread never waits: the journal's completion is handed back to the engine thread
 * through {@code engineThread}.
 *
 * <p>Register it as an engine listener after the journal's own listener, so it learns the sequence
 * of each {@code OrderSubmitted} before the engine hands the order over.
 */
public final class DurableGateway implements BrokerGateway, EngineListener {

    private final BrokerGateway venue;
    private final EventJournal journal;
    private final Executor engineThread;
    private final Map<OrderId, Long> submittedAt = new HashMap<>();
    private final Map<OrderId, Order> waiting = new HashMap<>();
    private ExecutionReports reports;

    /**
     * A gateway in front of {@code venue}.
     *
     * @param engineThread runs a task on the engine thread (e.g. {@code loop::run} of an engine loop)
     */
    public DurableGateway(BrokerGateway venue, EventJournal journal, Executor engineThread) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.engineThread = Objects.requireNonNull(engineThread, "engineThread");
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
        waiting.put(order.id(), order);
        journal.durable(sequence).whenComplete((ok, failure) -> engineThread.execute(() -> release(order, failure)));
    }

    private void release(Order order, Throwable failure) {
        if (waiting.remove(order.id()) == null) {
            return; // cancelled while it waited
        }
        if (failure != null) {
            reports.rejected(order.id(), "ORDER_NOT_DURABLE",
                    "the journal could not record the order, so it was not sent: " + failure.getMessage());
        } else {
            venue.submit(order);
        }
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
