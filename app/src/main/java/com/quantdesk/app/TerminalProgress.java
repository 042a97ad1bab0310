package com.quantdesk.app;

import com.quantdesk.backtest.BacktestRunner;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar for long runs: it appears only once a run has taken more than a second
 * and only when a terminal is attached, so short runs and redirected output stay clean.
 */
final class TerminalProgress implements BacktestRunner.Progress, AutoCloseable {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final boolean enabled;
    private final String task;
    private final String unit;
    private final long started = System.nanoTime();
    private ProgressBar bar;

    TerminalProgress(boolean wanted, PrintWriter err) {
        this(wanted, "Backtest", " bars");
    }

    /** A bar for {@code task} counting in {@code unit} (e.g. {@code " runs"}); it shows the ETA. */
    TerminalProgress(boolean wanted, String task, String unit) {
        this.enabled = wanted && System.console() != null;
        this.task = task;
        this.unit = unit;
    }

    @Override
    public void update(long done, long total) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - started < SHOW_AFTER_NANOS) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(unit, 1).build();
        }
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
