package com.quantdesk.app.paper;

import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.server.MarketView;
import com.quantdesk.server.TradingRuntime;
import com.quantdesk.store.Store;

/** A paper runtime as the HTTP server sees it. */
public final class PaperTrading implements TradingRuntime {

    private final PaperRuntime runtime;

    /** @param runtime the running paper process */
    public PaperTrading(PaperRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public EngineLoop engine() {
        return runtime.loop();
    }

    @Override
    public Store store() {
        return runtime.store();
    }

    @Override
    public RiskEngine risk() {
        return runtime.risk();
    }

    @Override
    public MarketView market() {
        return runtime.marketBoard();
    }

    @Override
    public String mode() {
        return "paper";
    }

    @Override
    public boolean marketDataFresh() {
        return runtime.marketDataFresh();
    }
}
