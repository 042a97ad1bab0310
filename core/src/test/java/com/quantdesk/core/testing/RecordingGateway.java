package com.quantdesk.core.testing;

import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.order.Order;
import java.util.ArrayList;
import java.util.List;

/** A venue for tests: remembers what it was sent; the test answers through {@link #reports()}. */
public final class RecordingGateway implements BrokerGateway {

    private final List<Order> submitted = new ArrayList<>();
    private final List<Order> cancelRequests = new ArrayList<>();
    private ExecutionReports reports;
    private boolean acceptImmediately;

    /** A gateway that acknowledges every order as soon as it arrives. */
    public static RecordingGateway autoAccepting() {
        RecordingGateway gateway = new RecordingGateway();
        gateway.acceptImmediately = true;
        return gateway;
    }

    @Override
    public void connect(ExecutionReports executionReports) {
        this.reports = executionReports;
    }

    @Override
    public void submit(Order order) {
        submitted.add(order);
        if (acceptImmediately) {
            reports.accepted(order.id(), "V" + order.id().value());
        }
    }

    @Override
    public void cancel(Order order) {
        cancelRequests.add(order);
        reports.cancelled(order.id(), "cancelled on request");
    }

    @Override
    public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
        reports.modified(order.id(), quantity, limitPrice, triggerPrice);
    }

    /** The engine's report sink. */
    public ExecutionReports reports() {
        return reports;
    }

    /** Orders received, in order. */
    public List<Order> submitted() {
        return submitted;
    }

    /** Orders asked to be cancelled. */
    public List<Order> cancelRequests() {
        return cancelRequests;
    }
}
