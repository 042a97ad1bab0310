package com.quantdesk.backtest;

import com.quantdesk.backtest.metrics.EquityPoint;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.portfolio.PositionSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a backtest produced. Money in paise.
 *
 * @param strategy        strategy name
 * @param parameters      resolved parameters, in declaration order
 * @param symbols         symbols traded
 * @param from            time of the first bar
 * @param to              time of the last bar
 * @param initialCapital  starting cash
 * @param finalEquity     cash plus open positions at the last close
 * @param metrics         performance statistics
 * @param curve           equity after each bar time
 * @param trades          closed round trips
 * @param orders          every order with its final state
 * @param fills           every fill
 * @param denialsByReason pre-trade denials counted by reason code
 * @param openPositions   positions still open at the end, marked at the last close
 * @param barCount        bars processed
 * @param eventCount      engine events emitted
 * @param eventStreamHash SHA-256 over the engine's event stream
 */
public record BacktestResult(String strategy, Map<String, Double> parameters, List<Symbol> symbols, Instant from,
                             Instant to, long initialCapital, long finalEquity, PerformanceMetrics metrics,
                             List<EquityPoint> curve, List<RoundTrip> trades, List<OrderRecord> orders,
                             List<FillRecord> fills, Map<String, Long> denialsByReason,
                             List<PositionSnapshot> openPositions, long barCount, long eventCount,
                             String eventStreamHash) {
}
