package com.quantdesk.backtest.metrics;

import com.quantdesk.core.domain.Paise;
import java.util.List;

/**
 * Win/loss statistics of closed trades, all on net P&amp;L (after charges), because a trade that
 * makes less than it pays in charges lost money.
 *
 * <p>A trade with a net P&amp;L of exactly zero is neither a win nor a loss, but it counts in the
 * win rate's denominator.
 *
 * @param winRate          wins over all trades; zero without trades
 * @param profitFactor     sum of wins over the absolute sum of losses; zero without wins, and
 *                         positive infinity with wins but no losses
 * @param averageWinPaise  mean net P&amp;L of the wins, rounded half-even; zero without wins
 * @param averageLossPaise mean net P&amp;L of the losses, rounded half-even; zero without losses
 */
record TradeStatistics(double winRate, double profitFactor, long averageWinPaise, long averageLossPaise) {

    /** Statistics of {@code trades}. */
    static TradeStatistics of(List<RoundTrip> trades) {
        long wins = 0;
        long losses = 0;
        long winSum = 0;
        long lossSum = 0;
        for (RoundTrip trade : trades) {
            long net = trade.netPnlPaise();
            if (net > 0) {
                wins++;
                winSum = Math.addExact(winSum, net);
            } else if (net < 0) {
                losses++;
                lossSum = Math.addExact(lossSum, net);
            }
        }
        double winRate = trades.isEmpty() ? 0 : (double) wins / trades.size();
        return new TradeStatistics(winRate, profitFactor(winSum, lossSum),
                average(winSum, wins), average(lossSum, losses));
    }

    private static double profitFactor(long winSum, long lossSum) {
        if (winSum == 0) {
            return 0;
        }
        if (lossSum == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return (double) winSum / -lossSum;
    }

    private static long average(long sum, long count) {
        return count == 0 ? 0 : Paise.scale(sum, 1, count);
    }
}
