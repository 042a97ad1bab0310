package com.quantdesk.server.trading;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.event.AccountOpened;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.server.auth.KeyScope;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.db.Sql;
import com.quantdesk.server.db.TestStores;
import com.quantdesk.store.Store;
import com.quantdesk.store.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/** Recent alerts read from a real journal on SQLite and PostgreSQL: which, in what order, how severe. */
class AlertsIT {

    static final AccountId ACC = AccountId.of("acc");
    static final AccountId OTHER = AccountId.of("other");
    static final BotId BOT = BotId.of("sma-1");
    static final Instant T0 = Instant.parse("2026-03-02T04:00:00Z");

    @TempDir
    Path directory;

    private final TestStores stores = new TestStores();

    @AfterEach
    void closeDatabase() {
        stores.close();
    }

    /** A journal holding alerts of two accounts and the system among other events. */
    private Alerts journal(Function<Path, TestDatabase> newDatabase) {
        Store store = stores.open(newDatabase, directory);
        List<Event> events = List.of(
                new AccountOpened(1, T0, ACC, BotId.NONE, 0, 10_00_000_00),
                new AccountOpened(2, T0, OTHER, BotId.NONE, 0, 10_00_000_00),
                new RiskAlert(3, T0.plusSeconds(1), ACC, BotId.NONE, 0, "RISK_MAX_DAILY_LOSS",
                        "daily loss 5,000.00 exceeds 4,000.00"),
                new TradingStateChanged(4, T0.plusSeconds(1), ACC, BotId.NONE, 0, TradingState.ACTIVE,
                        TradingState.REDUCING, "daily loss 5,000.00 exceeds 4,000.00", "risk"),
                new RiskSessionChanged(5, T0.plusSeconds(2), ACC, BotId.NONE, 0, LocalDate.of(2026, 3, 2),
                        10_00_000_00, true, false),
                new RiskAlert(6, T0.plusSeconds(3), OTHER, BOT, 0, "BOT_STRATEGY_FAILED", "strategy failed in onBar"),
                new TradingStateChanged(7, T0.plusSeconds(4), AccountId.SYSTEM, BotId.NONE, 9, TradingState.ACTIVE,
                        TradingState.HALTED, "kill switch: drill", "risk-officer"),
                new RiskAlert(8, T0.plusSeconds(4), AccountId.SYSTEM, BotId.NONE, 9, "KILL_SWITCH",
                        "kill switch by risk-officer: drill"),
                new TradingStateChanged(9, T0.plusSeconds(5), AccountId.SYSTEM, BotId.NONE, 10, TradingState.HALTED,
                        TradingState.ACTIVE, "drill over", "risk-officer"));
        store.journal().appendStep(events);
        store.journal().durable(9).join();
        return new Alerts(new Sql(store.dataSource()));
    }

    static Principal seeing(AccountId... accounts) {
        return new Principal("viewer", Set.of(Role.VIEWER), Set.of(accounts), Principal.Method.BEARER, KeyScope.READ,
                "jti", T0.plusSeconds(900), "session", false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void listsTheCallersAndTheSystemsAlertsNewestFirstWithTheirSeverity(String name,
                                                                        Function<Path, TestDatabase> newDatabase) {
        Alerts alerts = journal(newDatabase);

        assertThat(alerts.recent(seeing(ACC), Optional.empty(), 100)).containsExactly(
                new Alerts.AlertView(9, "2026-03-02T04:00:05Z", "SYSTEM", null, "TRADING_ACTIVE",
                        "HALTED -> ACTIVE: drill over (by risk-officer)", "info"),
                new Alerts.AlertView(8, "2026-03-02T04:00:04Z", "SYSTEM", null, "KILL_SWITCH",
                        "kill switch by risk-officer: drill", "critical"),
                new Alerts.AlertView(7, "2026-03-02T04:00:04Z", "SYSTEM", null, "TRADING_HALTED",
                        "ACTIVE -> HALTED: kill switch: drill (by risk-officer)", "critical"),
                new Alerts.AlertView(4, "2026-03-02T04:00:01Z", "acc", null, "TRADING_REDUCING",
                        "ACTIVE -> REDUCING: daily loss 5,000.00 exceeds 4,000.00 (by risk)", "warning"),
                new Alerts.AlertView(3, "2026-03-02T04:00:01Z", "acc", null, "RISK_MAX_DAILY_LOSS",
                        "daily loss 5,000.00 exceeds 4,000.00", "critical"));
        assertThat(alerts.recent(seeing(OTHER), Optional.empty(), 100)).extracting(Alerts.AlertView::seq)
                .containsExactly(9L, 8L, 7L, 6L);
        assertThat(alerts.recent(seeing(OTHER), Optional.empty(), 100).get(3)).isEqualTo(new Alerts.AlertView(6,
                "2026-03-02T04:00:03Z", "other", "sma-1", "BOT_STRATEGY_FAILED", "strategy failed in onBar",
                "warning"));
        assertThat(alerts.recent(seeing(), Optional.empty(), 100)).extracting(Alerts.AlertView::seq)
                .containsExactly(9L, 8L, 7L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void takesTheNewestUpToTheLimitAndOneAccountWhenAsked(String name, Function<Path, TestDatabase> newDatabase) {
        Alerts alerts = journal(newDatabase);

        assertThat(alerts.recent(seeing(ACC, OTHER), Optional.empty(), 4)).extracting(Alerts.AlertView::seq)
                .containsExactly(9L, 8L, 7L, 6L);
        assertThat(alerts.recent(seeing(ACC, OTHER), Optional.of(ACC), 100)).extracting(Alerts.AlertView::seq)
                .containsExactly(4L, 3L);
        assertThat(alerts.recent(seeing(ACC, OTHER), Optional.of(ACC), 1)).extracting(Alerts.AlertView::seq)
                .containsExactly(4L);
    }
}
