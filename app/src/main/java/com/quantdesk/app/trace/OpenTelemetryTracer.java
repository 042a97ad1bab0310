package com.quantdesk.app.trace;

import com.quantdesk.core.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Objects;

/** Core's tracing port on the OpenTelemetry API: spans, and the context carried between threads. */
public final class OpenTelemetryTracer implements Tracer {

    private final io.opentelemetry.api.trace.Tracer tracer;

    /** Spans made with {@code tracer}. */
    public OpenTelemetryTracer(io.opentelemetry.api.trace.Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    @Override
    public Object capture() {
        Context current = Context.current();
        // Nothing to carry when no span is current: the hop then costs nothing.
        return io.opentelemetry.api.trace.Span.fromContext(current).getSpanContext().isValid() ? current : null;
    }

    @Override
    public Scope enter(Object captured) {
        if (captured == null) {
            return Scope.NOTHING;
        }
        io.opentelemetry.context.Scope scope = ((Context) captured).makeCurrent();
        return scope::close;
    }

    @Override
    public Tracer.Span startSpan(String name) {
        return new OtelSpan(tracer.spanBuilder(name).startSpan());
    }

    private record OtelSpan(io.opentelemetry.api.trace.Span span) implements Tracer.Span {
        @Override
        public Tracer.Span attribute(String key, String value) {
            span.setAttribute(key, value);
            return this;
        }

        @Override
        public Tracer.Span rename(String name) {
            span.updateName(name);
            return this;
        }

        @Override
        public Scope makeCurrent() {
            io.opentelemetry.context.Scope scope = span.makeCurrent();
            return scope::close;
        }

        @Override
        public void end() {
            span.end();
        }
    }
}
