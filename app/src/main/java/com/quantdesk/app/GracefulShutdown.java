package com.quantdesk.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a process in a fixed order within one time budget: each step (stop taking requests, drain
 * the engine, flush the journal, close the broker session) runs on its own thread and gets what is
 * left of the budget. A step that overruns is left running and logged, and the next one starts, so
 * a hung database cannot keep the broker session open; once the budget is spent the remaining steps
 * are logged as not run. The last line is {@code shutdown complete} or {@code shutdown incomplete}.
 */
final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private record Step(String name, Runnable action) {
    }

    private final Duration timeout;
    private final List<Step> steps = new ArrayList<>();

    /** A shutdown that must be over within {@code timeout}. */
    GracefulShutdown(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the shutdown timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    /** Adds the next step; steps run in the order added. */
    GracefulShutdown then(String name, Runnable action) {
        steps.add(new Step(Objects.requireNonNull(name, "name"), Objects.requireNonNull(action, "action")));
        return this;
    }

    /**
     * Runs the steps in order and returns when they are done or the budget is spent.
     *
     * @return the names of the steps that did not finish (overran, failed or never started)
     */
    List<String> run() {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        LOG.info("shutdown: stopping ({} steps, at most {} s)", steps.size(), timeout.toSeconds());
        List<String> unfinished = new ArrayList<>();
        for (Step step : steps) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.warn("shutdown: '{}' not run: the {} s budget is spent", step.name(), timeout.toSeconds());
                unfinished.add(step.name());
                continue;
            }
            if (!runStep(step, left)) {
                unfinished.add(step.name());
            }
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        if (unfinished.isEmpty()) {
            LOG.info("shutdown complete in {} ms", tookMillis);
        } else {
            LOG.warn("shutdown incomplete after {} ms; not finished: {}", tookMillis, String.join(", ", unfinished));
        }
        return unfinished;
    }

    private boolean runStep(Step step, long budgetNanos) {
        long started = System.nanoTime();
        Throwable[] failure = new Throwable[1];
        Thread worker = Thread.ofPlatform().name("shutdown: " + step.name()).daemon(true).start(() -> {
            try {
                step.action().run();
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        });
        try {
            worker.join(Duration.ofNanos(budgetNanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        if (worker.isAlive()) {
            LOG.warn("shutdown: '{}' did not finish within {} ms; left running", step.name(), budgetNanos / 1_000_000);
            return false;
        }
        if (failure[0] != null) {
            LOG.warn("shutdown: '{}' failed after {} ms: {}", step.name(), tookMillis, failure[0].toString(),
                    failure[0]);
            return false;
        }
        LOG.info("shutdown: '{}' done in {} ms", step.name(), tookMillis);
        return true;
    }
}
