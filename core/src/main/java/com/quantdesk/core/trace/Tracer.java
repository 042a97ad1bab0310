package com.quantdesk.core.trace;

/**
 * The port to a tracing system (OpenTelemetry in the application), so core and the adapters below the
 * server can open spans and carry trace context across threads without depending on one. {@link #NONE}
 * does nothing and costs nothing; it is what backtests and tests without tracing get.
 */
public interface Tracer {

    /** A tracer that records nothing. */
    Tracer NONE = new Tracer() {
        @Override
        public Object capture() {
            return null;
        }

        @Override
        public Scope enter(Object captured) {
            return Scope.NOTHING;
        }

        @Override
        public Span startSpan(String name) {
            return Span.NOTHING;
        }
    };

    /** The calling thread's trace context, opaque, to {@link #enter} on another thread; null when there is none. */
    Object capture();

    /** Makes a captured context current on this thread until the scope closes; null enters nothing. */
    Scope enter(Object captured);

    /** Starts a span, a child of the current context's span (a new trace when there is none). */
    Span startSpan(String name);

    /** A context made current; closing restores the one before. Close on the thread that entered. */
    interface Scope extends AutoCloseable {
        /** A scope that restores nothing. */
        Scope NOTHING = () -> { };

        @Override
        void close();
    }

    /** A span in progress. */
    interface Span {
        /** A span that records nothing. */
        Span NOTHING = new Span() {
            @Override
            public Span attribute(String key, String value) {
                return this;
            }

            @Override
            public Span rename(String name) {
                return this;
            }

            @Override
            public Scope makeCurrent() {
                return Scope.NOTHING;
            }

            @Override
            public void end() {
            }
        };

        /** Adds a string attribute. */
        Span attribute(String key, String value);

        /** Gives the span the name it should keep (e.g. the matched route once it is known). */
        Span rename(String name);

        /** Makes this span the current context of the calling thread until the scope closes. */
        Scope makeCurrent();

        /** Ends the span; any thread. */
        void end();
    }
}
