package com.quantdesk.app.paper;

import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.store.TestDatabase;
import com.quantdesk.store.journal.JournalVerifier;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The paper runtime on a real database and an accelerated clock (600 paper seconds a second, so a
 * one-minute bar closes every 100 ms): bots trade, a restart recovers the same orders and positions
 * and trading continues, and bots can be paused, resumed, stopped and deleted.
 */
abstract class PaperRuntimeContract {

    static final AccountId ACC = AccountId.of("acc");
    static final BotId SMA = BotId.of("sma-rel");
    static final BotId RSI = BotId.of("rsi-infy");
    static final double SPEED = 600;

    @TempDir
    Path dir;

    TestDatabase database;
    final List<String> notices = new CopyOnWriteArrayList<>();

    abstract TestDatabase open(Path directory);

    @BeforeEach
    void openDatabase() {
        database = open(dir);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    static PaperConfig config(Path dataDir) {
        return new PaperConfig(dataDir, Optional.empty(),
                new PaperConfig.Feed(PaperConfig.FeedMode.DEMO, Duration.ofSeconds(1), 7,
                        List.of(Symbol.of("RELIANCE"), Symbol.of("INFY")), List.of()),
                new PaperConfig.Venue(Duration.ofMillis(500), Duration.ofMillis(500), 0, 0.5),
                List.of(new PaperConfig.Account(ACC, Paise.ofRupees(10_00_000), Map.of())),
                List.of(new PaperConfig.Bot(SMA, ACC, "sma-cross", Map.of("fast", "2", "slow", "4", "qty", "5"),
                                List.of(Symbol.of("RELIANCE")), Duration.ofMinutes(1), BotState.RUNNING),
                        new PaperConfig.Bot(RSI, ACC, "rsi-reversion", Map.of("period", "3", "qty", "5"),
                                List.of(Symbol.of("INFY")), Duration.ofMinutes(1), BotState.RUNNING)));
    }

    /** No bots, one symbol, a venue acknowledging after {@code ackLatency} of paper time. */
    static PaperConfig quiet(Path dataDir, Duration ackLatency) {
        return new PaperConfig(dataDir, Optional.empty(),
                new PaperConfig.Feed(PaperConfig.FeedMode.DEMO, Duration.ofSeconds(1), 7,
                        List.of(Symbol.of("INFY")), List.of()),
                new PaperConfig.Venue(ackLatency, Duration.ZERO, 0, 0),
                List.of(new PaperConfig.Account(ACC, Paise.ofRupees(10_00_000), Map.of())), List.of());
    }

    PaperRuntime start() {
        return PaperRuntime.start(config(dir), database.config(), SPEED, notices::add);
    }

    static long fills(PaperStatus status) {
        return status.bots().stream().mapToLong(b -> b.figures().fills()).sum();
    }

    static PaperStatus.BotStatus bot(PaperStatus status, BotId id) {
        return status.bots().stream().filter(b -> b.bot().equals(id)).findFirst().orElseThrow();
    }

    List<String> rows(String sql) throws SQLException {
        return rows(database.config(), sql);
    }

    /** The rows {@code sql} selects, each as its columns joined by '|'. */
    static List<String> rows(com.quantdesk.store.StoreConfig store, String sql) throws SQLException {
        try (var dataSource = com.quantdesk.store.Stores.dataSource(store)) {
            return com.quantdesk.app.TestRows.select(dataSource, sql);
        }
    }

    @Test
    void botsTradeAndARestartRecoversTheSameStateAndTradingContinues() throws Exception {
        PaperStatus before;
        List<String> ordersBefore;
        List<String> positionsBefore;
        try (PaperRuntime first = start()) {
            assertThat(first.recovery().events()).isZero();
            // An hour of history primed both bots (59 or 60 one-minute bars a symbol, plus the longer ones).
            assertThat(first.recovery().warmUpBars()).isGreaterThanOrEqualTo(2 * 59);
            await().atMost(Duration.ofSeconds(60)).until(() -> fills(first.status()) >= 4);
            before = first.status();
            assertThat(before.ticksAccepted()).isPositive();
            assertThat(before.journalHealthy()).isTrue();
        }
        ordersBefore = rows("SELECT order_id, bot, symbol, side, quantity, status, filled_quantity, filled_value "
                + "FROM orders ORDER BY order_id");
        positionsBefore = rows("SELECT account, symbol, product, quantity, cost_basis FROM positions "
                + "ORDER BY symbol, product");
        List<String> fillsBefore = rows("SELECT order_id, fill_id, quantity, price, charges FROM fills ORDER BY sequence");
        assertThat(fillsBefore).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
        long journaled = Long.parseLong(rows("SELECT MAX(sequence) FROM events").getFirst());

        try (PaperRuntime second = start()) {
            PaperRuntime.Recovery recovery = second.recovery();
            assertThat(recovery.events()).isEqualTo(journaled);
            PaperStatus after = second.status();
            for (BotId id : List.of(SMA, RSI)) {
                PaperStatus.BotFigures was = bot(before, id).figures();
                PaperStatus.BotFigures is = bot(after, id).figures();
                assertThat(is.fills()).as("fills of %s", id).isGreaterThanOrEqualTo(was.fills());
                assertThat(is.orders()).as("orders of %s", id).isGreaterThanOrEqualTo(was.orders());
            }
            // Trading continues: more fills than the journal had at the restart.
            long recoveredFills = fillsBefore.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> fills(second.status()) >= recoveredFills + 3);
        }
        // Nothing journaled before the restart changed or vanished.
        List<String> fillsAfter = rows("SELECT order_id, fill_id, quantity, price, charges FROM fills ORDER BY sequence");
        assertThat(fillsAfter.subList(0, fillsBefore.size())).isEqualTo(fillsBefore);
        assertThat(fillsAfter).doesNotHaveDuplicates();
        assertThat(rows("SELECT order_id FROM orders ORDER BY order_id"))
                .containsAll(ordersBefore.stream().map(r -> r.substring(0, r.indexOf('|'))).toList());
        assertThat(positionsBefore).isNotEmpty();
        try (var dataSource = com.quantdesk.store.Stores.dataSource(database.config())) {
            assertThat(new JournalVerifier(dataSource, database.config().loadJournalKey(false)).verify().ok()).isTrue();
        }
        assertThat(notices).noneMatch(n -> n.contains("unreachable"));
    }

