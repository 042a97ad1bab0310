package com.quantdesk.core.risk;

import com.quantdesk.core.indicator.Atr;

/** The risk engine's mutable bookkeeping, owned by the engine thread. */
final class RiskState {

    private RiskState() {
    }

    /** Per account: the session, its starting equity, order rates and reject history. */
    static final class Account {
        long sessionDay = Long.MIN_VALUE;
        long sessionStartEquity;
        boolean dailyLossBreached;
        long squaredOffDay = Long.MIN_VALUE;
        long ordersDay = Long.MIN_VALUE;
        int ordersToday;
        final RateWindow perSecond;
        final RateWindow perMinute;
        final RateWindow rejects;
        /** The account's limits as of {@code limitsVersion} of the configuration (the engine refreshes them). */
        RiskLimits limits;
        int limitsVersion = -1;
        /** Duplicate-guard keys and the engine-clock millisecond they were last submitted. */
        final java.util.Map<Object, Long> recent = new java.util.HashMap<>();

        Account(RiskLimits limits) {
            perSecond = new RateWindow(limits.maxOrdersPerSecond() + 1);
            perMinute = new RateWindow(limits.maxOrdersPerMinute() + 1);
            rejects = new RateWindow(Math.max(1, limits.rejectSpikeCount()));
        }
    }

    /**
     * Per symbol: the trade day of its last bar, that bar's close, the previous session's close (the
     * band's reference on {@code day}), which close is journaled, and the ATR (for unstopped orders).
     */
    static final class SymbolState {
        final Atr atr;
        long day = Long.MIN_VALUE;
        long lastClose;
        long previousClose;
        private long recordedDay = Long.MIN_VALUE;
        private long recordedClose;

        SymbolState(int atrPeriod) {
            this.atr = new Atr(atrPeriod);
        }

        void close(long close) {
            lastClose = close;
        }

        /** Whether the close of {@code day} as it stands now is journaled. */
        boolean closeRecorded() {
            return recordedDay == day && recordedClose == lastClose;
        }

        long recordedDay() {
            return recordedDay;
        }

        long recordedClose() {
            return recordedClose;
        }

        void markRecorded() {
            recordedDay = day;
            recordedClose = lastClose;
        }

        /** Recovery: the journaled close of {@code closeDay}, rolling over from the day before as a bar would. */
        void restoreClose(long closeDay, long close) {
            if (closeDay != day) {
                previousClose = day < closeDay && day != Long.MIN_VALUE ? lastClose : 0;
            }
            day = closeDay;
            lastClose = close;
            markRecorded();
        }

        /** The price band's reference on trade day {@code today}: the last close of an earlier day. */
        long referenceFor(long today) {
            return day == today ? previousClose : day < today ? lastClose : 0;
        }
    }

    /** Per bot: orders placed today. */
    static final class Bot {
        long day = Long.MIN_VALUE;
        int ordersToday;
    }
}
