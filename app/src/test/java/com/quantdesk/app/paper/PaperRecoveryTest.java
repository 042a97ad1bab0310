package com.quantdesk.app.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.ActivateKillSwitch;
import com.quantdesk.core.command.OpenAccount;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.sim.venue.FillCharges;
import com.quantdesk.sim.venue.TickVenue;
import com.quantdesk.sim.venue.TickVenueConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a paper process settles the orders that were in flight when it stopped. */
class PaperRecoveryTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final AccountId OTHER = AccountId.of("other");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Instant NOW = Instant.parse("2026-01-05T05:00:00Z");

    /** A venue the test answers by hand, which takes cancel requests and never confirms them. */
    private static final class SilentCancels implements BrokerGateway {
        private ExecutionReports reports;
        private final List<Order> cancelRequests = new ArrayList<>();

        @Override
        public void connect(ExecutionReports executionReports) {
            reports = executionReports;
        }

        @Override
        public void submit(Order order) {
        }

        @Override
        public void cancel(Order order) {
            cancelRequests.add(order);
        }

        @Override
        public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
        }

        ExecutionReports reports() {
            return reports;
        }

        List<Order> cancelRequests() {
            return cancelRequests;
        }
    }

    /** An engine whose venue acknowledges but never confirms a cancel: the "crash" comes in between. */
    private static final class Before {
        final List<Event> journal = new ArrayList<>();
        final SilentCancels venue = new SilentCancels();
        final TradingEngine engine = new TradingEngine(new ManualClock(NOW), venue,
                InstrumentMaster.nifty50()::find);

        Before() {
            engine.addListener(journal::add);
            engine.execute(new OpenAccount(ACC, 10_00_000_00L, "ops"));
            engine.execute(new OpenAccount(OTHER, 10_00_000_00L, "ops"));
            engine.start();
        }

        OrderId rest(AccountId account, long price, boolean acknowledged) {
            OrderId id = engine.execute(new SubmitOrder(OrderRequest.limit(account, BotId.NONE, INFY, Side.BUY, 5, price,
                    Product.CNC))).orderId().orElseThrow();
            if (acknowledged) {
                venue.reports().accepted(id, "V" + id.value());
            }
            return id;
        }
    }

    @Test
    void aKillSwitchBeforeTheStopLeavesNoWorkingOrderInItsScopeAfterTheRestart() {
        Before before = new Before();
        OrderId working = before.rest(ACC, 1_400_00, true);
        OrderId partly = before.rest(ACC, 1_401_00, true);
        before.venue.reports().filled(partly, "T1", 2, 1_401_00, 0);
        OrderId sentOnly = before.rest(ACC, 1_402_00, false);
        OrderId outside = before.rest(OTHER, 1_403_00, true);
        before.engine.execute(new ActivateKillSwitch(ACC, BotId.NONE, "runaway", false, "risk-officer"));
        assertThat(before.venue.cancelRequests()).hasSize(3); // asked for, never confirmed: then the crash

        TickVenue venue = new TickVenue(TickVenueConfig.defaults().withAckLatency(Duration.ZERO),
                InstrumentMaster.nifty50()::find, FillCharges.NONE);
        TradingEngine restarted = new TradingEngine(new ManualClock(NOW.plusSeconds(60)), venue,
                InstrumentMaster.nifty50()::find);
        List<Event> after = new ArrayList<>();
        before.journal.forEach(restarted::recover);
        restarted.addListener(after::add);
        restarted.start();

        Market.Settled settled = PaperRecovery.settle(restarted, Optional.of(venue));

        assertThat(settled).isEqualTo(new Market.Settled(3, 1, 0));
        assertThat(restarted.tradingState(ACC)).isEqualTo(TradingState.HALTED);
        assertThat(restarted.openOrders()).extracting(Order::id).containsExactly(outside);
        assertThat(venue.knows(working)).isFalse();
        assertThat(venue.knows(partly)).isFalse();
        assertThat(venue.knows(sentOnly)).isFalse();
        assertThat(venue.knows(outside)).isTrue();
        assertThat(after).filteredOn(OrderCancelled.class::isInstance).map(e -> (OrderCancelled) e)
                .extracting(OrderCancelled::orderId).containsExactly(working, partly, sentOnly);
        assertThat(after).filteredOn(OrderCancelled.class::isInstance).map(e -> ((OrderCancelled) e).reason())
                .allSatisfy(reason -> assertThat(reason).contains("kill switch: runaway"));
        assertThat(restarted.portfolio(ACC).quantity(INFY)).isEqualTo(2);
    }

    @Test
    void anOrderSentButNeverAcknowledgedIsRejectedNotResent() {
        Before before = new Before();
        OrderId sentOnly = before.rest(ACC, 1_400_00, false);
        TickVenue venue = new TickVenue(TickVenueConfig.defaults(), InstrumentMaster.nifty50()::find,
                FillCharges.NONE);
        TradingEngine restarted = new TradingEngine(new ManualClock(NOW), venue, InstrumentMaster.nifty50()::find);
        List<Event> after = new ArrayList<>();
        before.journal.forEach(restarted::recover);
        restarted.addListener(after::add);
        restarted.start();

        assertThat(PaperRecovery.settle(restarted, Optional.of(venue))).isEqualTo(new Market.Settled(0, 0, 1));
        assertThat(after).singleElement().isInstanceOfSatisfying(OrderRejected.class, r -> {
            assertThat(r.orderId()).isEqualTo(sentOnly);
            assertThat(r.reasonCode()).isEqualTo("VENUE_NOT_ACKNOWLEDGED");
        });
        assertThat(venue.knows(sentOnly)).isFalse();
        assertThat(restarted.openOrders()).isEmpty();
        assertThat(before.engine.openOrder(sentOnly)).hasValueSatisfying(o -> assertThat(o.status())
                .isEqualTo(OrderStatus.SUBMITTED));
    }
}
