package com.quantdesk.app.api;

import com.quantdesk.app.paper.PaperConfig;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.app.paper.PaperTrading;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.backtest.BacktestData;
import com.quantdesk.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the API tests start: a paper runtime on an accelerated demo market, and a server in front of it. */
final class ApiTests {

    static final String ADMIN_PASSWORD = "Violet-Harbour-Engine-2031";
    static final String PASSWORD = "Slow-Copper-Lantern-774";
    /** For servers whose tests start no backtest. */
    static final BacktestData NO_BACKTESTS = (symbols, from, to, interval, seed) -> {
        throw new IllegalArgumentException("no backtests here");
    };

    private ApiTests() {
    }

    /** A paper runtime on SQLite in {@code dir}: no bots, ₹10 lakh per account, 600 paper seconds a second. */
    static PaperRuntime runtime(Path dir, List<String> symbols, String... accounts) {
        PaperConfig config = new PaperConfig(dir, Optional.empty(),
                new PaperConfig.Feed(PaperConfig.FeedMode.DEMO, Duration.ofSeconds(1), 7,
                        symbols.stream().map(Symbol::of).toList(), List.of()),
                new PaperConfig.Venue(Duration.ofMillis(200), Duration.ofMillis(200), 0, 1.0),
                Arrays.stream(accounts).map(a -> new PaperConfig.Account(AccountId.of(a), Paise.ofRupees(10_00_000),
                        Map.<String, String>of())).toList(),
                List.of());
        return PaperRuntime.start(config, StoreConfig.resolve(dir, null, Map.of()), 600, notice -> { });
    }

    /** A server in front of {@code runtime}; the first administrator's password is {@link #ADMIN_PASSWORD}. */
    static ApiServer server(ServerConfig config, PaperRuntime runtime, BacktestData backtests) {
        return ApiServer.start(config, new PaperTrading(runtime), backtests, StrategyCatalog.builtIns(),
                InstantSource.system(), "test", Optional.of(ADMIN_PASSWORD), Optional.empty(), Optional.empty());
    }
}
