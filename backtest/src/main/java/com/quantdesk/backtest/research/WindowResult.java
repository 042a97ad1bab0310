package com.quantdesk.backtest.research;

import com.quantdesk.backtest.metrics.EquityPoint;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.metrics.RoundTrip;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one walk-forward window produced.
 *
 * @param window         its spans
 * @param chosen         the parameters the in-sample sweep ranked first, or empty when none qualified
 * @param inSampleMetric the ranking metric of the chosen parameters in sample; NaN without a choice
 * @param outOfSample    performance of the out-of-sample run alone
 * @param startEquity    equity the out-of-sample run started with, paise
 * @param endEquity      equity at its last bar, open positions marked at the close, paise
 * @param ran            combinations the in-sample sweep ran
 * @param skipped        combinations the strategy refused
 * @param curve          the out-of-sample equity, starting with a point at {@code startEquity}
 * @param trades         round trips closed out of sample
 */
public record WindowResult(Window window, Optional<Map<String, Double>> chosen, double inSampleMetric,
                           PerformanceMetrics outOfSample, long startEquity, long endEquity, int ran, int skipped,
                           List<EquityPoint> curve, List<RoundTrip> trades) {

    /** Copies the lists. */
    public WindowResult {
        curve = List.copyOf(curve);
        trades = List.copyOf(trades);
    }
}