    @Test
    void aRestartPutsWorkingOrdersBackAtTheVenueAndRejectsOrdersItNeverAcknowledged() throws Exception {
        Symbol infy = Symbol.of("INFY");
        long restingId;
        try (PaperRuntime first = PaperRuntime.start(quiet(dir, Duration.ZERO), database.config(), 10, notices::add)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.loop().call(e -> e.lastPrice(infy)).get() > 0);
            long price = first.loop().call(e -> com.quantdesk.core.domain.Paise.floorToTick(e.lastPrice(infy) * 97 / 100,
                    e.instrument(infy).orElseThrow().tickSizePaise())).get();
            var result = first.loop().submit(new com.quantdesk.core.command.SubmitOrder(
                    com.quantdesk.core.order.OrderRequest.limit(ACC, BotId.NONE, infy,
                            com.quantdesk.core.domain.Side.BUY, 3, price, com.quantdesk.core.domain.Product.CNC)))
                    .get();
            restingId = result.orderId().orElseThrow().value();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> rows("SELECT status FROM orders WHERE order_id = " + restingId).equals(List.of("ACCEPTED")));
        }
        long neverAcknowledged;
        try (PaperRuntime second = PaperRuntime.start(quiet(dir, Duration.ofHours(5)), database.config(), 10,
                notices::add)) {
            assertThat(second.recovery().restoredAtVenue()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> second.loop().call(e -> e.lastPrice(infy)).get() > 0);
            neverAcknowledged = second.loop().submit(new com.quantdesk.core.command.SubmitOrder(
                    com.quantdesk.core.order.OrderRequest.market(ACC, BotId.NONE, infy,
                            com.quantdesk.core.domain.Side.BUY, 2, com.quantdesk.core.domain.Product.CNC)))
                    .get().orderId().orElseThrow().value();
        }
        assertThat(rows("SELECT status FROM orders WHERE order_id = " + neverAcknowledged)).containsExactly("SUBMITTED");

        try (PaperRuntime third = PaperRuntime.start(quiet(dir, Duration.ZERO), database.config(), 10, notices::add)) {
            assertThat(third.recovery().restoredAtVenue()).isEqualTo(1);
            assertThat(third.recovery().notAcknowledged()).isEqualTo(1);
            // Journaled during start-up, before any new order; committed by the writer a moment later.
            await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT status, reason_code FROM orders "
                    + "WHERE order_id = " + neverAcknowledged).equals(List.of("REJECTED|VENUE_NOT_ACKNOWLEDGED")));
            // The venue knows the restored order: a cancel goes through it and comes back confirmed.
            var cancel = third.loop().submit(new com.quantdesk.core.command.CancelOrder(
                    com.quantdesk.core.domain.OrderId.of(restingId), "test")).get();
            assertThat(cancel.accepted()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    rows("SELECT status FROM orders WHERE order_id = " + restingId).equals(List.of("CANCELLED")));
        }
    }

    @Test
    void botLimitsChangedAtRunTimeAreJournaledAndSurviveARestart() throws Exception {
        BotId capped = BotId.of("capped");
        try (PaperRuntime first = PaperRuntime.start(quiet(dir, Duration.ZERO), database.config(), 10, notices::add)) {
            first.createBot(new PaperConfig.Bot(capped, ACC, "sma-cross", Map.of("fast", "2", "slow", "3", "qty", "1"),
                    List.of(Symbol.of("INFY")), Duration.ofMinutes(1), BotState.STOPPED));
            for (Map<String, String> change : List.of(Map.of("maxOrderQuantity", "5", "maxOrderValue", "2500.5"),
                    Map.of("maxOrderQuantity", "0", "maxTradesPerDay", "7"))) {
                var result = first.loop().submit(new com.quantdesk.core.command.SetBotLimits(ACC, capped, change,
                        "risk-officer")).get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(result.accepted()).as(result.toString()).isTrue();
            }
        }
        assertThat(rows("SELECT account, bot, payload FROM events WHERE type = 'RiskConfigChanged' ORDER BY sequence"))
                .containsExactly("acc|capped|{\"item\":\"botLimits\",\"previous\":\"maxOrderQuantity=0;"
                                + "maxOrderValue=0.00\",\"current\":\"maxOrderQuantity=5;maxOrderValue=2500.50\","
                                + "\"actor\":\"risk-officer\"}",
                        "acc|capped|{\"item\":\"botLimits\",\"previous\":\"maxOrderQuantity=5;maxTradesPerDay=0\","
                                + "\"current\":\"maxOrderQuantity=0;maxTradesPerDay=7\",\"actor\":\"risk-officer\"}");

        try (PaperRuntime second = PaperRuntime.start(quiet(dir, Duration.ZERO), database.config(), 10,
                notices::add)) {
            assertThat(second.loop().call(e -> second.risk().botLimits(capped)).get(10,
                    java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(new com.quantdesk.core.risk.BotLimits(0, 2_500_50, 0, 7));
        }
    }

    @Test
    void botsKeepTheirLifeAcrossARestartWhateverTheConfigurationFileSays() throws Exception {
        BotId created = BotId.of("sma-infy");
        try (PaperRuntime first = start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> bot(first.status(), SMA).figures().fills() >= 1);
            first.createBot(new PaperConfig.Bot(created, ACC, "sma-cross", Map.of("fast", "2", "slow", "3", "qty", "1"),
                    List.of(Symbol.of("INFY")), Duration.ofMinutes(1), BotState.RUNNING));
            first.pauseBot(SMA); // the file says running
            first.stopBot(RSI);
        }
        try (PaperRuntime second = start()) {
            assertThat(second.state(SMA)).isEqualTo(BotState.PAUSED);
            assertThat(second.state(RSI)).isEqualTo(BotState.STOPPED);
            assertThat(second.state(created)).isEqualTo(BotState.RUNNING);
            assertThat(second.bots()).extracting(PaperConfig.Bot::id).containsExactly(SMA, RSI, created);
            assertThat(notices).anyMatch(n -> n.equals("bot sma-infy (created at run time) restored from the "
                    + "journal: running"));
            assertThat(notices).anyMatch(n -> n.equals("bot sma-rel: the configuration file says running, the journal "
                    + "says paused; the journal's state is kept"));
            // The restored book is what the durable fills of the bot net to (a sell of the paused bot still
            // working at the first close may fill after the restart, so both are read again until they agree).
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(second.loop().call(e -> e.botBook(SMA)
                    .orElseThrow().openPositions().stream().map(p -> p.symbol().value() + "|" + p.quantity())
                    .sorted().toList()).get()).isEqualTo(rows("SELECT symbol, SUM(CASE WHEN side = 'BUY' THEN "
                    + "quantity ELSE -quantity END) FROM fills WHERE bot = 'sma-rel' GROUP BY symbol HAVING "
                    + "SUM(CASE WHEN side = 'BUY' THEN quantity ELSE -quantity END) <> 0 ORDER BY symbol")));
        }
    }

    @Test
    void botsArePausedResumedStoppedAndDeleted() throws Exception {
        try (PaperRuntime runtime = start()) {
            assertThat(rows("SELECT bot_id, state FROM bots ORDER BY bot_id"))
                    .containsExactly("rsi-infy|RUNNING", "sma-rel|RUNNING");

            runtime.pauseBot(SMA);
            assertThat(runtime.state(SMA)).isEqualTo(BotState.PAUSED);
            long ordersWhenPaused = bot(runtime.status(), SMA).figures().orders();
            // While paused its signals are refused before they are sent: denials grow, orders do not.
            await().atMost(Duration.ofSeconds(60)).until(() -> bot(runtime.status(), SMA).figures().denied() >= 1);
            assertThat(bot(runtime.status(), SMA).figures().orders()).isEqualTo(ordersWhenPaused);
            assertThatThrownBy(() -> runtime.pauseBot(SMA)).hasMessage("bot sma-rel is PAUSED, not running");

            runtime.resumeBot(SMA);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> bot(runtime.status(), SMA).figures().orders() > ordersWhenPaused);

            runtime.stopBot(RSI);
            assertThat(rows("SELECT state FROM bots WHERE bot_id = 'rsi-infy'")).containsExactly("STOPPED");
            long rsiOrders = bot(runtime.status(), RSI).figures().orders();
            long smaOrders = bot(runtime.status(), SMA).figures().orders();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> bot(runtime.status(), SMA).figures().orders() >= smaOrders + 2);
            assertThat(bot(runtime.status(), RSI).figures().orders()).isEqualTo(rsiOrders);
            assertThat(runtime.loop().call(e -> e.openOrders().stream().filter(o -> o.bot().equals(RSI)).count())
                    .get()).isZero();

            runtime.startBot(RSI);
            assertThat(runtime.state(RSI)).isEqualTo(BotState.RUNNING);
            assertThatThrownBy(() -> runtime.createBot(new PaperConfig.Bot(BotId.of("x"), ACC, "sma-cross", Map.of(),
                    List.of(Symbol.of("TCS")), Duration.ofMinutes(1), BotState.RUNNING)))
                    .hasMessage("bots.x.symbols: TCS is not in feed.symbols");
            runtime.createBot(new PaperConfig.Bot(BotId.of("sma-infy"), ACC, "sma-cross",
                    Map.of("fast", "2", "slow", "3", "qty", "1"), List.of(Symbol.of("INFY")), Duration.ofMinutes(1),
                    BotState.RUNNING));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> bot(runtime.status(), BotId.of("sma-infy")).figures().orders() >= 1);
            assertThat(rows("SELECT state FROM bots WHERE bot_id = 'sma-infy'")).containsExactly("RUNNING");
            runtime.deleteBot(RSI);
            // The bots table is the journal's projection: a deleted bot's row says so, and its id stays taken.
            assertThat(rows("SELECT bot_id, state FROM bots ORDER BY bot_id"))
                    .containsExactly("rsi-infy|DELETED", "sma-infy|RUNNING", "sma-rel|RUNNING");
            assertThatThrownBy(() -> runtime.state(RSI)).hasMessage("no bot rsi-infy");
            assertThat(runtime.bots()).extracting(PaperConfig.Bot::id).containsExactly(SMA, BotId.of("sma-infy"));
        }
    }
}
