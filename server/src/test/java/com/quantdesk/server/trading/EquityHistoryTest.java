package com.quantdesk.server.trading;

import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.server.db.Sql;
import com.quantdesk.store.Store;
import com.quantdesk.store.Stores;
import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The equity sampler on boards made by hand, on SQLite: exact values, market minutes, days, restarts. */
class EquityHistoryTest {

    static final AccountId ACC = AccountId.of("acc");
    static final BotId BOT = BotId.of("sma-1");
    static final EquityHistory.Scope ACCOUNT = EquityHistory.Scope.account(ACC);
    static final EquityHistory.Scope BOT_SCOPE = EquityHistory.Scope.bot(BOT);
    /** 09:30:05 IST on Monday 2 March 2026. */
    static final Instant T0 = Instant.parse("2026-03-02T04:00:05Z");

    @TempDir
    Path directory;

    private Store store;
    private Sql sql;
    private EquityHistory history;

    @BeforeEach
    void open() {
        store = Stores.open(TestDatabase.sqlite(directory).config());
        sql = new Sql(store.dataSource());
        history = new EquityHistory(sql, T0);
    }

    @AfterEach
    void close() {
        history.close();
        store.close();
    }

    /** A board at {@code time} with the account's equity and the bot's realized, unrealized and charges. */
    static AccountBoard.Board board(Instant time, long equity, long realized, long unrealized, long charges) {
        AccountBoard.AccountFigures account = new AccountBoard.AccountFigures(ACC, 10_00_000_00, equity, equity, 0, 0,
                0, 0, 0, List.of(), TradingState.ACTIVE, 0, 0);
        AccountBoard.BotFigures bot = new AccountBoard.BotFigures(BOT, Optional.empty(), BotState.RUNNING, realized,
                unrealized, charges, List.of());
        return new AccountBoard.Board(time, TradingState.ACTIVE, Map.of(ACC, account), Map.of(BOT, bot));
    }

    static AccountBoard.Board board(Instant time, long equity) {
        return board(time, equity, 0, 0, 0);
    }

    static EquityHistory.Point point(Instant time, long value) {
        return new EquityHistory.Point(time, value);
    }

    @Test
    void keepsOneSamplePerMarketMinuteAndEndsWithTheBoardsValue() {
        Instant sameMinute = T0.plusSeconds(45);
        Instant nextMinute = T0.plusSeconds(55);
        Instant later = T0.plusSeconds(85);

        history.sample(board(T0, 10_00_000_00));
        history.sample(board(sameMinute, 10_00_100_00));
        history.sample(board(nextMinute, 10_00_200_00));

        assertThat(history.day(ACCOUNT, board(later, 10_00_300_00))).containsExactly(
                point(T0, 10_00_000_00), point(nextMinute, 10_00_200_00), point(later, 10_00_300_00));
        // The board just sampled adds nothing after its own sample.
        assertThat(history.day(ACCOUNT, board(nextMinute, 10_00_200_00))).containsExactly(
                point(T0, 10_00_000_00), point(nextMinute, 10_00_200_00));
    }

    @Test
    void aBotsCurveIsItsNetPnl() {
        history.sample(board(T0, 10_00_000_00, 500_00, -200_00, 20_00));
        Instant later = T0.plus(Duration.ofMinutes(3));

        assertThat(history.day(BOT_SCOPE, board(later, 10_00_000_00, 600_00, 0, 40_00))).containsExactly(
                point(T0, 280_00), point(later, 560_00));
    }

    @Test
    void aScopeTheBoardDoesNotHoldHasNoCurve() {
        history.sample(board(T0, 10_00_000_00));

        assertThat(history.day(EquityHistory.Scope.account(AccountId.of("other")), board(T0, 1))).isEmpty();
        assertThat(history.all(EquityHistory.Scope.bot(BotId.of("gone")), board(T0, 1))).isEmpty();
    }

