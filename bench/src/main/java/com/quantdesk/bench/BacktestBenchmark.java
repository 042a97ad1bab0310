package com.quantdesk.bench;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.BacktestRunner;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.venue.VenueConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bars per second of the SMA-crossover backtest over one million bars, end to end, next to a bare
 * loop computing the same signals over arrays of the same closes in the same run.
 *
 * <p>One operation is one bar, so JMH's {@code ops/s} is bars per second. {@code endToEnd} is a
 * whole {@code BacktestRunner.run}: merging the series, the replay loop through venue, engine,
 * portfolio and strategy, NSE charges on every fill, the run recorder, and the metrics at the end.
 * {@code bareLoop} is the crossover alone over {@code long[]} closes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class BacktestBenchmark {

    /** Bars in one run, over all symbols. */
    public static final int BARS = 1_000_000;

    static final int FAST = 10;
    static final int SLOW = 30;
    static final int QUANTITY = 10;

    /** Symbols the million bars are split over (1 to 10, dividing a million). */
    @Param("1")
    public int symbols;

    private BenchMarket market;
    private BacktestConfig config;

    /** Generates the bars once and checks that both benchmarks see the same signals. */
    @Setup(Level.Trial)
    public void setUp() {
        market = BenchMarket.generate(symbols, BARS);
        config = config(market);
        long bareOrders = bareLoop();
        int engineOrders = new BacktestRunner().run(config).orders().size();
        if (bareOrders != engineOrders) {
            throw new IllegalStateException("the bare loop places " + bareOrders + " orders, the backtest "
                    + engineOrders + ": they no longer compute the same signals");
        }
    }

    /** The whole backtest of one million bars. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public BacktestResult endToEnd() {
        return new BacktestRunner().run(config);
    }

    /** The same signals over primitive arrays; returns the number of orders. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public long bareLoop() {
        long orders = 0;
        for (long[] closes : market.closes()) {
            orders += BareSmaCross.orders(closes, FAST, SLOW);
        }
        return orders;
    }

    /** The backtest the benchmarks run: sma-cross 10/30 × 10 shares, NSE charges, default venue. */
    static BacktestConfig config(BenchMarket market) {
        StrategyParameters parameters = StrategyParameters.resolve(SmaCrossStrategy.DESCRIPTOR.parameters(),
                Map.of("fast", Integer.toString(FAST), "slow", Integer.toString(SLOW),
                        "qty", Integer.toString(QUANTITY)));
        return new BacktestConfig(SmaCrossStrategy.DESCRIPTOR, parameters, market.bars(), market.instruments(),
                100_000_000L * 100, VenueConfig.defaults(), Optional.of(ChargeRates.zerodhaNse()), 0.065,
                List.of());
    }
}
