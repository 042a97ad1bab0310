package com.quantdesk.bench;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.journal.DurableGateway;
import com.quantdesk.core.journal.JournalFeed;
import com.quantdesk.core.journal.JournalHealthCheck;
import com.quantdesk.store.Store;
import com.quantdesk.store.journal.ProjectionCheck;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An engine trading through the journal of an open store, composed the way a live node is: events go
 * to the journal, orders reach the venue only once their {@code OrderSubmitted} is durable
 * ({@link DurableGateway}), new orders are refused while the journal is unhealthy
 * ({@link JournalHealthCheck}), and the engine runs on its own {@link EngineLoop}. No risk engine and
 * no strategies. The venue is a {@link FillingVenue}.
 *
 * <p>Building one is split in the steps a restart goes through, so each can be timed:
 * {@link #recover} (new engine, accounts, replay of the whole journal), then {@link #start}.
 */
final class StartupNode {

    /** The accounts, each opened with ₹1 crore; the journal does not record opening balances. */
    static final List<AccountId> ACCOUNTS = List.of(AccountId.of("acc-1"), AccountId.of("acc-2"),
            AccountId.of("acc-3"));
    /** The symbols traded. */
    static final List<Symbol> SYMBOLS = List.of("RELIANCE", "TCS", "INFY", "HDFCBANK", "ICICIBANK", "SBIN", "ITC",
            "LT").stream().map(Symbol::of).toList();
    private static final long OPENING_CASH = 1_00_00_000_00L;
    private static final Map<Symbol, Instrument> INSTRUMENTS = SYMBOLS.stream()
            .collect(Collectors.toUnmodifiableMap(s -> s, s -> Instrument.nseEquity(s.value(), 5, "bench")));
    private static final Function<Symbol, Optional<Instrument>> MASTER = s -> Optional.ofNullable(INSTRUMENTS.get(s));

    private final Store store;
    private final FillingVenue venue = new FillingVenue();
    private final DurableGateway gateway;
    private final TradingEngine engine;
    private EngineLoop loop;
    private long replayed;

    private StartupNode(Store store) {
        this.store = store;
        this.gateway = new DurableGateway(venue, store.journal(), task -> loop.execute(e -> task.run()),
                System::nanoTime);
        this.engine = new TradingEngine(InstantSource.system(), gateway, MASTER);
        for (AccountId account : ACCOUNTS) {
            engine.openAccount(account, OPENING_CASH);
        }
    }

    /**
     * A new engine over {@code store} with every journaled event replayed into it (the keyed chain
     * checked row by row) and the query tables checked against the journal, as a paper process does on
     * start; not started.
     */
    static StartupNode recover(Store store) {
        StartupNode node = new StartupNode(store);
        ProjectionCheck check = new ProjectionCheck();
        store.journal().replay(event -> {
            node.engine.recover(event);
            check.accept(event);
            node.replayed++;
        });
        List<String> differences = check.differences(store.dataSource());
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the query tables disagree with the journal: " + differences);
        }
        return node;
    }

    /** Connects the engine to the journal and the gateway, starts it and its loop thread. */
    void start() {
        engine.addListener(new JournalFeed(store.journal()));
        engine.addListener(gateway);
        engine.addPreTradeCheck(new JournalHealthCheck(store.journal()));
        engine.start();
        loop = new EngineLoop(engine, "engine");
    }

    /** Events replayed by {@link #recover}. */
    long replayed() {
        return replayed;
    }

    EngineLoop loop() {
        return loop;
    }

    FillingVenue venue() {
        return venue;
    }

    /**
     * Waits until every order has been answered and every event is durable, then returns the last
     * event's sequence.
     */
    long quiesce() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            long last = loop.call(e -> e.openOrders().isEmpty() ? e.nextSequence() - 1 : -1L)
                    .get(1, TimeUnit.MINUTES);
            if (last >= 0) {
                store.journal().durable(last).get(1, TimeUnit.MINUTES);
                // Settled if nothing was emitted meanwhile.
                if (loop.call(e -> e.nextSequence() - 1).get(1, TimeUnit.MINUTES) == last) {
                    return last;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("orders still open after 5 minutes");
            }
            Thread.sleep(5);
        }
    }

    /** Waits for what is in flight, stops the loop; the caller closes the store. */
    void stop() throws Exception {
        quiesce();
        loop.close();
    }
}
