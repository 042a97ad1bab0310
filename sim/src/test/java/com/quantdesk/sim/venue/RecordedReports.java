package com.quantdesk.sim.venue;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.engine.ExecutionReports;
import java.util.ArrayList;
import java.util.List;

/** Keeps every venue report in arrival order, as values a test can compare. */
final class RecordedReports implements ExecutionReports {

    /** One report. */
    sealed interface Report {
        OrderId id();
    }

    record Accepted(OrderId id, String venueOrderId) implements Report {
    }

    record Rejected(OrderId id, String code, String message) implements Report {
    }

    record Filled(OrderId id, String fillId, long quantity, long price, long charges) implements Report {
    }

    record Cancelled(OrderId id, String reason) implements Report {
    }

    record Modified(OrderId id, long quantity, long limitPrice, long triggerPrice) implements Report {
    }

    private final List<Report> all = new ArrayList<>();
    private int taken;

    @Override
    public void accepted(OrderId orderId, String venueOrderId) {
        all.add(new Accepted(orderId, venueOrderId));
    }

    @Override
    public void rejected(OrderId orderId, String reasonCode, String message) {
        all.add(new Rejected(orderId, reasonCode, message));
    }

    @Override
    public void filled(OrderId orderId, String fillId, long quantity, long price, long charges) {
        all.add(new Filled(orderId, fillId, quantity, price, charges));
    }

    @Override
    public void cancelled(OrderId orderId, String reason) {
        all.add(new Cancelled(orderId, reason));
    }

    @Override
    public void modified(OrderId orderId, long quantity, long limitPrice, long triggerPrice) {
        all.add(new Modified(orderId, quantity, limitPrice, triggerPrice));
    }

    /** Every report so far. */
    List<Report> all() {
        return List.copyOf(all);
    }

    /** The reports that arrived since the last call. */
    List<Report> fresh() {
        List<Report> fresh = List.copyOf(all.subList(taken, all.size()));
        taken = all.size();
        return fresh;
    }
}
