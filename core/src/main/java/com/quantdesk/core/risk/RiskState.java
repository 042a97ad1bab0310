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
        /** Duplicate-guard keys and the engine-clock millisecond they were last submitted. */
        final java.util.Map<Object, Long> recent = new java.util.HashMap<>();

        Account(RiskLimits limits) {
            perSecond = new RateWindow(limits.maxOrdersPerSecond() + 1);
            perMinute = new RateWindow(limits.maxOrdersPerMinute() + 1);
            rejects = new RateWindow(Math.max(1, limits.rejectSpikeCount()));
        }
    }

    /** Per symbol: previous session's close (for the band) and the ATR (for unstopped orders). */
    static final class SymbolState {
        final Atr atr;
        long day = Long.MIN_VALUE;
        long lastClose;
        long previousClose;

        SymbolState(int atrPeriod) {
            this.atr = new Atr(atrPeriod);
        }
    }

    /** Per bot: orders placed today. */
    static final class Bot {
        long day = Long.MIN_VALUE;
        int ordersToday;
    }
}
