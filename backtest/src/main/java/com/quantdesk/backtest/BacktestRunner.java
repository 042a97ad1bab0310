package com.quantdesk.backtest;

import com.quantdesk.backtest.metrics.EquityCurve;
import com.quantdesk.backtest.metrics.PerformanceAnalyzer;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.engine.PreTradeCheck;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.sim.cost.ChargesLedger;
import com.quantdesk.sim.cost.NseCostModel;
import com.quantdesk.sim.venue.BuyingPower;
import com.quantdesk.sim.venue.FillCharges;
import com.quantdesk.sim.venue.SimulatedVenue;
import java.time.Instant;
import java.util.List;

/**
 * Runs a strategy over history: the same engine as paper and live trading, driven directly by a
 * replay loop (no threads, no queues), against the simulated venue.
 *
 * <p>For every bar, in time order: the clock moves to the bar's time, time-driven risk work runs
 * (session rollover, MIS square-off), the venue matches working
 * orders against the bar, then the engine marks positions and lets the strategy decide. Orders the
 * strategy places therefore work from the next bar on. After the last bar of each instant the
 * account's equity is recorded. At the end, orders still working are cancelled and open positions
 * stay marked at the last close.
 */
public final class BacktestRunner {

    /** Told how far a run has got. */
    @FunctionalInterface
    public interface Progress {

        /** Progress that is ignored. */
        Progress NONE = (done, total) -> { };

        /** {@code done} of {@code total} bars are processed. */
        void update(long done, long total);
    }

    private static final int PROGRESS_EVERY = 1 << 16;

    /** Runs the backtest. */
    public BacktestResult run(BacktestConfig config) {
        return run(config, Progress.NONE);
    }

    /** Runs the backtest, reporting progress every 65,536 bars and at the end. */
    public BacktestResult run(BacktestConfig config, Progress progress) {
        List<Bar> bars = BarMerger.merge(config.data().values());
        ManualClock clock = new ManualClock(bars.getFirst().time());
        ChargesLedger ledger = config.chargeRates().map(rates -> new ChargesLedger(new NseCostModel(rates)))
                .orElse(null);
        FillCharges charges = ledger == null ? FillCharges.NONE : FillCharges.of(ledger);
        SimulatedVenue venue = new SimulatedVenue(config.venue(), config.instruments(), charges);
        TradingEngine engine = new TradingEngine(clock, venue, config.instruments());
        // The venue checks buying power whether or not the risk engine runs, with the risk limits'
        // MIS leverage (the defaults' when there is no risk engine).
        int misLeverage = config.riskLimits().orElse(RiskLimits.defaults()).misLeverage();
        venue.checkFunds(new BuyingPower(engine::portfolio, account -> misLeverage,
                config.chargeRates().map(rates -> BuyingPower.ChargeEstimate.of(new NseCostModel(rates)))
                        .orElse(BuyingPower.ChargeEstimate.NONE), BuyingPower.DEFAULT_MARKET_BUFFER_BPS));
        // A strategy error stops the run where it happened, rather than pausing the bot unseen.
        engine.isolateStrategyFailures(false);
        if (ledger != null) {
            // The ledger only needs an order until it is done; keep its memory bounded on long runs.
            engine.addListener(ledger::forgetFinished);
        }
        RunRecorder recorder = new RunRecorder();
        engine.addListener(recorder);
        for (PreTradeCheck check : config.checks()) {
            engine.addPreTradeCheck(check);
        }
        config.riskLimits().ifPresent(limits -> engine.attachRisk(new RiskEngine(limits)));
        Portfolio portfolio = engine.openAccount(BacktestConfig.ACCOUNT, config.initialCapital());
        engine.addBot(BacktestConfig.BOT, BacktestConfig.ACCOUNT, config.strategy().create(config.parameters()),
                config.data().keySet());
        engine.start();

        int n = bars.size();
        EquityCurve.Builder points = new EquityCurve.Builder(n + 1);
        points.add(bars.getFirst().time(), portfolio.equity(), portfolio.grossExposure());
        Bar next = bars.getFirst();
        for (int i = 0; i < n; i++) {
            // Each bar is asked for once: a list read from a file makes it on the way.
            Bar bar = next;
            next = i + 1 < n ? bars.get(i + 1) : null;
            clock.set(bar.time());
            engine.onTime();
            venue.onBar(bar);
            engine.onBar(bar);
            if (next == null || !next.time().equals(bar.time())) {
                points.add(bar.time(), portfolio.equity(), portfolio.grossExposure());
            }
            if ((i & (PROGRESS_EVERY - 1)) == 0) {
                progress.update(i, n);
            }
        }
        progress.update(n, n);
        engine.stop();
        for (Order order : engine.openOrders()) {
            engine.execute(new CancelOrder(order.id(), "backtest ended"));
        }

        EquityCurve curve = points.build();
        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, recorder.trips().closedTrips(),
                portfolio.chargesPaid(), config.annualRiskFreeRate());
        Instant from = bars.getFirst().time();
        Instant to = bars.getLast().time();
        return new BacktestResult(config.strategy().name(), config.parameters().asMap(),
                List.copyOf(config.data().keySet()), from, to, config.initialCapital(), portfolio.equity(), metrics,
                curve, recorder.trips().closedTrips(), recorder.orders(), recorder.fills(), recorder.denials(),
                portfolio.openPositions(), n, recorder.eventCount(), recorder.eventStreamHash());
    }
}
