package com.quantdesk.app.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.BacktestRunner;
import com.quantdesk.backtest.BarMerger;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.data.SyntheticMarket;
import com.quantdesk.sim.data.SyntheticMarketConfig;
import com.quantdesk.sim.venue.VenueConfig;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same bars through a backtest and through the paper runtime (journal, durable-before-send
 * gateway, engine thread, paced clock) produce exactly the same orders and fills.
 */
class BacktestPaperParityTest {

    private static final List<Symbol> SYMBOLS = List.of(Symbol.of("RELIANCE"), Symbol.of("INFY"), Symbol.of("TCS"));

    @TempDir
    Path dir;

    record Fill(long orderId, String fillId, String time, String symbol, String side, long quantity, long price,
                long charges) {
    }

    record Placed(long orderId, String symbol, String side, String type, long quantity) {
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "sma-cross;fast=5,slow=20,qty=40",
            "rsi-reversion;period=5,qty=30",
            "donchian-breakout;qty=25"})
    void backtestAndPaperReplayProduceTheSameOrdersAndFills(String strategy, String params) throws Exception {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (String pair : params.split(",")) {
            given.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        SyntheticMarket market = new SyntheticMarket(SyntheticMarketConfig.defaults(SYMBOLS,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).withSeed(11));
        Map<Symbol, List<Bar>> data = market.generate();
        InstrumentMaster instruments = InstrumentMaster.nifty50();
        VenueConfig venue = new VenueConfig(5, 0.02, 10);
        long capital = Paise.ofRupees(10_00_000);
        StrategyDescriptor descriptor = StrategyCatalog.builtIns().get(strategy);

        BacktestResult backtest = new BacktestRunner().run(new BacktestConfig(descriptor,
                StrategyParameters.resolve(descriptor.parameters(), given), data, instruments::find, capital, venue,
                Optional.of(ChargeRates.zerodhaNse()), 0, List.of(),
                Optional.of(RiskLimits.defaults().with("staleDataAfter", "0s"))));
        assertThat(backtest.fills()).as("the backtest trades, else parity proves nothing").hasSizeGreaterThan(4);

        PaperConfig config = new PaperConfig(dir, Optional.empty(),
                new PaperConfig.Feed(PaperConfig.FeedMode.SESSION, Duration.ofSeconds(1), 11, SYMBOLS, List.of()),
                new PaperConfig.Venue(Duration.ZERO, Duration.ZERO, venue.slippageBps(), venue.volumeParticipation()),
                List.of(new PaperConfig.Account(BacktestConfig.ACCOUNT, capital, Map.of("staleDataAfter", "0s"))),
                List.of(new PaperConfig.Bot(BacktestConfig.BOT, BacktestConfig.ACCOUNT, strategy, given, SYMBOLS,
                        Duration.ofDays(1), BotState.RUNNING)));
        StoreConfig store = StoreConfig.sqlite(dir);
        try (PaperRuntime paper = PaperRuntime.startReplay(config, store, notice -> { })) {
            // A trading day a millisecond: the clock is accelerated, not skipped.
            paper.replay(BarMerger.merge(data.values()), BarInterval.ONE_DAY, Duration.ofDays(1).toMillis() * 1000.0);
        }

        List<Fill> expectedFills = backtest.fills().stream().map(f -> new Fill(f.orderId(), f.fillId(),
                f.time().toString(), f.symbol().value(), f.side().name(), f.quantity(), f.price(), f.charges()))
                .toList();
        List<Placed> expectedOrders = backtest.orders().stream().map(o -> new Placed(o.id(), o.symbol().value(),
                o.side().name(), o.type().name(), o.quantity())).toList();
        List<Fill> paperFills = new ArrayList<>();
        List<Placed> paperOrders = new ArrayList<>();
        try (var dataSource = Stores.dataSource(store); Connection c = dataSource.getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT order_id, fill_id, time, symbol, side, quantity, price, charges "
                    + "FROM fills ORDER BY sequence")) {
                while (r.next()) {
                    paperFills.add(new Fill(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getLong(6), r.getLong(7), r.getLong(8)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT order_id, symbol, side, order_type, quantity FROM orders "
                    + "ORDER BY order_id")) {
                while (r.next()) {
                    paperOrders.add(new Placed(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getLong(5)));
                }
            }
        }
        assertThat(paperFills).containsExactlyElementsOf(expectedFills);
        assertThat(paperOrders).containsExactlyElementsOf(expectedOrders);
    }
}
