package com.quantdesk.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.AccountOpened;
import com.quantdesk.core.event.BotCreated;
import com.quantdesk.core.event.BotStateChanged;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.portfolio.Position;
import com.quantdesk.store.Dialect;
import com.quantdesk.store.FlakyDataSource;
import com.quantdesk.store.Migrations;
import com.quantdesk.store.Store;
import com.quantdesk.store.Stores;
import com.quantdesk.store.TestDatabase;
import com.quantdesk.store.journal.JournalVerifier.Verification;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every database the journal runs on must do; one subclass per database. */
abstract class JournalContract {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JournalOptions FAST_RETRY = JournalOptions.DEFAULTS
            .withBackoff(Duration.ofMillis(5), Duration.ofMillis(50));
    /** The key of journals a test opens directly (not through a store, which keeps one in its data directory). */
    static final JournalKey KEY = JournalKey.parse("ab".repeat(32), "the test");

    @TempDir
    Path dataDirectory;

    private TestDatabase database;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** A fresh, empty database. */
    abstract TestDatabase newDatabase(Path dataDirectory);

    @BeforeEach
    void createDatabase() {
        database = newDatabase(dataDirectory);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        database.close();
    }

    // ------------------------------------------------------------------ append, durable, replay

    @Test
    void replaysEveryEventTypeAsAppendedAfterReopening() throws Exception {
        List<Event> events = SampleEvents.everyType();
        try (Store store = Stores.open(database.config())) {
            events.forEach(store.journal()::append);
            store.journal().durable(19).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(store.journal().lastSequence()).isEqualTo(19);
        }

        try (Store reopened = Stores.open(database.config())) {
            List<Event> replayed = new ArrayList<>();
            reopened.journal().replay(replayed::add);

            assertThat(replayed).containsExactlyElementsOf(events);
            assertThat(reopened.journal().lastSequence()).isEqualTo(19);
            SampleEvents.orderFlow(20, 8).forEach(reopened.journal()::append);
            reopened.journal().durable(27).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(verify(reopened)).isEqualTo(intact(reopened, 27));
        }
    }

