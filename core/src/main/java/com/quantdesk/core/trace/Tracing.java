package com.quantdesk.core.trace;

import java.util.Objects;

/**
 * The process's tracer. Like the logging MDC it stands beside, it is process-wide: the composition
 * root installs one at start (or leaves {@link Tracer#NONE}); everything else only reads it.
 */
public final class Tracing {

    private static volatile Tracer tracer = Tracer.NONE;

    private Tracing() {
    }

    /** The installed tracer ({@link Tracer#NONE} unless the application installed one). */
    public static Tracer tracer() {
        return tracer;
    }

    /** Installs the process's tracer; {@link Tracer#NONE} turns tracing off again. */
    public static void install(Tracer installed) {
        tracer = Objects.requireNonNull(installed, "tracer");
    }
}
