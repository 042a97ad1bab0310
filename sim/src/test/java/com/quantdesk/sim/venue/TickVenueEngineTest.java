package com.quantdesk.sim.venue;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The venue's reports drive the real engine through legal order transitions. */
class TickVenueEngineTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Instrument INFY_SPEC = Instrument.nseEquity("INFY", 5, "Information Technology");
    private static final Instant T0 = Instant.parse("2026-01-05T03:45:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final List<Event> events = new ArrayList<>();
    private final TickVenue venue = new TickVenue(
            TickVenueConfig.defaults().withAckLatency(Duration.ofMillis(100)).withFillLatency(Duration.ofMillis(50)),
            s -> s.equals(INFY) ? Optional.of(INFY_SPEC) : Optional.empty(), FillCharges.NONE);
    private final TradingEngine engine = new TradingEngine(clock, venue,
            s -> s.equals(INFY) ? Optional.of(INFY_SPEC) : Optional.empty());

    TickVenueEngineTest() {
        engine.addListener(events::add);
        engine.openAccount(ACC, 1_00_00_000_00L);
    }

    private void at(long millis, Runnable step) {
        clock.set(T0.plusMillis(millis));
        step.run();
    }

    private OrderId buy(long quantity) {
        return engine.execute(new SubmitOrder(OrderRequest.market(ACC, BotId.NONE, INFY, Side.BUY, quantity,
                Product.MIS))).orderId().orElseThrow();
    }

    @Test
    void anOrderIsAcceptedThenFilledInTheEngine() {
        at(0, () -> venue.onTick(new Tick(INFY, T0, 1000_00, 100)));
        OrderId id = buy(10);

        at(100, () -> venue.advance(T0.plusMillis(100)));
        at(120, () -> venue.onTick(new Tick(INFY, T0.plusMillis(120), 1001_00, 100)));
        at(170, () -> venue.advance(T0.plusMillis(170)));

        assertThat(events).filteredOn(OrderAccepted.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((OrderAccepted) e).venueOrderId()).isEqualTo("SIM-" + id.value()));
        assertThat(events).filteredOn(OrderFilled.class::isInstance).singleElement().satisfies(e -> {
            OrderFilled fill = (OrderFilled) e;
            assertThat(fill.price()).isEqualTo(1001_00);
            assertThat(fill.quantity()).isEqualTo(10);
            assertThat(fill.time()).isEqualTo(T0.plusMillis(170));
        });
        assertThat(engine.openOrders()).isEmpty();
    }

    @Test
    void aCancelBeforeTheAcknowledgementCancelsTheSubmittedOrder() {
        at(0, () -> venue.onTick(new Tick(INFY, T0, 1000_00, 100)));
        OrderId id = buy(10);
        engine.execute(new CancelOrder(id, "changed my mind"));

        at(100, () -> venue.advance(T0.plusMillis(100)));

        assertThat(events).filteredOn(OrderAccepted.class::isInstance).isEmpty();
        assertThat(events).filteredOn(OrderCancelled.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((OrderCancelled) e).orderId()).isEqualTo(id));
        assertThat(engine.openOrders()).isEmpty();
    }

    @Test
    void aRestoredPartlyFilledOrderCompletesInTheRecoveredEngine() {
        at(0, () -> venue.onTick(new Tick(INFY, T0, 1000_00, 100)));
        OrderId id = buy(100);
        at(100, () -> venue.advance(T0.plusMillis(100)));
        Order accepted = engine.openOrder(id).orElseThrow();
        assertThat(accepted.status()).isEqualTo(OrderStatus.ACCEPTED);

        TickVenue restarted = new TickVenue(TickVenueConfig.defaults(),
                s -> s.equals(INFY) ? Optional.of(INFY_SPEC) : Optional.empty(), FillCharges.NONE);
        restarted.connect(engine.reports());
        restarted.restore(accepted);
        at(200, () -> restarted.onTick(new Tick(INFY, T0.plusMillis(200), 1002_00, 100)));

        assertThat(engine.openOrders()).isEmpty();
        assertThat(events).filteredOn(OrderFilled.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((OrderFilled) e).fillId()).isEqualTo("SIM-F" + id.value() + "-100"));
    }
}
