package com.quantdesk.backtest.research;

import java.time.Instant;

/**
 * One walk-forward step: optimise on {@code [inSampleFrom, inSampleTo)}, then trade the chosen
 * parameters on {@code [outOfSampleFrom, outOfSampleTo)}, which starts where the in-sample span ends.
 *
 * @param number          1 for the first window
 * @param inSampleFrom    first instant of the in-sample span
 * @param inSampleTo      end of the in-sample span, exclusive; also the out-of-sample start
 * @param outOfSampleTo   end of the out-of-sample span, exclusive
 */
public record Window(int number, Instant inSampleFrom, Instant inSampleTo, Instant outOfSampleTo) {

    /** Validates the order of the bounds. */
    public Window {
        if (!(inSampleFrom.isBefore(inSampleTo) && inSampleTo.isBefore(outOfSampleTo))) {
            throw new IllegalArgumentException("window bounds out of order: " + inSampleFrom + ", " + inSampleTo
                    + ", " + outOfSampleTo);
        }
    }

    /** First instant of the out-of-sample span. */
    public Instant outOfSampleFrom() {
        return inSampleTo;
    }
}
