package com.quantdesk.app;

import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.server.TradingRuntime;

/** The process as the {@code paper} command composes it, for tests in other packages. */
public final class Compositions {

    private Compositions() {
    }

    /** What {@code quantdesk paper} hands the HTTP server for {@code runtime}, without scheduled backups. */
    public static TradingRuntime paper(PaperRuntime runtime) {
        return new PaperCommand().trading(runtime);
    }
}
