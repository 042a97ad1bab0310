package com.quantdesk.app;

import com.quantdesk.app.trace.TraceExport;

/** Entry point of the runnable jar. */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        LogSetup.start();
        // picocli looks for Groovy on the class path when its factory class is set up (a failed class
        // lookup through the jar, ~7 ms of every start); there is no Groovy here to find.
        System.setProperty("picocli.disable.closures", "true");
        // Traces only when OTEL_EXPORTER_OTLP_ENDPOINT is set; the batch left is sent on the way out.
        TraceExport.install(System.getenv()).ifPresent(provider -> Runtime.getRuntime().addShutdownHook(
                new Thread(provider::close, "trace-flush")));
        System.exit(QuantdeskCommand.execute(args));
    }
}
