package com.quantdesk.sim.venue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.UnaryOperator;

/** The reports the {@link TickVenue} owes, in the order they fall due. */
final class ReportQueue {

    private static final Comparator<ScheduledReport> DUE_ORDER =
            Comparator.comparing(ScheduledReport::at).thenComparingLong(ScheduledReport::seq);

    private final PriorityQueue<ScheduledReport> due = new PriorityQueue<>(DUE_ORDER);
    private long nextSeq;

    /** The tie-break for the next report: reports due at the same time go out in scheduling order. */
    long nextSeq() {
        return nextSeq++;
    }

    void add(ScheduledReport report) {
        due.add(report);
    }

    /** The next report due at or before {@code time}, or {@code null}. */
    ScheduledReport pollDue(Instant time) {
        return due.isEmpty() || due.peek().at().isAfter(time) ? null : due.poll();
    }

    /** The next report due strictly before {@code time}, or {@code null}. */
    ScheduledReport pollBefore(Instant time) {
        return due.isEmpty() || !due.peek().at().isBefore(time) ? null : due.poll();
    }

    /** Takes out every report owed to {@code order}, in due order. */
    List<ScheduledReport> takeAll(TickOrder order) {
        List<ScheduledReport> owed = new ArrayList<>();
        for (ScheduledReport report : due) {
            if (report.order() == order) {
                owed.add(report);
            }
        }
        due.removeIf(report -> report.order() == order);
        owed.sort(DUE_ORDER);
        return owed;
    }

    /** Replaces every report with {@code change} applied to it. */
    void replaceAll(UnaryOperator<ScheduledReport> change) {
        List<ScheduledReport> all = new ArrayList<>(due);
        due.clear();
        for (ScheduledReport report : all) {
            due.add(change.apply(report));
        }
    }
}
