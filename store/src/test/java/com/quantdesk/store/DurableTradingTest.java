package com.quantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.journal.DurableGateway;
import com.quantdesk.core.journal.JournalFeed;
import com.quantdesk.core.journal.JournalHealthCheck;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.store.journal.JournalVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine, its journal on SQLite and the durable-before-send gateway together: orders reach the
 * venue only once journaled, and a restarted engine rebuilt from the journal has the same state.
 */
class DurableTradingTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final List<Symbol> SYMBOLS = List.of(Symbol.of("INFY"), Symbol.of("TCS"));
    private static final Instant NOW = Instant.parse("2026-01-05T04:30:00Z");

    @TempDir
    Path dataDir;

    private record Rig(Store store, TradingEngine engine, EngineLoop loop, RecordingGateway venue) {
    }

    private Rig start() {
        Store store = Stores.open(StoreConfig.sqlite(dataDir));
        RecordingGateway venue = RecordingGateway.autoAccepting();
        EngineLoop[] loop = new EngineLoop[1];
        DurableGateway gateway = new DurableGateway(venue, store.journal(), task -> loop[0].execute(e -> task.run()),
                System::nanoTime);
        TradingEngine engine = new TradingEngine(new ManualClock(NOW), gateway,
                s -> SYMBOLS.contains(s) ? Optional.of(Instrument.nseEquity(s.value(), 5, "x")) : Optional.empty());
        engine.openAccount(ACC, 10_00_000_00L);
        store.journal().replay(engine::recover);
        engine.addListener(new JournalFeed(store.journal()));
        engine.addListener(gateway);
        engine.addPreTradeCheck(new JournalHealthCheck(store.journal()));
        engine.start();
        loop[0] = new EngineLoop(engine, "engine-test");
        return new Rig(store, engine, loop[0], venue);
    }

    private static <T> T onEngine(Rig rig, java.util.function.Function<TradingEngine, T> read) throws Exception {
        return rig.loop.call(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void everySentOrderIsJournaledAndARestartRebuildsTheSameState() throws Exception {
        Rig first = start();
        for (int i = 0; i < 30; i++) {
            OrderRequest request = OrderRequest.market(ACC, BotId.NONE, SYMBOLS.get(i % 2),
                    i % 3 == 0 ? Side.SELL : Side.BUY, 1 + i, Product.MIS);
            CommandResult result = first.loop.submit(new SubmitOrder(request)).get(10, TimeUnit.SECONDS);
            assertThat(result.accepted()).isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> first.venue.submitted().size() == 30);
        // Fill the first twenty at the venue (reports go through the engine thread).
        List<Order> sent = List.copyOf(first.venue.submitted());
        for (int i = 0; i < 20; i++) {
            Order o = sent.get(i);
            first.loop.reports().filled(o.id(), "F" + i, o.request().quantity(), 1_000_00 + i * 5, 10 + i);
        }
        long lastSequence = onEngine(first, e -> e.nextSequence() - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.store.journal().lastSequence() == lastSequence);
        long cash = onEngine(first, e -> e.portfolio(ACC).cash());
        List<Order> open = onEngine(first, TradingEngine::openOrders);
        String positions = onEngine(first, e -> e.portfolio(ACC).openPositions().toString());
        first.loop.close();
        first.store.close();

        Rig second = start();
        long restoredLast = onEngine(second, e -> e.nextSequence() - 1);
        long restoredCash = onEngine(second, e -> e.portfolio(ACC).cash());
        List<Order> restoredOpen = onEngine(second, TradingEngine::openOrders);
        String restoredPositions = onEngine(second, e -> e.portfolio(ACC).openPositions().toString());
        assertThat(restoredLast).isEqualTo(lastSequence);
        assertThat(restoredCash).isEqualTo(cash);
        assertThat(restoredOpen).isEqualTo(open);
        assertThat(restoredPositions).isEqualTo(positions);
        assertThat(open).hasSize(10);
        assertThat(new JournalVerifier(second.store.dataSource(), second.store.journalKey()).verify().ok()).isTrue();
        // Trading continues where it stopped: the next order gets the next id.
        CommandResult next = second.loop.submit(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE,
                SYMBOLS.getFirst(), Side.BUY, 1, Product.MIS))).get(10, TimeUnit.SECONDS);
        assertThat(next.orderId().orElseThrow().value()).isEqualTo(31);
        second.loop.close();
        second.store.close();
    }
}
