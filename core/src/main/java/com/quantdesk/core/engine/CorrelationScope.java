package com.quantdesk.core.engine;

import org.slf4j.MDC;

/**
 * The correlation id of the work in hand, as the log sees it (SLF4J's MDC, key {@value #MDC_KEY}).
 * An HTTP request sets it; the engine's thread hops carry it: a command keeps its caller's id on the
 * engine thread, and the journal commit and the venue call it leads to log under the same id. Work
 * nobody asked for over HTTP (bars, ticks, timers) has none.
 */
public final class CorrelationScope {

    /** The MDC key, and the field name of JSON log lines. */
    public static final String MDC_KEY = "correlation_id";

    private CorrelationScope() {
    }

    /** The current thread's correlation id, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** {@code task} bound to the caller's correlation id, to run on another thread; itself when there is none. */
    public static Runnable carry(Runnable task) {
        return carry(current(), task);
    }

    /** {@code task} bound to {@code id}, to run on any thread; itself when {@code id} is null. */
    public static Runnable carry(String id, Runnable task) {
        if (id == null) {
            return task;
        }
        return () -> runWith(id, task);
    }

    /** Runs {@code task} with {@code id} as the correlation id, then puts back the thread's own. */
    public static void runWith(String id, Runnable task) {
        String outer = current();
        if (id == null || id.equals(outer)) {
            task.run();
            return;
        }
        MDC.put(MDC_KEY, id);
        try {
            task.run();
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }
}
