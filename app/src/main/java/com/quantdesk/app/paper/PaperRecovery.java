package com.quantdesk.app.paper;

import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.sim.venue.TickVenue;
import com.quantdesk.store.Store;
import com.quantdesk.store.journal.ProjectionCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a paper process does with its journal on start: replay it into the engine (which checks the
 * keyed hash chain row by row and refuses a broken one), rebuild what else follows from it, check
 * the query tables against it, and settle every order that was in flight at the stop.
 */
final class PaperRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(PaperRecovery.class);
    /** The recovered state, written on every start into the data directory, beside the key. */
    static final String STATE_FILE = "recovered-state.txt";

    private PaperRecovery() {
    }

    /**
     * What the replay found.
     *
     * @param events             events replayed
     * @param projectionsRebuilt whether the query tables disagreed with the journal and were rebuilt
     */
    record Replayed(long events, boolean projectionsRebuilt) {
    }

    /**
     * Replays the journal into the engine and every other {@code consumers}, writes the recovered
     * state's description to {@code stateFile}, then checks the query tables and rebuilds them if they
     * lag or disagree.
     *
     * @throws com.quantdesk.store.journal.BrokenJournalException if the chain does not verify
     */
    static Replayed replay(Store store, TradingEngine engine, List<Consumer<Event>> consumers, Path stateFile,
                           Consumer<String> notices) {
        ProjectionCheck check = new ProjectionCheck();
        long[] count = {0};
        store.journal().replay(event -> {
            engine.recover(event);
            for (Consumer<Event> consumer : consumers) {
                consumer.accept(event);
            }
            check.accept(event);
            count[0]++;
        });
        writeState(engine.describeState(), stateFile);
        List<String> differences = check.differences(store.dataSource());
        if (differences.isEmpty()) {
            return new Replayed(count[0], false);
        }
        notices.accept("the query tables disagree with the journal (" + String.join("; ", differences)
                + "); rebuilding them from the journal");
        ProjectionCheck.rebuild(store.dataSource(), store.journal());
        List<String> left = check.differences(store.dataSource());
        if (!left.isEmpty()) {
            throw new IllegalStateException("the query tables still disagree with the journal after a rebuild: "
                    + String.join("; ", left));
        }
        return new Replayed(count[0], true);
    }

    /** Writes a state description as sorted {@code key=value} lines, replacing the file atomically. */
    static void writeState(SortedMap<String, String> facts, Path file) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            text.append(fact.getKey()).append('=').append(fact.getValue()).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // An operator's aid, not state: trading does not depend on it.
            LOG.warn("could not write the recovered state to {}: {}", file, e.toString());
        }
    }

    /**
     * Settles the orders in flight, in this order: every order a cancel was asked for (by a user, a
     * bot stopping, a kill switch) is cancelled before anything goes back to the venue, since the
     * simulated venue lived in the stopped process; acknowledged working orders are put back in the
     * venue's book; orders never acknowledged are rejected, because the strategy's decision is stale.
     * Runs on the constructing thread before the engine thread exists, so no new order comes first.
     *
     * @param venue the tick venue, or empty for a replay, which cannot restore working orders
     */
    static Market.Settled settle(TradingEngine engine, Optional<TickVenue> venue) {
        List<Order> inFlight = engine.inFlightOrders();
        int cancelled = 0;
        List<Order> working = new ArrayList<>();
        List<Order> unacknowledged = new ArrayList<>();
        for (Order order : inFlight) {
            Optional<String> cancel = engine.cancelRequested(order.id());
            if (cancel.isPresent()) {
                engine.reports().cancelled(order.id(), "cancel asked before the restart (" + cancel.get()
                        + "); honoured on start");
                cancelled++;
            } else if (order.status() == OrderStatus.ACCEPTED || order.status() == OrderStatus.PARTIALLY_FILLED) {
                working.add(order);
            } else {
                unacknowledged.add(order);
            }
        }
        if (!working.isEmpty() && venue.isEmpty()) {
            throw new IllegalStateException("replay needs a journal without working orders, but order "
                    + working.getFirst().id() + " is still working from an earlier run; use another data directory");
        }
        for (Order order : working) {
            venue.orElseThrow().restore(order);
        }
        for (Order order : unacknowledged) {
            engine.reports().rejected(order.id(), "VENUE_NOT_ACKNOWLEDGED",
                    "the venue had not acknowledged the order when the process stopped; it was not resent");
        }
        return new Market.Settled(cancelled, working.size(), unacknowledged.size());
    }
}
