package com.quantdesk.server.trading;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.server.db.Sql;
import com.quantdesk.server.db.TestStores;
import com.quantdesk.store.Store;
import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/** The equity tables' SQL on SQLite and PostgreSQL, and the sampler's restart on both. */
class EquityStoreIT {

    static final EquityHistory.Scope ACCOUNT = EquityHistory.Scope.account(AccountId.of("acc"));
    static final EquityHistory.Scope BOT = EquityHistory.Scope.bot(BotId.of("sma-1"));
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant T0 = Instant.parse("2026-03-02T04:00:05Z");

    @TempDir
    Path directory;

    private final TestStores stores = new TestStores();

    @AfterEach
    void closeDatabase() {
        stores.close();
    }

    private Sql open(Function<Path, TestDatabase> newDatabase) {
        Store store = stores.open(newDatabase, directory);
        return new Sql(store.dataSource());
    }

    static EquityStore.Sample sample(EquityHistory.Scope scope, LocalDate date, Instant time, long value) {
        return new EquityStore.Sample(scope, date, new EquityHistory.Point(time, value));
    }

    static EquityHistory.Point point(Instant time, long value) {
        return new EquityHistory.Point(time, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void savesSamplesOnceAndEachDaysLatest(String name, Function<Path, TestDatabase> newDatabase) {
        EquityStore equity = new EquityStore(open(newDatabase));
        Instant later = T0.plusSeconds(60);
        Instant tuesday = T0.plusSeconds(86_400);

        equity.save(List.of(sample(ACCOUNT, MONDAY, T0, 100), sample(BOT, MONDAY, T0, -5)));
        equity.save(List.of(sample(ACCOUNT, MONDAY, later, 200), sample(BOT, MONDAY, later, 7)));
        // A batch saved again, late: no second row, and the day keeps its latest sample.
        equity.save(List.of(sample(ACCOUNT, MONDAY, T0, 100)));
        equity.save(List.of(sample(ACCOUNT, MONDAY.plusDays(1), tuesday, 300)));

        assertThat(equity.day(MONDAY)).isEqualTo(Map.of(
                ACCOUNT, List.of(point(T0, 100), point(later, 200)),
                BOT, List.of(point(T0, -5), point(later, 7))));
        assertThat(equity.closesBefore(ACCOUNT, MONDAY.plusDays(2))).containsExactly(point(later, 200),
                point(tuesday, 300));
        assertThat(equity.closesBefore(ACCOUNT, MONDAY.plusDays(1))).containsExactly(point(later, 200));
        assertThat(equity.closesBefore(BOT, MONDAY.plusDays(2))).containsExactly(point(later, 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void prunesMinuteSamplesBeforeADateAndKeepsTheDays(String name, Function<Path, TestDatabase> newDatabase) {
        EquityStore equity = new EquityStore(open(newDatabase));
        Instant tuesday = T0.plusSeconds(86_400);
        equity.save(List.of(sample(ACCOUNT, MONDAY, T0, 100), sample(ACCOUNT, MONDAY.plusDays(1), tuesday, 200)));

        assertThat(equity.pruneBefore(MONDAY.plusDays(1))).isEqualTo(1);

        assertThat(equity.day(MONDAY)).isEmpty();
        assertThat(equity.day(MONDAY.plusDays(1))).isEqualTo(Map.of(ACCOUNT, List.of(point(tuesday, 200))));
        assertThat(equity.closesBefore(ACCOUNT, MONDAY.plusDays(2))).containsExactly(point(T0, 100),
                point(tuesday, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void aRestartedSamplerHasTheDaySoFar(String name, Function<Path, TestDatabase> newDatabase) {
        Sql sql = open(newDatabase);
        EquityHistory before = new EquityHistory(sql, T0);
        Instant next = T0.plusSeconds(60);
        before.sample(EquityHistoryTest.board(T0, 10_00_000_00, 100_00, 0, 10_00));
        before.sample(EquityHistoryTest.board(next, 10_00_050_00, 100_00, 50_00, 10_00));
        before.close();

        EquityHistory after = new EquityHistory(sql, next);
        Instant now = next.plusSeconds(30);
        AccountBoard.Board board = EquityHistoryTest.board(now, 10_00_060_00, 100_00, 60_00, 10_00);

        assertThat(after.day(EquityHistoryTest.ACCOUNT, board)).containsExactly(point(T0, 10_00_000_00),
                point(next, 10_00_050_00), point(now, 10_00_060_00));
        assertThat(after.day(EquityHistoryTest.BOT_SCOPE, board)).containsExactly(point(T0, 90_00),
                point(next, 140_00), point(now, 150_00));
        assertThat(after.all(EquityHistoryTest.ACCOUNT, board)).containsExactly(point(now, 10_00_060_00));
        after.close();
    }
}
