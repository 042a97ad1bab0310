package com.quantdesk.backtest.research;

import com.quantdesk.backtest.metrics.EquityPoint;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import java.time.Period;
import java.util.List;

/**
 * A walk-forward analysis.
 *
 * @param strategy     strategy name
 * @param metric       what each in-sample sweep ranked by
 * @param inSample     in-sample span
 * @param outOfSample  out-of-sample span
 * @param anchored     whether in-sample spans all start at the beginning of the data
 * @param windows      every window, in time order
 * @param curve        the out-of-sample equity of all windows stitched together
 * @param overall      performance of the stitched curve and every out-of-sample trade
 * @param efficiency   mean out-of-sample metric over mean in-sample metric of the windows that chose
 *                     parameters; NaN when that in-sample mean is not positive
 */
public record WalkForwardResult(String strategy, RankMetric metric, Period inSample, Period outOfSample,
                                boolean anchored, List<WindowResult> windows, List<EquityPoint> curve,
                                PerformanceMetrics overall, double efficiency) {

    /** Copies the lists. */
    public WalkForwardResult {
        windows = List.copyOf(windows);
        curve = List.copyOf(curve);
    }
}
