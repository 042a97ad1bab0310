package com.quantdesk.sim.data;

import java.util.Locale;

/** What the CSV reader does with a row whose open or close lies outside its high-low range. */
public enum OhlcFix {

    /** The row is bad: it fails the read (or is skipped when skipping bad rows). */
    STRICT,

    /** High and low are widened to contain open and close; the rows so fixed are counted. */
    CLAMP;

    /** The option's spelling on the command line: {@code strict} or {@code clamp}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
