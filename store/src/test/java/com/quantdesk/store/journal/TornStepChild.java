package com.quantdesk.store.journal;

import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.journal.JournalFeed;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.store.Migrations;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process for {@link TornStepTest}: an engine journaling to SQLite with a batch limit of one event,
 * whose journal writer halts the JVM (as {@code kill -9} would) at an exact point of a fill's step.
 *
 * <p>Arguments: the data directory, then {@code after-commit} (halt right after the commit that
 * holds the fill) or {@code before-commit} (halt after inserting the fill, before its commit).
 */
public final class TornStepChild {

    static final AccountId ACC = AccountId.of("acc");
    static final Symbol INFY = Symbol.of("INFY");

    private TornStepChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String mode = args[1];
        StoreConfig config = StoreConfig.sqlite(dataDir).withJournal(JournalOptions.DEFAULTS.withMaxBatch(1));
        HikariDataSource pool = Stores.dataSource(config);
        Migrations.migrate(pool, config.dialect());
        long[] fillSequence = {Long.MAX_VALUE};
        JdbcEventJournal.WriterHook halt = new JdbcEventJournal.WriterHook() {
            @Override
            public void afterInsert(long sequence) {
                if (mode.equals("before-commit") && sequence == fillSequence[0]) {
                    Runtime.getRuntime().halt(137);
                }
            }

            @Override
            public void afterCommit(long lastSequence) {
                if (mode.equals("after-commit") && lastSequence >= fillSequence[0]) {
                    Runtime.getRuntime().halt(137);
                }
            }
        };
        JdbcEventJournal journal = JdbcEventJournal.open(pool, config.journal(), config.loadJournalKey(true), halt);
        RecordingGateway venue = RecordingGateway.autoAccepting();
        TradingEngine engine = new TradingEngine(new ManualClock(Instant.parse("2026-01-05T04:30:00Z")), venue,
                s -> Optional.of(Instrument.nseEquity(s.value(), 5, "IT")));
        engine.addListener(new JournalFeed(journal));
        engine.addListener(event -> {
            if (event instanceof OrderFilled fill) {
                fillSequence[0] = fill.sequence();
            }
        });
        engine.execute(new com.quantdesk.core.command.OpenAccount(ACC, 10_00_000_00L, "test"));
        OrderId id = engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY, 7,
                Product.CNC))).orderId().orElseThrow();
        journal.durable(engine.nextSequence() - 1).get();
        // One step: the fill, the position it moves; the writer halts the process inside it.
        venue.reports().filled(id, "T1", 7, 1_500_00, 25_00);
        journal.durable(engine.nextSequence() - 1).get();
        System.exit(3); // never reached: the hook halts first
    }
}
