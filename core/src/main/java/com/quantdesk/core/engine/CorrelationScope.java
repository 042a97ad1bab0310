package com.quantdesk.core.engine;

import com.quantdesk.core.trace.Tracer;
import com.quantdesk.core.trace.Tracing;
import org.slf4j.MDC;

/**
 * The correlation id and trace context of the work in hand, carried across the engine's thread hops.
 * The id lives in SLF4J's MDC (key {@value #MDC_KEY}), the trace context in the installed
 * {@link Tracer}. An HTTP request sets them; a command keeps its caller's on the engine thread, and
 * the journal commit and the venue call it leads to run under the same. Work nobody asked for over
 * HTTP (bars, ticks, timers) has none.
 */
public final class CorrelationScope {

    /** The MDC key, and the field name of JSON log lines. */
    public static final String MDC_KEY = "correlation_id";

    private CorrelationScope() {
    }

    /** What one thread's work hands to another: its correlation id and trace context (either may be null). */
    public record Handoff(String correlationId, Object trace) {

        /** {@code task} to run on another thread under this handoff's id and trace context. */
        public Runnable wrap(Runnable task) {
            return () -> run(task);
        }

        /** Runs {@code task} on this thread under the handoff's id and trace context. */
        public void run(Runnable task) {
            runWith(correlationId, () -> {
                try (Tracer.Scope ignored = Tracing.tracer().enter(trace)) {
                    task.run();
                }
            });
        }
    }

    /** The current thread's correlation id, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** The current thread's id and trace context, or null when it has neither. */
    public static Handoff capture() {
        String id = current();
        Object trace = Tracing.tracer().capture();
        return id == null && trace == null ? null : new Handoff(id, trace);
    }

    /** {@code task} bound to the caller's id and trace context, to run on another thread; itself when there are none. */
    public static Runnable carry(Runnable task) {
        return carry(capture(), task);
    }

    /** {@code task} bound to {@code handoff}; itself when {@code handoff} is null. */
    public static Runnable carry(Handoff handoff, Runnable task) {
        return handoff == null ? task : handoff.wrap(task);
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