    @Test
    void replaysManyBatchesInSequenceOrder() throws Exception {
        // More rows than several decoding batches hold, and a last batch that is not full.
        List<Event> events = SampleEvents.orderFlow(1, 9_123);
        try (Store store = open()) {
            events.forEach(store.journal()::append);
            store.journal().durable(events.size()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        List<Event> replayed = new ArrayList<>();
        try (Store reopened = open()) {
            reopened.journal().replay(replayed::add);
        }
        assertThat(replayed).containsExactlyElementsOf(events);
    }

    @Test
    void commitsEveryStepFirstTimeWhileOtherConnectionsWriteBesideIt() throws Exception {
        // The API writes users, tokens and idempotency keys on the store's other connections while the
        // journal commits; none of that may fail a journal commit (a failed one makes the journal
        // unhealthy, and orders are refused until it recovers).
        Store store = open();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE other_writer (n BIGINT NOT NULL)");
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                try (Connection c = store.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                            "SELECT COUNT(*) FROM other_writer")) {
                        r.next();
                        s.executeUpdate("INSERT INTO other_writer (n) VALUES (" + r.getLong(1) + ")");
                    }
                    c.commit();
                    written.incrementAndGet();
                } catch (java.sql.SQLException e) {
                    // The other writer may lose a race itself; it only has to keep writing.
                }
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
            }
        });
        List<Event> events = SampleEvents.orderFlow(1, 400);
        try {
            for (Event event : events) {
                store.journal().append(event);
                store.journal().durable(event.sequence()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(written.get()).isPositive();
        assertThat(store.journal().commitFailures()).isZero();
        assertThat(verify(store)).isEqualTo(intact(store, 400));
    }

    @Test
    void completesDurableFuturesInSequenceOrder() throws Exception {
        Store store = open();
        JdbcEventJournal journal = store.journal();
        List<Long> completed = Collections.synchronizedList(new ArrayList<>());
        List<Event> events = SampleEvents.orderFlow(1, 400);

        for (Event event : events) {
            long sequence = event.sequence();
            journal.durable(sequence).thenRun(() -> completed.add(sequence));
        }
        events.forEach(journal::append);
        journal.durable(400).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> completed.size() == 400);
        assertThat(completed).isSorted().hasSize(400);
        assertThat(journal.durable(17)).isCompleted();
        assertThat(journal.backlog()).isZero();
    }

    @Test
    void refusesAnEventOutOfSequenceAndStopsFailClosed() {
        JdbcEventJournal journal = open().journal();
        journal.append(SampleEvents.orderFlow(1, 1).getFirst());
        CompletableFuture<Void> waiting = journal.durable(5);

        assertThatThrownBy(() -> journal.append(SampleEvents.orderFlow(3, 1).getFirst()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event sequence 3 out of order: expected 2");
        // The engine's stream and the journal's have parted: orders must be refused from now on.
        assertThat(journal.isHealthy()).isFalse();
        assertThatThrownBy(() -> waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(JournalException.class).hasMessageContaining("the journal stopped");
    }

    @Test
    void commitsWhatIsQueuedInBatchesOfAtMostMaxBatch() throws Exception {
        FlakyDataSource flaky = flakyOverMigratedDatabase();
        JdbcEventJournal journal = track(JdbcEventJournal.open(flaky, FAST_RETRY.withMaxBatch(100), KEY));
        List<Event> events = SampleEvents.orderFlow(1, 1001);
        flaky.closeGate();

        journal.append(events.getFirst());
        await().atMost(WAIT).until(() -> flaky.waitingAtGate() == 1);
        events.subList(1, 1001).forEach(journal::append);
        flaky.openGate();
        journal.durable(1001).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // Event 1 alone (the writer took it before the rest arrived), then the 1000 queued in tens.
        assertThat(journal.batchesCommitted()).isEqualTo(11);
        assertThat(count(flaky, "SELECT COUNT(*) FROM events")).isEqualTo(1001);
    }

    // ------------------------------------------------------------------ projections

    @Test
    void projectsOrdersFromTheirWholeLife() throws Exception {
        Store store = open();
        SampleEvents.everyType().forEach(store.journal()::append);
        store.journal().durable(19).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(rows(store.dataSource(), """
                SELECT order_id, status, quantity, limit_price, trigger_price, filled_quantity, filled_value,
                    venue_order_id, reason_code, reason, last_sequence FROM orders ORDER BY order_id"""))
                .containsExactly(
                        "1|CANCELLED|120|295100|295000|40|11802200|250101000012345|null|requested|16",
                        "2|REJECTED|5|0|0|0|0||VENUE_NO_HOLDINGS|no holdings\nto sell|8",
                        "3|DENIED|1000000|150000|0|0|0||RISK_MAX_ORDER_VALUE|order value ₹15,00,00,000 above"
                                + " ₹10,00,000|9");
        assertThat(rows(store.dataSource(), "SELECT sequence, order_id, fill_id, quantity, price, charges FROM fills"))
                .containsExactly("4|1|T-77|40|295055|3107");
        assertThat(rows(store.dataSource(), "SELECT sequence, actor, roles, account, action, target, outcome, ip, "
                + "correlation_id, detail FROM audit_log"))
                .containsExactly("19|asha|TRADER,VIEWER|acc-1|order.place|1|201|10.0.0.7|c-1f2e|Idempotency-Key \"k1\" ✓");
    }

    @Test
    void projectsPositionsAndBalancesExactlyAsThePortfolioBooksThem() throws Exception {
        Store store = open();
        Map<AccountId, Portfolio> portfolios = new TreeMap<>();
        List<Event> events = tradingDay(new Random(20261123), portfolios);
        events.forEach(store.journal()::append);
        store.journal().durable(events.size()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        List<String> expectedPositions = new ArrayList<>();
        List<String> expectedBalances = new ArrayList<>();
        for (Portfolio portfolio : portfolios.values()) {
            for (Position p : portfolio.positions()) {
                expectedPositions.add(portfolio.account() + "|" + p.symbol() + "|" + p.product() + "|" + p.quantity()
                        + "|" + p.costBasis() + "|" + p.averagePrice() + "|" + p.realizedPnl());
            }
            expectedBalances.add(portfolio.account() + "|" + (portfolio.cash() - portfolio.initialCash()) + "|"
                    + portfolio.chargesPaid() + "|" + portfolio.realizedPnl());
        }
        assertThat(rows(store.dataSource(), """
                SELECT account, symbol, product, quantity, cost_basis, average_price, realized_pnl FROM positions"""))
                .containsExactlyInAnyOrderElementsOf(expectedPositions);
        assertThat(rows(store.dataSource(), "SELECT account, cash, charges, realized_pnl FROM account_balances"))
                .containsExactlyInAnyOrderElementsOf(expectedBalances);
        assertThat(expectedPositions).anyMatch(row -> row.contains("|-"));
        assertThat(count(store.dataSource(), "SELECT COUNT(*) FROM fills"))
                .isEqualTo(events.stream().filter(OrderFilled.class::isInstance).count());
        assertThat(count(store.dataSource(), "SELECT COUNT(*) FROM orders WHERE status = 'FILLED'")).isEqualTo(60);
        assertThat(count(store.dataSource(), "SELECT SUM(filled_value) FROM orders"))
                .isEqualTo(events.stream().filter(OrderFilled.class::isInstance).map(OrderFilled.class::cast)
                        .mapToLong(f -> f.quantity() * f.price()).sum());
    }

    @Test
    void theQueryTablesAgreeWithTheJournalAndAreRebuiltWhenTheyDoNot() throws Exception {
        Map<AccountId, Portfolio> portfolios = new TreeMap<>();
        Instant t = SampleEvents.T0;
        AccountId alice = AccountId.of("alice");
        List<Event> events = new ArrayList<>(List.of(
                new AccountOpened(1, t, alice, BotId.NONE, 0, 10_00_000_00L),
                new AccountOpened(2, t, AccountId.of("bob"), BotId.NONE, 0, 10_00_000_00L),
                new BotCreated(3, t, alice, BotId.of("bot-0"), 0, new BotDefinition(BotId.of("bot-0"), alice,
                        "sma-cross", Map.of(), List.of(Symbol.of("INFY")), BarInterval.ONE_MINUTE), "ops"),
                new BotStateChanged(4, t, alice, BotId.of("bot-0"), 0, BotState.STOPPED, BotState.RUNNING, "", "ops"),
                new RiskSessionChanged(5, t, alice, BotId.NONE, 0, java.time.LocalDate.of(2026, 11, 23), 10_00_000_00L,
                        false, false)));
        events.addAll(tradingDay(new Random(7), portfolios, 6));
        try (Store store = open()) {
            store.journal().appendStep(events);
            store.journal().durable(events.size()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ProjectionCheck check = new ProjectionCheck();
            store.journal().replay(check);
            assertThat(check.differences(store.dataSource())).isEmpty();

            dropAppendOnlyTriggers(store.dataSource());
            execute(store.dataSource(), "UPDATE positions SET quantity = quantity + 8 WHERE account = 'alice' "
                    + "AND symbol = 'INFY' AND product = 'CNC'");
            assertThat(count(store.dataSource(), "SELECT COUNT(*) FROM positions WHERE account = 'alice' "
                    + "AND symbol = 'INFY' AND product = 'CNC'")).as("the position the test edits").isOne();
            execute(store.dataSource(), "DELETE FROM fills WHERE sequence = (SELECT MAX(sequence) FROM fills)");
            execute(store.dataSource(), "UPDATE bots SET state = 'PAUSED'");
            List<String> differences = check.differences(store.dataSource());
            assertThat(differences).anyMatch(d -> d.startsWith("positions/alice/INFY/CNC: the journal says"))
                    .anyMatch(d -> d.startsWith("fills/"))
                    .anyMatch(d -> d.equals("bots/bot-0: the journal says RUNNING, the table holds PAUSED"));

            ProjectionCheck.rebuild(store.dataSource(), store.journal());
            assertThat(check.differences(store.dataSource())).isEmpty();
            assertThat(count(store.dataSource(), "SELECT COUNT(*) FROM fills"))
                    .isEqualTo(events.stream().filter(OrderFilled.class::isInstance).count());
            // The journal itself is untouched by the rebuild.
            assertThat(verify(store).ok()).isTrue();
        }
    }

    /** 60 market orders over two accounts, three symbols, both products, one or two fills each. */
    private static List<Event> tradingDay(Random random, Map<AccountId, Portfolio> portfolios) {
        return tradingDay(random, portfolios, 1);
    }

    private static List<Event> tradingDay(Random random, Map<AccountId, Portfolio> portfolios, long firstSequence) {
        List<AccountId> accounts = List.of(AccountId.of("alice"), AccountId.of("bob"));
        List<Symbol> symbols = List.of(Symbol.of("RELIANCE"), Symbol.of("INFY"), Symbol.of("M&M"));
        accounts.forEach(a -> portfolios.put(a, new Portfolio(a, 10_00_000_00L)));
        List<Event> events = new ArrayList<>();
        long sequence = firstSequence;
        Instant time = SampleEvents.T0;
        for (long id = 1; id <= 60; id++) {
            AccountId account = accounts.get(random.nextInt(accounts.size()));
            BotId bot = random.nextBoolean() ? BotId.NONE : BotId.of("bot-" + random.nextInt(2));
            Symbol symbol = symbols.get(random.nextInt(symbols.size()));
            Product product = random.nextBoolean() ? Product.CNC : Product.MIS;
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long quantity = 1 + random.nextInt(50);
            Order order = Order.create(OrderId.of(id), OrderRequest.market(account, bot, symbol, side, quantity,
                    product), time).moveTo(OrderStatus.SUBMITTED, time);
            events.add(new OrderSubmitted(sequence++, time, account, bot, id, order));
            events.add(new OrderAccepted(sequence++, time, account, bot, id, order.id(), "V" + id));
            order = order.accept("V" + id, time);
            long first = quantity == 1 || random.nextBoolean() ? quantity : 1 + random.nextInt((int) quantity - 1);
            for (long part : first == quantity ? List.of(quantity) : List.of(first, quantity - first)) {
                time = time.plusMillis(1 + random.nextInt(900));
                long price = 500_00 + random.nextInt(3_000_00);
                long charges = random.nextInt(40_00);
                order = order.fill(part, price, time);
                Position position = portfolios.get(account).applyFill(symbol, product, side, part, price, charges);
                events.add(new OrderFilled(sequence++, time, account, bot, id, order.id(), "F" + id + "-" + part,
                        symbol, side, product, part, price, charges, order.filledQuantity(),
                        order.remainingQuantity()));
                events.add(new PositionChanged(sequence++, time, account, bot, id, symbol, product,
                        position.quantity(), position.costBasis(), position.averagePrice(), position.realizedPnl()));
            }
        }
        return events;
    }

    // ------------------------------------------------------------------ hash chain

    @Test
    void verifiesAnUntouchedJournal() throws Exception {
        Store store = openWith(30);

        assertThat(verify(store)).isEqualTo(intact(store, 30));
    }

    @Test
    void refusesToUpdateOrDeleteEvents() throws Exception {
        Store store = openWith(5);

        assertThatThrownBy(() -> execute(store.dataSource(), "UPDATE events SET payload = '{}' WHERE sequence = 2"))
                .isInstanceOf(SQLException.class).hasMessageContaining("events are append-only");
        assertThatThrownBy(() -> execute(store.dataSource(), "DELETE FROM events WHERE sequence = 5"))
                .isInstanceOf(SQLException.class).hasMessageContaining("events are append-only");
    }

    @Test
    void detectsAModifiedPayloadAtItsSequence() throws Exception {
        Store store = openWith(30);
        dropAppendOnlyTriggers(store.dataSource());
        execute(store.dataSource(), "UPDATE events SET payload = REPLACE(payload, '\"price\":', '\"price\":1')"
                + " WHERE sequence = 19");

        Verification result = verify(store);

        assertThat(result).isInstanceOfSatisfying(Verification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(19);
            assertThat(broken.problem()).contains("modified");
            assertThat(broken.checked()).isEqualTo(18);
            assertThat(broken.stored()).isEqualTo(storedHash(store.dataSource(), 19));
            assertThat(broken.expected()).isNotEqualTo(broken.stored()).hasSize(64);
        });
    }

    @Test
    void detectsADeletedRowAsAGap() throws Exception {
        Store store = openWith(30);
        dropAppendOnlyTriggers(store.dataSource());
        execute(store.dataSource(), "DELETE FROM events WHERE sequence = 7");

        Verification result = verify(store);

        assertThat(result).isInstanceOfSatisfying(Verification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(7);
            assertThat(broken.problem()).contains("missing");
            assertThat(broken.stored()).isEqualTo("sequence 8");
        });
    }

    @Test
    void detectsADeletedRowWhoseSuccessorsWereRenumbered() throws Exception {
        Store store = openWith(10);
        dropAppendOnlyTriggers(store.dataSource());
        execute(store.dataSource(), "DELETE FROM events WHERE sequence = 10");
        execute(store.dataSource(), "DELETE FROM events WHERE sequence = 4");
        for (int s = 5; s <= 9; s++) {
            execute(store.dataSource(), "UPDATE events SET sequence = " + (s - 1) + " WHERE sequence = " + s);
        }

        Verification result = verify(store);

        assertThat(result).isInstanceOfSatisfying(Verification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(4);
            assertThat(broken.problem()).contains("prev_hash");
        });
    }

    @Test
    void detectsReorderedRows() throws Exception {
        Store store = openWith(30);
        dropAppendOnlyTriggers(store.dataSource());
        execute(store.dataSource(), "UPDATE events SET sequence = -1 WHERE sequence = 12");
        execute(store.dataSource(), "UPDATE events SET sequence = 12 WHERE sequence = 13");
        execute(store.dataSource(), "UPDATE events SET sequence = 13 WHERE sequence = -1");

        Verification result = verify(store);

        assertThat(result).isInstanceOfSatisfying(Verification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(12);
            assertThat(broken.checked()).isEqualTo(11);
        });
    }

    // ------------------------------------------------------------------ failures

    @Test
    void keepsTheBacklogThroughAnOutageAndCommitsItOnceInOrder() throws Exception {
        FlakyDataSource flaky = flakyOverMigratedDatabase();
        JdbcEventJournal journal = track(JdbcEventJournal.open(flaky, FAST_RETRY.withMaxBatch(64), KEY));
        List<Event> events = SampleEvents.orderFlow(1, 600);
        events.subList(0, 100).forEach(journal::append);
        journal.durable(100).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        flaky.goDown();
        events.subList(100, 400).forEach(journal::append);
        await().atMost(WAIT).until(() -> !journal.isHealthy());
        CompletableFuture<Void> backlog = journal.durable(400);
        await().atMost(WAIT).until(() -> flaky.refused() >= 3);
        assertThat(backlog).isNotDone();
        assertThat(journal.lastSequence()).isEqualTo(100);
        events.subList(400, 500).forEach(journal::append);
        flaky.recover();
        events.subList(500, 600).forEach(journal::append);

        journal.durable(600).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(backlog).isCompleted();
        assertThat(journal.isHealthy()).isTrue();
        List<Event> replayed = new ArrayList<>();
        journal.replay(replayed::add);
        assertThat(replayed).containsExactlyElementsOf(events);
        assertThat(count(flaky, "SELECT COUNT(*) FROM fills")).isEqualTo(150);
        assertThat(new JournalVerifier(flaky, KEY).verify().ok()).isTrue();
    }

    @Test
    void doesNotWriteABatchTwiceWhenACommitSucceededButItsAcknowledgementWasLost() throws Exception {
        FlakyDataSource flaky = flakyOverMigratedDatabase();
        JdbcEventJournal journal = track(JdbcEventJournal.open(flaky, FAST_RETRY, KEY));
        List<Event> events = SampleEvents.orderFlow(1, 200);
        events.subList(0, 40).forEach(journal::append);
        journal.durable(40).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        flaky.loseNextCommitAcknowledgement();
        events.subList(40, 120).forEach(journal::append);
        await().atMost(WAIT).until(flaky::commitAcknowledgementLost);
        events.subList(120, 200).forEach(journal::append);
        journal.durable(200).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        List<Event> replayed = new ArrayList<>();
        journal.replay(replayed::add);
        assertThat(replayed).containsExactlyElementsOf(events);
        assertThat(count(flaky, "SELECT COUNT(*) FROM fills")).isEqualTo(50);
        assertThat(count(flaky, "SELECT realized_pnl FROM account_balances"))
                .isEqualTo(((PositionChanged) events.get(199)).realizedPnl());
        assertThat(new JournalVerifier(flaky, KEY).verify().ok()).isTrue();
    }

    @Test
    void failsTheFuturesOfWhatIsNotDurableWhenClosedDuringAnOutage() throws Exception {
        FlakyDataSource flaky = flakyOverMigratedDatabase();
        JdbcEventJournal journal = JdbcEventJournal.open(flaky,
                FAST_RETRY.withCloseTimeout(Duration.ofMillis(200)), KEY);
        List<Event> events = SampleEvents.orderFlow(1, 20);
        events.subList(0, 10).forEach(journal::append);
        journal.durable(10).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        flaky.goDown();
        events.subList(10, 20).forEach(journal::append);
        CompletableFuture<Void> pending = journal.durable(20);

        journal.close();

        assertThatThrownBy(() -> pending.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(JournalException.class)
                .hasMessageContaining("journal closed before event 11 was durable");
        assertThat(journal.durable(10)).isCompleted();
        assertThat(journal.durable(15)).isCompletedExceptionally();
    }

    @Test
    void stopsAndFailsFuturesWhenAnotherWriterAppendedToItsTable() throws Exception {
        FlakyDataSource flaky = flakyOverMigratedDatabase();
        JdbcEventJournal journal = track(JdbcEventJournal.open(flaky, FAST_RETRY, KEY));
        List<Event> events = SampleEvents.orderFlow(1, 20);
        journal.append(events.getFirst());
        journal.durable(1).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        execute(flaky, "INSERT INTO events (sequence, time, type, account, bot, causation_id, payload, prev_hash, hash)"
                + " VALUES (2, 't', 'X', 'a', 'b', 0, '{}', 'p', 'h')");

        journal.append(events.get(1));

        assertThatThrownBy(() -> journal.durable(2).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(JournalException.class)
                .hasMessageContaining("the events table changed under the writer");
        assertThat(journal.isHealthy()).isFalse();
        assertThat(journal.durable(3)).isCompletedExceptionally();
    }

    // ------------------------------------------------------------------ steps

    @Test
    void commitsEveryStepWholeAndBatchesOnlyWholeSteps() throws Exception {
        FlakyDataSource flaky = flakyOverMigratedDatabase();
        List<Long> commits = Collections.synchronizedList(new ArrayList<>());
        JdbcEventJournal.WriterHook hook = new JdbcEventJournal.WriterHook() {
            @Override
            public void afterCommit(long lastSequence) {
                commits.add(lastSequence);
            }
        };
        JdbcEventJournal journal = track(JdbcEventJournal.open(flaky, FAST_RETRY.withMaxBatch(2), KEY, hook));
        List<Event> events = SampleEvents.orderFlow(1, 12);
        flaky.closeGate();
        journal.appendStep(events.subList(0, 1));
        await().atMost(WAIT).until(() -> flaky.waitingAtGate() == 1);
        // Queued behind it: a step larger than a batch, then two small ones that fit one batch together.
        journal.appendStep(events.subList(1, 6));
        journal.appendStep(events.subList(6, 7));
        journal.appendStep(events.subList(7, 8));
        journal.appendStep(events.subList(8, 12));
        flaky.openGate();
        journal.durable(12).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(commits).containsExactly(1L, 6L, 8L, 12L);
    }

    @Test
    void refusesAStepWhoseEventsAreOutOfSequence() {
        JdbcEventJournal journal = open().journal();
        List<Event> events = SampleEvents.orderFlow(1, 4);
        assertThatThrownBy(() -> journal.appendStep(List.of(events.get(0), events.get(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event sequence 3 out of order: expected 2");
        assertThat(journal.isHealthy()).isFalse();
    }

    // ------------------------------------------------------------------ the key

    @Test
    void replayRefusesARowWhoseContentNoLongerMatchesItsMac() throws Exception {
        try (Store store = openWith(30)) {
            dropAppendOnlyTriggers(store.dataSource());
            execute(store.dataSource(), "UPDATE events SET payload = REPLACE(payload, '\"price\":', '\"price\":1')"
                    + " WHERE sequence = 19");
            List<Event> replayed = new ArrayList<>();
            assertThatThrownBy(() -> store.journal().replay(replayed::add))
                    .isInstanceOf(BrokenJournalException.class)
                    .hasMessageContaining("broken at event 19")
                    .hasMessageContaining("quantdesk journal verify");
            assertThat(replayed).hasSizeLessThan(19);
        }
    }

    @Test
    void replayRefusesRowsThatNoLongerChain() throws Exception {
        try (Store store = openWith(10)) {
            dropAppendOnlyTriggers(store.dataSource());
            execute(store.dataSource(), "DELETE FROM events WHERE sequence = 10");
            execute(store.dataSource(), "DELETE FROM events WHERE sequence = 4");
            for (int s = 5; s <= 9; s++) {
                execute(store.dataSource(), "UPDATE events SET sequence = " + (s - 1) + " WHERE sequence = " + s);
            }
            assertThatThrownBy(() -> store.journal().replay(e -> { }))
                    .isInstanceOf(BrokenJournalException.class).hasMessageContaining("broken at event 4");
        }
    }

    @Test
    void catchesAJournalRewrittenWithItsKeyIdRemovedWhenTheKeyIsAtHand() throws Exception {
        try (Store store = openWith(8)) {
            dropAppendOnlyTriggers(store.dataSource());
            execute(store.dataSource(), "DELETE FROM journal_meta");
            String previous = HashChain.GENESIS;
            for (String row : rows(store.dataSource(), "SELECT sequence, time, type, account, bot, causation_id, "
                    + "payload FROM events ORDER BY sequence")) {
                String[] r = row.split("\\|", -1);
                EncodedEvent forged = new EncodedEvent(Long.parseLong(r[0]), r[1], r[2], r[3], r[4],
                        Long.parseLong(r[5]), r[6].replace("\"price\":", "\"price\":7"));
                previous = rewriteUnkeyed(store.dataSource(), previous, forged);
            }
            assertThat(verify(store)).isInstanceOfSatisfying(Verification.Broken.class,
                    broken -> assertThat(broken.sequence()).isEqualTo(1));
        }
    }

    @Test
    void catchesRowsWhoseChainWasRecomputedWithoutTheKey() throws Exception {
        // Someone who can write the table changes a fill and recomputes an unkeyed chain from there on.
        try (Store store = openWith(12)) {
            dropAppendOnlyTriggers(store.dataSource());
            List<String[]> rows = new ArrayList<>();
            for (String row : rows(store.dataSource(), "SELECT sequence, time, type, account, bot, causation_id, "
                    + "payload, prev_hash FROM events ORDER BY sequence")) {
                rows.add(row.split("\\|", -1));
            }
            String previous = rows.get(6)[7];
            for (int i = 6; i < rows.size(); i++) {
                String[] r = rows.get(i);
                String payload = i == 6 ? r[6].replace("\"price\":", "\"price\":9") : r[6];
                EncodedEvent forged = new EncodedEvent(Long.parseLong(r[0]), r[1], r[2], r[3], r[4],
                        Long.parseLong(r[5]), payload);
                previous = rewriteUnkeyed(store.dataSource(), previous, forged);
            }

            assertThat(verify(store)).isInstanceOfSatisfying(Verification.Broken.class,
                    broken -> assertThat(broken.sequence()).isEqualTo(7));
        }
    }

    @Test
    void refusesToOpenAJournalWithAnotherKey() throws Exception {
        String keyId;
        try (Store store = openWith(4)) {
            keyId = store.journalKey().id();
        }
        String otherKey = "cd".repeat(32);
        assertThatThrownBy(() -> Stores.open(database.config().withJournalKey(otherKey)))
                .isInstanceOf(BrokenJournalException.class)
                .hasMessageContaining("chained with key " + keyId)
                .hasMessageContaining(JournalKey.parse(otherKey, "x").id());
    }

    @Test
    void refusesToOpenAJournalWhoseKeyFileIsGone() throws Exception {
        try (Store store = openWith(4)) {
            assertThat(store.journalKey().source()).endsWith(JournalKey.FILE);
        }
        java.nio.file.Files.delete(database.config().dataDirectory().resolve(JournalKey.FILE));
        assertThatThrownBy(() -> Stores.open(database.config()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(JournalKey.FILE + " is missing")
                .hasMessageContaining(JournalKey.ENV);
    }

    @Test
    void generatesAnOwnerOnlyKeyFileForANewJournalAndReusesIt() throws Exception {
        Path file = database.config().dataDirectory().resolve(JournalKey.FILE);
        String id;
        try (Store store = open()) {
            id = store.journalKey().id();
        }
        assertThat(java.nio.file.Files.readString(file).strip()).hasSize(64).matches("[0-9a-f]+");
        if (java.nio.file.Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class)
                != null) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            java.nio.file.Files.setPosixFilePermissions(file,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            assertThatThrownBy(() -> Stores.open(database.config())).hasMessageContaining("chmod 600");
            java.nio.file.Files.setPosixFilePermissions(file,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        try (Store again = open()) {
            assertThat(again.journalKey().id()).isEqualTo(id);
        }
    }

    @Test
    void refusesToContinueAJournalChainedWithoutAKeyButStillVerifiesIt() throws Exception {
        HikariDataSource pool = track(Stores.dataSource(database.config()));
        Migrations.migrate(pool, database.dialect());
        String previous = HashChain.GENESIS;
        EventCodec codec = new EventCodec();
        for (Event event : SampleEvents.orderFlow(1, 6)) {
            EncodedEvent row = codec.encode(event);
            String hash = HashChain.unkeyed(previous, row);
            try (Connection c = pool.getConnection(); var insert = c.prepareStatement("INSERT INTO events (sequence, "
                    + "time, type, account, bot, causation_id, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
                JournalTables.bindEvent(insert, row, previous, hash);
                insert.executeUpdate();
            }
            previous = hash;
        }

        assertThatThrownBy(() -> Stores.open(database.config()))
                .isInstanceOf(BrokenJournalException.class)
                .hasMessageContaining("holds 6 events but records no key id")
                .hasMessageContaining("start on a new data directory or database");
        assertThat(JournalVerifier.unkeyed(pool).verify()).isEqualTo(new Verification.Intact(6, previous,
                "unkeyed SHA-256 chain, checked as a journal written before the chain was keyed"));
        // With a key at hand, the same rows fail: an unkeyed chain is never taken on the database's word.
        assertThat(new JournalVerifier(pool, KEY).verify()).isInstanceOfSatisfying(Verification.Broken.class,
                broken -> assertThat(broken.sequence()).isEqualTo(1));
    }

    // ------------------------------------------------------------------ helpers

    private static Verification verify(Store store) {
        return new JournalVerifier(store.dataSource(), store.journalKey()).verify();
    }

    private static Verification intact(Store store, long events) {
        return new Verification.Intact(events, storedHash(store.dataSource(), events),
                "HMAC-SHA256 chain, key " + store.journalKey().id());
    }

    private Store open() {
        return track(Stores.open(database.config()));
    }

    private Store openWith(int events) throws Exception {
        Store store = open();
        SampleEvents.orderFlow(1, events).forEach(store.journal()::append);
        store.journal().durable(events).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return store;
    }

    private FlakyDataSource flakyOverMigratedDatabase() {
        HikariDataSource pool = track(Stores.dataSource(database.config()));
        Migrations.migrate(pool, database.dialect());
        return new FlakyDataSource(pool);
    }

    private <T extends AutoCloseable> T track(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    /** Overwrites {@code forged}'s row with an unkeyed chain link after {@code previous}; returns its hash. */
    private static String rewriteUnkeyed(DataSource ds, String previous, EncodedEvent forged) throws SQLException {
        String hash = HashChain.unkeyed(previous, forged);
        try (Connection c = ds.getConnection(); var update = c.prepareStatement(
                "UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE sequence = ?")) {
            update.setString(1, forged.payload());
            update.setString(2, previous);
            update.setString(3, hash);
            update.setLong(4, forged.sequence());
            update.executeUpdate();
        }
        return hash;
    }

    private void dropAppendOnlyTriggers(DataSource dataSource) throws SQLException {
        if (database.dialect() == Dialect.POSTGRESQL) {
            execute(dataSource, "DROP TRIGGER events_no_update_delete ON events");
        } else {
            execute(dataSource, "DROP TRIGGER events_no_update");
            execute(dataSource, "DROP TRIGGER events_no_delete");
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String storedHash(DataSource dataSource, long sequence) {
        try {
            List<String> hashes = rows(dataSource, "SELECT hash FROM events WHERE sequence = " + sequence);
            return hashes.getFirst();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
