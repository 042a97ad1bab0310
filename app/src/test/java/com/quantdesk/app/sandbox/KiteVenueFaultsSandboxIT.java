package com.quantdesk.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.kite.live.KiteVenue;
import com.quantdesk.kite.live.Reconciliation;
import com.quantdesk.kite.rest.KiteResilience;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A burst of orders through the engine and {@link KiteVenue} while the sandbox answers with 5xx after
 * carrying the request out, 429s and hangs past the request timeout: no order is placed twice, and
 * once the faults stop and a reconciliation has run every order has ended in a known state whose
 * fills are exactly the sandbox's trades.
 */
class KiteVenueFaultsSandboxIT {

    private static final KiteResilience RESILIENCE = new KiteResilience(3, Duration.ofMillis(20),
            Duration.ofMillis(100), 1_000, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(50));
    private static final AccountId ACCOUNT = new AccountId("main");
    private static final int ORDERS = 40;

    @Test
    void aBurstUnderFaultsIsPlacedAtMostOnceAndEveryOrderEndsKnown() throws Exception {
        long seed = Long.getLong("qd.kite.seed", System.nanoTime());
        System.out.println("KiteVenueFaultsSandboxIT: -Dqd.kite.seed=" + seed);
        try (KiteOnSandbox kite = KiteOnSandbox.start(seed, RESILIENCE, Duration.ofMillis(800))) {
            Map<OrderId, String> ends = new ConcurrentHashMap<>();
            List<String> fills = new CopyOnWriteArrayList<>();
            Instrument infy = Instrument.nseEquity("INFY", 5, "IT");
            KiteVenue[] venue = new KiteVenue[1];
            EngineLoop[] loop = new EngineLoop[1];
            venue[0] = new KiteVenue(kite.client, ACCOUNT, task -> loop[0].execute(e -> task.run()),
                    (order, quantity, price, date) -> 0, -1, refused -> { }, InstantSource.system());
            TradingEngine engine = new TradingEngine(InstantSource.system(), venue[0],
                    symbol -> symbol.equals(infy.symbol()) ? Optional.of(infy) : Optional.empty());
            venue[0].attach(engine);
            engine.addListener(venue[0]);
            engine.addListener((Event event) -> {
                switch (event) {
                    case OrderFilled f -> {
                        fills.add(f.fillId() + " QD" + f.orderId().value() + " " + f.quantity() + " @ " + f.price());
                        if (f.remaining() == 0) {
                            ends.put(f.orderId(), "FILLED");
                        }
                    }
                    case OrderRejected r -> ends.put(r.orderId(), "REJECTED " + r.reasonCode());
                    case OrderCancelled c -> ends.put(c.orderId(), "CANCELLED");
                    default -> {
                    }
                }
            });
            engine.openAccount(ACCOUNT, 100_000_000_00L);
            engine.start();
            loop[0] = new EngineLoop(engine, "engine");
            try {
                kite.sandbox.faults().serverErrors(0.2, 503).tooManyRequests(0.1).hangs(0.1, Duration.ofSeconds(2))
                        .afterHandling(true);
                for (int i = 0; i < ORDERS; i++) {
                    OrderRequest order = OrderRequest.market(ACCOUNT, BotId.NONE, Symbol.of("INFY"),
                            i % 2 == 0 ? Side.BUY : Side.SELL, 1 + (i % 3), Product.MIS);
                    loop[0].call(e -> e.execute(new SubmitOrder(order))).get();
                }
                // Wait for the order thread to have answered every placement, then stop the faults.
                await().atMost(Duration.ofSeconds(120)).until(() -> venueIdle(loop[0], venue[0]));
                kite.sandbox.faults().reset();

                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    List<Reconciliation.Result> done = new CopyOnWriteArrayList<>();
                    loop[0].execute(e -> venue[0].reconcileLater(Duration.ZERO, done::add));
                    await().atMost(Duration.ofSeconds(20)).until(() -> !done.isEmpty());
                    return loop[0].call(e -> e.openOrders().isEmpty()).get();
                });

                List<Map<String, Object>> ours = kite.sandbox.orders().stream()
                        .filter(o -> o.get("tag") instanceof String t && t.startsWith("QD")).toList();
                List<String> tags = ours.stream().map(o -> (String) o.get("tag")).toList();
                assertThat(new HashSet<>(tags)).as("no order placed twice").hasSize(tags.size());
                assertThat(ends).as("every order ended").hasSize(ORDERS);
                Map<String, String> statusAtSandbox = new java.util.HashMap<>();
                ours.forEach(o -> statusAtSandbox.put((String) o.get("tag"), (String) o.get("status")));
                ends.forEach((id, end) -> {
                    String status = statusAtSandbox.get("QD" + id.value());
                    if (status != null) {
                        assertThat(end).as("order %s, %s at the sandbox", id, status)
                                .isEqualTo(status.equals("COMPLETE") ? "FILLED" : "REJECTED BROKER_REJECTED");
                    } else {
                        assertThat(end).as("order %s never reached the sandbox", id).startsWith("REJECTED");
                    }
                });
                Map<String, String> tagOf = new java.util.HashMap<>();
                ours.forEach(o -> tagOf.put((String) o.get("order_id"), (String) o.get("tag")));
                List<String> trades = kite.sandbox.trades().stream()
                        .filter(t -> tagOf.containsKey((String) t.get("order_id")))
                        .map(t -> t.get("trade_id") + " " + tagOf.get((String) t.get("order_id")) + " "
                                + t.get("quantity") + " @ " + new java.math.BigDecimal(t.get("average_price").toString())
                                .movePointRight(2).longValueExact())
                        .toList();
                assertThat(fills).containsExactlyInAnyOrderElementsOf(trades);
                Map<String, Long> byEnd = new java.util.TreeMap<>();
                ends.values().forEach(end -> byEnd.merge(end, 1L, Long::sum));
                System.out.println("KiteVenueFaultsSandboxIT: " + ORDERS + " orders, " + tags.size()
                        + " reached the sandbox, ends " + byEnd);
            } finally {
                loop[0].close();
                venue[0].close();
            }
        }
    }

    @Test
    void onStartAnOrderOfOursWorkingAtKiteButUnknownHereIsCancelledAndTagsBeyondTheJournalStopTheStart()
            throws Exception {
        try (KiteOnSandbox kite = KiteOnSandbox.start(5, RESILIENCE, Duration.ofSeconds(2))) {
            Instrument infy = Instrument.nseEquity("INFY", 5, "IT");
            KiteVenue venue = new KiteVenue(kite.client, ACCOUNT, Runnable::run, (order, q, p, d) -> 0, -1,
                    refused -> { }, InstantSource.system());
            TradingEngine engine = new TradingEngine(InstantSource.system(), venue,
                    symbol -> symbol.equals(infy.symbol()) ? Optional.of(infy) : Optional.empty());
            venue.attach(engine);
            engine.addListener(venue);
            engine.openAccount(ACCOUNT, 100_000_000_00L);
            engine.start();
            // Commands take numbers from the same sequence as orders: two of them hand out 1 and 2.
            for (int i = 0; i < 2; i++) {
                engine.execute(new com.quantdesk.core.command.SetTradingState(ACCOUNT,
                        com.quantdesk.core.risk.TradingState.ACTIVE, "test", "test"));
            }
            long known = engine.nextId() - 1;
            assertThat(known).as("an order number the journal has handed out").isPositive();
            var infyKey = com.quantdesk.kite.rest.InstrumentKey.nse("INFY");
            var orphan = kite.client.placeOrder(com.quantdesk.kite.rest.OrderRequest.limit(infyKey, Side.BUY, 1,
                    100_00, com.quantdesk.kite.rest.KiteProduct.MIS, new com.quantdesk.kite.rest.OrderTag("QD" + known)));

            Reconciliation.Result result = venue.reconcile();

            assertThat(result.orphans()).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> kite.sandbox.orders().stream()
                    .anyMatch(o -> ("QD" + known).equals(o.get("tag")) && "CANCELLED".equals(o.get("status"))));
            assertThat(orphan).isInstanceOf(com.quantdesk.kite.rest.OrderPlacement.Placed.class);

            kite.client.placeOrder(com.quantdesk.kite.rest.OrderRequest.limit(infyKey, Side.BUY, 1, 100_00,
                    com.quantdesk.kite.rest.KiteProduct.MIS, new com.quantdesk.kite.rest.OrderTag("QD" + (known + 50))));
            org.assertj.core.api.Assertions.assertThatThrownBy(venue::reconcile)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Kite's book has orders tagged [QD" + (known + 50) + "] beyond this "
                            + "journal's last order number " + known);
            venue.close();
        }
    }

    /** Whether no placement is on its way (all answered, settled or left for reconciliation). */
    private static boolean venueIdle(EngineLoop loop, KiteVenue venue) throws Exception {
        return loop.call(e -> e.openOrders().stream().noneMatch(o -> venue.isPlacing(o.id()))).get();
    }
}
