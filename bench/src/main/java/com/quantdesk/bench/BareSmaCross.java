package com.quantdesk.bench;

/**
 * The SMA-crossover signals of {@code SmaCrossStrategy} computed the fastest obvious way: one tight
 * loop over a primitive array of closes, no objects, no engine. It is the yardstick the end-to-end
 * backtest is compared with.
 *
 * <p>Same semantics as the strategy: exact paise sums of the last {@code fast} and {@code slow}
 * closes, the sign of {@code fastSum * slow - slowSum * fast} (exact arithmetic), a tie carries the
 * last non-zero sign forward, a cross up buys when flat and a cross down sells when long. Each
 * buy or sell counts as one order.
 */
public final class BareSmaCross {

    private BareSmaCross() {
    }

    /** Orders the long-only crossover places over {@code closes}. */
    public static long orders(long[] closes, int fast, int slow) {
        long fastSum = 0;
        long slowSum = 0;
        int lastSign = 0;
        boolean holding = false;
        long orders = 0;
        for (int i = 0; i < closes.length; i++) {
            long close = closes[i];
            fastSum += close - (i >= fast ? closes[i - fast] : 0);
            slowSum += close - (i >= slow ? closes[i - slow] : 0);
            if (i < slow - 1) {
                continue;
            }
            int sign = Long.signum(Math.subtractExact(Math.multiplyExact(fastSum, slow),
                    Math.multiplyExact(slowSum, fast)));
            if (sign > 0 && lastSign < 0 && !holding) {
                holding = true;
                orders++;
            } else if (sign < 0 && lastSign > 0 && holding) {
                holding = false;
                orders++;
            }
            if (sign != 0) {
                lastSign = sign;
            }
        }
        return orders;
    }
}