    @Test
    void aNewTradeDateStartsANewDayAndTheOldDayLeavesItsLastSample() {
        Instant lastOfMonday = T0.plus(Duration.ofHours(6));
        // 00:00:30 IST on Tuesday is still 18:30:30 UTC on Monday.
        Instant tuesday = Instant.parse("2026-03-02T18:30:30Z");
        history.sample(board(T0, 10_00_000_00));
        history.sample(board(lastOfMonday, 9_99_000_00));

        history.sample(board(tuesday, 9_98_000_00));

        Instant now = tuesday.plusSeconds(90);
        assertThat(history.day(ACCOUNT, board(now, 9_97_000_00))).containsExactly(
                point(tuesday, 9_98_000_00), point(now, 9_97_000_00));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(history.all(ACCOUNT,
                board(now, 9_97_000_00))).containsExactly(point(lastOfMonday, 9_99_000_00), point(now, 9_97_000_00)));
    }

    @Test
    void aRestartReadsTheDayBackAndSamplesNothingBeforeItsLastSample() {
        Instant second = T0.plus(Duration.ofMinutes(1));
        history.sample(board(T0, 10_00_000_00));
        history.sample(board(second, 10_00_500_00));
        history.close();

        history = new EquityHistory(sql, second.plusSeconds(1));
        // A clock that restarted behind the last sample takes no sample until it passes it.
        history.sample(board(T0.plusSeconds(10), 1));
        Instant third = second.plus(Duration.ofMinutes(1));
        history.sample(board(third, 10_01_000_00));

        assertThat(history.day(ACCOUNT, board(third, 10_01_000_00))).containsExactly(point(T0, 10_00_000_00),
                point(second, 10_00_500_00), point(third, 10_01_000_00));
        assertThat(history.day(BOT_SCOPE, board(third, 10_01_000_00))).containsExactly(point(T0, 0),
                point(second, 0), point(third, 0));
    }

    @Test
    void theAllTimeCurveHasOnePointPerTradeDateThenTheCurrentValue() {
        Instant monday = T0;
        Instant tuesday = T0.plus(Duration.ofDays(1));
        Instant wednesday = T0.plus(Duration.ofDays(2));
        history.sample(board(monday, 10_00_000_00));
        history.sample(board(monday.plusSeconds(60), 10_00_100_00));
        history.sample(board(tuesday, 10_00_200_00));
        history.sample(board(wednesday, 10_00_300_00));
        history.close();
        history = new EquityHistory(sql, wednesday);

        Instant now = wednesday.plusSeconds(30);
        assertThat(history.all(ACCOUNT, board(now, 10_00_400_00))).containsExactly(
                point(monday.plusSeconds(60), 10_00_100_00), point(tuesday, 10_00_200_00), point(now, 10_00_400_00));
        assertThat(history.day(ACCOUNT, board(now, 10_00_400_00))).containsExactly(
                point(wednesday, 10_00_300_00), point(now, 10_00_400_00));
    }

    @Test
    void minuteSamplesOlderThanThirtyDaysAreDroppedButTheirDaysStay() {
        Instant old = T0;
        Instant month = T0.plus(Duration.ofDays(EquityHistory.KEEP_SAMPLE_DAYS));
        Instant monthAndADay = month.plus(Duration.ofDays(1));
        history.sample(board(old, 10_00_000_00));
        history.sample(board(month, 10_00_100_00));

        history.sample(board(monthAndADay, 10_00_200_00));
        history.close();

        assertThat(sql.list("SELECT trade_date FROM equity_samples WHERE kind = 'account' ORDER BY trade_date",
                r -> r.getString(1))).containsExactly("2026-04-01", "2026-04-02");
        assertThat(sql.list("SELECT trade_date FROM equity_days WHERE kind = 'account' ORDER BY trade_date",
                r -> r.getString(1))).containsExactly("2026-03-02", "2026-04-01", "2026-04-02");
    }

    @Test
    void aSeriesKeepsAtMostItsCapacity() {
        EquitySeries series = new EquitySeries(2);

        assertThat(series.add(1_000, 1)).isTrue();
        assertThat(series.add(2_000, 2)).isTrue();
        assertThat(series.add(3_000, 3)).isFalse();

        assertThat(series.points()).containsExactly(point(Instant.ofEpochMilli(1_000), 1),
                point(Instant.ofEpochMilli(2_000), 2));
    }
}
