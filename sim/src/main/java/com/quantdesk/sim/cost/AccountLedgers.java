package com.quantdesk.sim.cost;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.time.MarketTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link ChargesLedger} per account: a broker bills each account on its own, so each account's
 * first delivery sell of a symbol in a day pays its DP charge, whatever another account did.
 *
 * <p>A restart rebuilds the ledgers from the journal ({@link #replay}): every fill is booked again in
 * order, so an order partly filled before the restart is charged after it as the one order it is
 * (brokerage cap, per-order rounding), and the day's DP bookings are known. Engine thread only.
 */
public final class AccountLedgers {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLedgers.class);

    private final NseCostModel model;
    private final Map<AccountId, ChargesLedger> ledgers = new HashMap<>();

    /** Ledgers charging with {@code model}. */
    public AccountLedgers(NseCostModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The account's ledger, created on first use. */
    public ChargesLedger of(AccountId account) {
        return ledgers.computeIfAbsent(account, a -> new ChargesLedger(model));
    }

    /**
     * Recovery: books a journaled fill again, in journal order. A charge computed now that differs
     * from the journaled one (the rates changed between the runs) is logged; the journal's figure
     * stands in the accounts.
     */
    public void replay(Event event) {
        if (event instanceof OrderFilled fill) {
            long charged = of(fill.account()).chargeForFill(fill.orderId(), fill.symbol(), fill.side(), fill.product(),
                    fill.quantity(), fill.price(), MarketTime.tradeDate(fill.time()));
            if (charged != fill.charges()) {
                LOG.warn("charges of fill {} ({}) come to {} paise now but {} were booked; rates changed?",
                        fill.fillId(), fill.orderId(), charged, fill.charges());
            }
        }
        forgetFinished(event);
    }

    /** Forgets an order once an event finishes it, in its account's ledger; an engine listener. */
    public void forgetFinished(Event event) {
        switch (event) {
            case OrderFilled f when f.remaining() == 0 -> of(f.account()).forget(f.orderId());
            case OrderCancelled c -> of(c.account()).forget(c.orderId());
            case OrderRejected r -> of(r.account()).forget(r.orderId());
            default -> { }
        }
    }
}
