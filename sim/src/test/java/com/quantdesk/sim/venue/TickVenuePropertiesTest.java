package com.quantdesk.sim.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.sim.venue.RecordedReports.Accepted;
import com.quantdesk.sim.venue.RecordedReports.Cancelled;
import com.quantdesk.sim.venue.RecordedReports.Filled;
import com.quantdesk.sim.venue.RecordedReports.Modified;
import com.quantdesk.sim.venue.RecordedReports.Rejected;
import com.quantdesk.sim.venue.RecordedReports.Report;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class TickVenuePropertiesTest {

    private static final AccountId ACC = AccountId.of("acc");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Instrument INFY_SPEC = Instrument.nseEquity("INFY", 5, "Information Technology");
    private static final Instant START = Instant.parse("2026-01-05T03:45:00Z");
    private static final long BASE_PRICE = 1000_00;

    /** One thing that happens to the venue. */
    sealed interface Step {
    }

    record TickStep(long gapMillis, int priceTicks, long size) implements Step {
    }

    /** An order; {@code offTick} moves its prices a paisa off the tick, so the venue rejects it. */
    record SubmitStep(Side side, OrderType type, Validity validity, long quantity, int limitTicks, int triggerTicks,
                      boolean offTick) implements Step {
    }

    record CancelStep(int pick) implements Step {
    }

    record ModifyStep(int pick, long quantity, int limitTicks) implements Step {
    }

    record AdvanceStep(long gapMillis) implements Step {
    }

    record NextDayStep() implements Step {
    }

    @Test
    void neverOverfillsNeverExceedsTheTickCapAndEndsEveryOrderExactlyOnce() {
        qt().withExamples(300).forAll(configs(), steps()).checkAssert(TickVenuePropertiesTest::run);
    }

    private static void run(TickVenueConfig config, List<Step> steps) {
        long[] matchedThisTick = new long[1];
        RecordedReports reports = new RecordedReports();
        TickVenue venue = new TickVenue(config, s -> s.equals(INFY) ? Optional.of(INFY_SPEC) : Optional.empty(),
                (order, quantity, price, date) -> {
                    matchedThisTick[0] += quantity;
                    return 0;
                });
        venue.connect(reports);
        List<Order> sent = new ArrayList<>();
        Instant time = START;

        for (Step step : steps) {
            switch (step) {
                case TickStep t -> {
                    time = time.plusMillis(t.gapMillis());
                    matchedThisTick[0] = 0;
                    venue.onTick(new Tick(INFY, time, BASE_PRICE + 5L * t.priceTicks(), t.size()));
                    assertThat(matchedThisTick[0]).isLessThanOrEqualTo(cap(config, t.size()));
                }
                case SubmitStep s -> {
                    Order order = Order.create(OrderId.of(sent.size() + 1L), request(s), time);
                    sent.add(order);
                    venue.submit(order);
                }
                case CancelStep c -> {
                    if (!sent.isEmpty()) {
                        venue.cancel(sent.get(c.pick() % sent.size()));
                    }
                }
                case ModifyStep m -> {
                    if (!sent.isEmpty()) {
                        Order order = sent.get(m.pick() % sent.size());
                        venue.modify(order, m.quantity(), order.type().needsLimitPrice()
                                ? BASE_PRICE + 5L * m.limitTicks() : 0, 0);
                    }
                }
                case AdvanceStep a -> {
                    time = time.plusMillis(a.gapMillis());
                    venue.advance(time);
                }
                case NextDayStep d -> {
                    time = time.plus(Duration.ofDays(1));
                    venue.advance(time);
                }
            }
            checkLifecycles(sent, reports.all(), venue, false);
        }

        // Two later days: an order sent before the venue saw any time belongs to the first of them.
        venue.advance(time.plus(Duration.ofDays(2)));
        venue.advance(time.plus(Duration.ofDays(3)));
        checkLifecycles(sent, reports.all(), venue, true);
    }

    /**
     * Per order: accepted at most once and before any fill, fills within its quantity, nothing after
     * its terminal report, and a terminal report exactly when the venue no longer holds it.
     */
    private static void checkLifecycles(List<Order> sent, List<Report> all, TickVenue venue, boolean settled) {
        Map<OrderId, List<Report>> byOrder = new HashMap<>();
        for (Report report : all) {
            byOrder.computeIfAbsent(report.id(), id -> new ArrayList<>()).add(report);
        }
        for (Order order : sent) {
            long quantity = order.request().quantity();
            long filled = 0;
            boolean accepted = false;
            int terminal = 0;
            for (Report report : byOrder.getOrDefault(order.id(), List.of())) {
                assertThat(terminal).as("report after the end of %s: %s", order.id(), report).isZero();
                switch (report) {
                    case Accepted a -> {
                        assertThat(accepted).as("second acceptance of %s", order.id()).isFalse();
                        accepted = true;
                    }
                    case Rejected r -> terminal++;
                    case Cancelled c -> terminal++;
                    case Modified m -> quantity = m.quantity();
                    case Filled f -> {
                        assertThat(accepted).as("fill before acceptance of %s", order.id()).isTrue();
                        filled += f.quantity();
                        assertThat(filled).as("filled quantity of %s", order.id()).isLessThanOrEqualTo(quantity);
                        if (filled == quantity) {
                            terminal++;
                        }
                    }
                }
            }
            boolean working = venue.workingOrders(INFY).contains(order.id());
            if (settled || working) {
                assertThat(terminal).as("terminal reports of %s (working: %s)", order.id(), working)
                        .isEqualTo(working ? 0 : 1);
            }
            if (terminal == 1) {
                assertThat(venue.knows(order.id())).isFalse();
            }
        }
        if (settled) {
            assertThat(venue.workingOrderCount()).isZero();
        }
    }

    private static long cap(TickVenueConfig config, long size) {
        if (size == 0) {
            return 0;
        }
        if (config.volumeParticipation() == 0) {
            return Long.MAX_VALUE;
        }
        return BigDecimal.valueOf(config.volumeParticipation()).multiply(BigDecimal.valueOf(size))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static OrderRequest request(SubmitStep s) {
        long offset = s.offTick() ? 1 : 0;
        long limit = s.type().needsLimitPrice() ? BASE_PRICE + 5L * s.limitTicks() + offset : 0;
        long trigger = s.type().needsTriggerPrice() ? BASE_PRICE + 5L * s.triggerTicks() + offset : 0;
        return new OrderRequest(ACC, BotId.NONE, INFY, s.side(), s.type(), Product.MIS, s.validity(), s.quantity(),
                limit, trigger, 0, "");
    }

    static Gen<TickVenueConfig> configs() {
        return longs().between(0, 1_500).zip(longs().between(0, 1_500), integers().between(0, 50),
                arbitrary().pick(0.0, 0.1, 0.25, 0.29, 0.5, 1.0), arbitrary().pick(0, 10),
                (ack, fill, slippage, participation, band) -> new TickVenueConfig(Duration.ofMillis(ack),
                        Duration.ofMillis(fill), slippage, participation, band));
    }

    static Gen<List<Step>> steps() {
        Gen<Integer> ticks = integers().between(-30, 30);
        Gen<Step> tick = longs().between(0, 2_000).zip(ticks, longs().between(0, 400), TickStep::new);
        Gen<SubmitStep> order = arbitrary().enumValues(Side.class).zip(arbitrary().enumValues(OrderType.class),
                arbitrary().enumValues(Validity.class), longs().between(1, 300),
                (side, type, validity, quantity) -> new SubmitStep(side, type, validity, quantity, 0, 0, false));
        Gen<Step> submit = order.zip(ticks, ticks, integers().between(0, 9).map(i -> i == 0),
                (o, limit, trigger, offTick) -> new SubmitStep(o.side(), o.type(), o.validity(), o.quantity(), limit,
                        trigger, offTick));
        Gen<Step> cancel = integers().between(0, 1_000).map(CancelStep::new);
        Gen<Step> modify = integers().between(0, 1_000).zip(longs().between(0, 300), ticks, ModifyStep::new);
        Gen<Step> advance = longs().between(0, 3_000).map(AdvanceStep::new);
        Gen<Step> nextDay = Generate.constant(new NextDayStep());
        Gen<Step> step = Generate.frequency(List.of(Pair.of(10, tick), Pair.of(5, submit), Pair.of(1, cancel),
                Pair.of(1, modify), Pair.of(3, advance), Pair.of(1, nextDay)));
        return lists().of(step).ofSizeBetween(10, 80);
    }
}
