package com.quantdesk.core.journal;

import com.quantdesk.core.engine.EngineView;
import com.quantdesk.core.engine.PreTradeCheck;
import com.quantdesk.core.engine.PreTradeDecision;
import com.quantdesk.core.order.OrderRequest;
import java.util.Objects;

/**
 * Fails closed: while the journal cannot commit, every new order is denied, because an order that
 * cannot be made durable must not be sent. Trading resumes by itself when the journal is healthy.
 */
public final class JournalHealthCheck implements PreTradeCheck {

    private final EventJournal journal;

    /** A check against {@code journal}. */
    public JournalHealthCheck(EventJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public PreTradeDecision check(OrderRequest request, EngineView view) {
        return journal.isHealthy()
                ? PreTradeDecision.ALLOW
                : PreTradeDecision.deny("ORDER_JOURNAL_UNAVAILABLE",
                        "the journal's database is unreachable; new orders are refused until it is back");
    }
}
