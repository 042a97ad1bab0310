package com.quantdesk.backtest.research;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.BacktestRunner;
import com.quantdesk.backtest.metrics.EquityPoint;
import com.quantdesk.backtest.metrics.PerformanceAnalyzer;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.PreTradeCheck;
import com.quantdesk.core.engine.PreTradeDecision;
import com.quantdesk.core.strategy.StrategyParameters;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Walk-forward analysis: for each {@link Window}, sweep the grid on the in-sample bars, then run the
 * best combination on the out-of-sample bars.
 *
 * <p>An out-of-sample run is a normal backtest over the window's in-sample <em>and</em>
 * out-of-sample bars, in which a pre-trade check denies every order before the out-of-sample start
 * (reason {@code WARM_UP}): indicators are warm when trading begins, and nothing is traded on bars
 * the parameters were chosen on. It starts flat with the equity the previous window ended with
 * (the first with the template's capital); a position still open at its last bar is valued at that
 * bar's close and not carried into the next window. Windows whose sweep ranks nothing stay in cash.
 *
 * @param sweep       the grid, ranking and template run; its template holds all the data
 * @param inSample    length of the in-sample spans (of the first one when anchored)
 * @param outOfSample length of the out-of-sample spans
 * @param anchored    whether every in-sample span starts at the beginning of the data
 */
public record WalkForward(Sweep sweep, Period inSample, Period outOfSample, boolean anchored) {

    /** The reason code of orders denied during an out-of-sample run's warm-up. */
    public static final String WARM_UP = "WARM_UP";

    /** The windows over the template's data, as {@link Windows#cut} cuts them. */
    public List<Window> windows() {
        Instant first = null;
        Instant last = null;
        for (List<Bar> bars : sweep.template().data().values()) {
            if (!bars.isEmpty()) {
                first = first == null || bars.getFirst().time().isBefore(first) ? bars.getFirst().time() : first;
                last = last == null || bars.getLast().time().isAfter(last) ? bars.getLast().time() : last;
            }
        }
        return Windows.cut(first, last, inSample, outOfSample, anchored);
    }

    /** Runs every window; each sweep uses {@code threads} threads. */
    public WalkForwardResult run(int threads, BacktestRunner.Progress progress) {
        BacktestConfig template = sweep.template();
        List<Window> windows = windows();
        long perWindow = sweep.grid().size();
        long total = perWindow * windows.size();
        long equity = template.initialCapital();
        List<WindowResult> results = new ArrayList<>();
        for (Window window : windows) {
            long offset = perWindow * (window.number() - 1);
            BacktestRunner.Progress inWindow = (done, all) -> progress.update(offset + done, total);
            WindowResult result = runWindow(window, equity, threads, inWindow);
            results.add(result);
            equity = result.endEquity();
        }
        progress.update(total, total);
        return summarise(results);
    }

    private WindowResult runWindow(Window window, long equity, int threads, BacktestRunner.Progress progress) {
        BacktestConfig template = sweep.template();
        Map<Symbol, List<Bar>> inSample = slice(template.data(), window.inSampleFrom(), window.inSampleTo());
        Map<Symbol, List<Bar>> warmAndTrade = slice(template.data(), window.inSampleFrom(), window.outOfSampleTo());
        Optional<SweepRow> best = Optional.empty();
        int ran = 0;
        int skipped = 0;
        if (!inSample.isEmpty()) {
            SweepResult swept = new Sweep(withData(template, inSample, template.initialCapital(), template.checks(),
                    template.parameters()),
                    sweep.fixed(), sweep.grid(), sweep.metric(), sweep.minTrades()).run(threads, progress);
            best = swept.best();
            ran = swept.rows().size();
            skipped = swept.skipped().size();
        }
        if (best.isEmpty() || warmAndTrade.isEmpty()) {
            List<EquityPoint> flat = flatCurve(warmAndTrade, window, equity);
            return new WindowResult(window, best.map(SweepRow::parameters), best.map(b -> sweep.metric().of(b.metrics()))
                    .orElse(Double.NaN), analyze(flat, List.of(), 0), equity, equity, ran, skipped, flat, List.of());
        }
        SweepRow chosen = best.get();
        List<PreTradeCheck> checks = new ArrayList<>(template.checks());
        Instant tradingFrom = window.outOfSampleFrom();
        checks.add((request, view) -> view.now().isBefore(tradingFrom)
                ? PreTradeDecision.deny(WARM_UP, "warm-up bars before " + tradingFrom + " are not traded")
                : PreTradeDecision.ALLOW);
        BacktestResult run = new BacktestRunner().run(withData(template, warmAndTrade, equity, checks,
                sweep.resolve(chosen.parameters())));
        List<EquityPoint> curve = outOfSampleCurve(run.curve(), tradingFrom, equity);
        return new WindowResult(window, Optional.of(chosen.parameters()), sweep.metric().of(chosen.metrics()),
                analyze(curve, run.trades(), run.metrics().totalChargesPaise()), equity, run.finalEquity(), ran,
                skipped, curve, run.trades());
    }

    /** The run's points from the out-of-sample start on, after the last warm-up point (still flat). */
    private static List<EquityPoint> outOfSampleCurve(List<EquityPoint> full, Instant tradingFrom, long equity) {
        List<EquityPoint> curve = new ArrayList<>();
        EquityPoint lastWarmUp = full.getFirst();
        for (EquityPoint p : full) {
            if (p.time().isBefore(tradingFrom)) {
                lastWarmUp = p;
            } else {
                curve.add(p);
            }
        }
        if (lastWarmUp.equityPaise() != equity) {
            throw new IllegalStateException("equity moved during the warm-up: " + lastWarmUp + " from " + equity);
        }
        curve.addFirst(lastWarmUp);
        return curve;
    }

    /** Cash all through the window: the last bar time before it, then every bar time in it. */
    private static List<EquityPoint> flatCurve(Map<Symbol, List<Bar>> data, Window window, long equity) {
        TreeSet<Instant> times = new TreeSet<>();
        data.values().forEach(bars -> bars.forEach(b -> times.add(b.time())));
        List<EquityPoint> curve = new ArrayList<>();
        Instant before = times.lower(window.outOfSampleFrom());
        curve.add(new EquityPoint(before != null ? before : window.inSampleTo(), equity, 0));
        times.tailSet(window.outOfSampleFrom()).forEach(t -> curve.add(new EquityPoint(t, equity, 0)));
        return curve;
    }

    private WalkForwardResult summarise(List<WindowResult> results) {
        List<EquityPoint> stitched = new ArrayList<>();
        List<RoundTrip> trades = new ArrayList<>();
        long charges = 0;
        double inSampleSum = 0;
        double outOfSampleSum = 0;
        int chosen = 0;
        for (WindowResult r : results) {
            // Each window's first point is the previous window's last equity: keep one of the two.
            stitched.addAll(stitched.isEmpty() ? r.curve() : r.curve().subList(1, r.curve().size()));
            trades.addAll(r.trades());
            charges = Math.addExact(charges, r.outOfSample().totalChargesPaise());
            if (r.chosen().isPresent()) {
                inSampleSum += r.inSampleMetric();
                outOfSampleSum += sweep.metric().of(r.outOfSample());
                chosen++;
            }
        }
        double efficiency = chosen > 0 && inSampleSum > 0 ? outOfSampleSum / inSampleSum : Double.NaN;
        return new WalkForwardResult(sweep.template().strategy().name(), sweep.metric(), inSample, outOfSample, anchored, results,
                stitched, analyze(stitched, trades, charges), efficiency);
    }

    private PerformanceMetrics analyze(List<EquityPoint> curve, List<RoundTrip> trades, long charges) {
        return PerformanceAnalyzer.analyze(curve, trades, charges, sweep.template().annualRiskFreeRate());
    }

    private static BacktestConfig withData(BacktestConfig t, Map<Symbol, List<Bar>> data, long capital,
                                           List<PreTradeCheck> checks, StrategyParameters parameters) {
        return new BacktestConfig(t.strategy(), parameters, data, t.instruments(), capital, t.venue(),
                t.chargeRates(), t.annualRiskFreeRate(), checks, t.riskLimits());
    }

    /** The bars in {@code [from, to)} of each symbol that has any there; views, not copies. */
    static Map<Symbol, List<Bar>> slice(Map<Symbol, List<Bar>> data, Instant from, Instant to) {
        Map<Symbol, List<Bar>> sliced = new LinkedHashMap<>();
        data.forEach((symbol, bars) -> {
            List<Bar> part = bars.subList(lowerBound(bars, from), lowerBound(bars, to));
            if (!part.isEmpty()) {
                sliced.put(symbol, part);
            }
        });
        return sliced;
    }

    private static int lowerBound(List<Bar> bars, Instant time) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).time().isBefore(time)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
