package com.quantdesk.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.domain.Side;
import com.quantdesk.kite.rest.CircuitBreaker;
import com.quantdesk.kite.rest.EndpointClass;
import com.quantdesk.kite.rest.InstrumentKey;
import com.quantdesk.kite.rest.KiteClient;
import com.quantdesk.kite.rest.KiteException;
import com.quantdesk.kite.rest.KiteOrder;
import com.quantdesk.kite.rest.KitePosition;
import com.quantdesk.kite.rest.KiteProduct;
import com.quantdesk.kite.rest.KiteQuote;
import com.quantdesk.kite.rest.KiteResilience;
import com.quantdesk.kite.rest.KiteTrade;
import com.quantdesk.kite.rest.KiteTransport;
import com.quantdesk.kite.rest.OrderPlacement;
import com.quantdesk.kite.rest.OrderRequest;
import com.quantdesk.kite.rest.OrderTag;
import com.quantdesk.kite.ticker.KiteTicker;
import com.quantdesk.kite.ticker.TickerMode;
import com.quantdesk.kite.ticker.TickerPacket;
import com.quantdesk.kite.ticker.TickerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A burst of orders through the real client while the sandbox injects 429s, 5xx after and before
 * handling, hangs past the client's timeout and latency, and drops the ticker: no order is placed
 * twice, every outcome the client reports agrees with the sandbox's order book, the orders circuit
 * opens and closes, the ticker comes back with every subscription. The faults are drawn from the
 * seed ({@code -Dqd.kite.seed=…}); a failure names it.
 */
class KiteFaultsSandboxIT {

    private static final long DEFAULT_SEED = 20_261_203L;
    private static final int ORDERS = 40;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(750);
    /** Hangs outlast the client's timeout. */
    private static final Duration HANG = Duration.ofMillis(1500);
    private static final Duration COOL_DOWN = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Three read attempts, breaker open after 3 failures for 2 s (virtual), lookups 100 ms after a lost answer. */
    private static final KiteResilience RESILIENCE = new KiteResilience(3, Duration.ofMillis(20),
            Duration.ofMillis(80), 3, COOL_DOWN, Duration.ofSeconds(2), Duration.ofMillis(100));
    private static final List<String> SYMBOLS = List.of("ITC", "SBIN", "WIPRO", "ONGC", "COALINDIA");

    /** What became of one order of the burst: the client's placement, or the exception it refused with. */
    private record Outcome(OrderRequest order, OrderPlacement placement, KiteException refusal) {

        String kind() {
            if (refusal != null) {
                return "Refused(" + refusal.errorType() + " " + refusal.httpStatus() + ")";
            }
            String cause = switch (placement) {
                case OrderPlacement.Placed p -> "";
                case OrderPlacement.Recovered r -> cause(r.cause());
                case OrderPlacement.NotPlaced n -> cause(n.cause());
                case OrderPlacement.Unknown u -> cause(u.cause()) + ", lookup " + cause(u.lookupFailure());
            };
            return placement.getClass().getSimpleName() + (cause.isEmpty() ? "" : "(" + cause + ")");
        }

        private static String cause(KiteException e) {
            return e.errorType() + " " + e.httpStatus();
        }
    }

    @Test
    void aBurstOfOrdersUnderFaultsPlacesEachAtMostOnceAndTheBookAgreesWithTheClient() throws Exception {
        String chosen = System.getProperty("qd.kite.seed", System.getenv("QD_KITE_SEED"));
        long seed = chosen == null || chosen.isBlank() ? DEFAULT_SEED : Long.parseLong(chosen.trim());
        try (KiteOnSandbox kite = KiteOnSandbox.start(seed, RESILIENCE, REQUEST_TIMEOUT)) {
            run(kite, seed);
        } catch (Throwable failure) {
            throw new AssertionError("KiteFaultsSandboxIT failed with seed " + seed + " (rerun with -Dqd.kite.seed="
                    + seed + "): " + failure.getMessage(), failure);
        }
    }

    private void run(KiteOnSandbox kite, long seed) {
        KiteClient client = kite.client;
        KiteTransport transport = kite.transport;
        FaultSwitches faults = kite.sandbox.faults();

        // The ticker: three instruments, one per mode.
        Map<TickerMode, Long> tokens = new LinkedHashMap<>();
        Map<InstrumentKey, KiteQuote> quotes = client.quote(List.of(InstrumentKey.nse("INFY"),
                InstrumentKey.nse("TCS"), InstrumentKey.nse("RELIANCE")));
        tokens.put(TickerMode.LTP, quotes.get(InstrumentKey.nse("INFY")).instrumentToken());
        tokens.put(TickerMode.QUOTE, quotes.get(InstrumentKey.nse("TCS")).instrumentToken());
        tokens.put(TickerMode.FULL, quotes.get(InstrumentKey.nse("RELIANCE")).instrumentToken());
        TickerRecorder recorder = new TickerRecorder();
        try (KiteTicker ticker = kite.ticker(recorder, Duration.ofSeconds(3))) {
            ticker.start();
            await().atMost(WAIT).until(() -> ticker.state() == TickerState.CONNECTED);
            tokens.forEach((mode, token) -> ticker.subscribe(mode, List.of(token)));

            // Limit orders rest 5% below the market: they stay open until cancelled.
            Map<String, Long> restingPrice = new TreeMap<>();
            Map<InstrumentKey, com.quantdesk.kite.rest.KiteLtp> ltps = client.ltp(SYMBOLS.stream()
                    .map(InstrumentKey::nse).toList());
            Map<String, Long> ticks = client.instruments("NSE").stream().collect(Collectors.toMap(
                    com.quantdesk.kite.rest.KiteInstrument::tradingsymbol,
                    com.quantdesk.kite.rest.KiteInstrument::tickSize));
            for (String symbol : SYMBOLS) {
                long tick = ticks.get(symbol);
                restingPrice.put(symbol, ltps.get(InstrumentKey.nse(symbol)).lastPrice() * 95 / 100 / tick * tick);
            }

            // The burst: first half with 5xx and hangs after the order was carried out, second half before.
            faults.reset().latency(Duration.ofMillis(10)).tooManyRequests(0.10).serverErrors(0.12, 503)
                    .hangs(0.08, HANG).afterHandling(true);
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            List<String> breakerStates = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                if (i == ORDERS / 2) {
                    faults.afterHandling(false);
                }
                if (i == 12 || i == 27) {
                    // Drop a connection both ends know of (the client may see its handshake answered a
                    // moment before the sandbox registers the connection).
                    await().atMost(WAIT).until(() -> ticker.state() == TickerState.CONNECTED
                            && kite.sandbox.tickerConnections() == 1);
                    kite.sandbox.dropTickerConnections();
                }
                kite.clock.advance(Duration.ofMillis(100)); // orders arrive ten a second
                String symbol = SYMBOLS.get(i % SYMBOLS.size());
                OrderTag tag = new OrderTag("burst" + i);
                OrderRequest order = i % 4 == 3
                        ? OrderRequest.limit(InstrumentKey.nse(symbol), Side.BUY, 2, restingPrice.get(symbol),
                                KiteProduct.MIS, tag)
                        : OrderRequest.market(InstrumentKey.nse(symbol), i % 2 == 0 ? Side.BUY : Side.SELL,
                                1 + i % 3, KiteProduct.MIS, tag);
                outcomes.put(order.tag().value(), place(client, order));
                breakerStates.add(transport.breakerState(EndpointClass.ORDERS).name().substring(0, 1));
            }
            faults.reset();
            kite.clock.advance(COOL_DOWN); // lets any breaker the burst left open half-open again

            Map<String, Long> tally = outcomes.values().stream().collect(Collectors.groupingBy(
                    o -> o.kind().replaceAll("\\(.*", ""), TreeMap::new, Collectors.counting()));
            System.out.printf("seed %d: %s%n  outcomes %s%n  orders breaker after each order %s%n", seed, tally,
                    outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().kind()).toList(),
                    String.join("", breakerStates));

            // Every outcome the client reported agrees with the book: placed ones are there once, refused
            // and not-placed ones are not, unknown ones either way.
            Map<String, List<KiteOrder>> book = byTag(client.orders());
            for (Map.Entry<String, Outcome> e : outcomes.entrySet()) {
                int copies = book.getOrDefault(e.getKey(), List.of()).size();
                Outcome outcome = e.getValue();
                String what = e.getKey() + " " + outcome.kind();
                if (outcome.refusal() != null) {
                    assertThat(copies).as(what).isZero();
                    continue;
                }
                switch (outcome.placement()) {
                    case OrderPlacement.Placed p -> {
                        assertThat(copies).as(what).isOne();
                        assertThat(book.get(e.getKey()).getFirst().orderId()).isEqualTo(p.orderId());
                    }
                    case OrderPlacement.Recovered r -> {
                        assertThat(copies).as(what).isOne();
                        assertThat(book.get(e.getKey()).getFirst().orderId()).isEqualTo(r.order().orderId());
                    }
                    case OrderPlacement.NotPlaced n -> assertThat(copies).as(what).isZero();
                    case OrderPlacement.Unknown u -> {
                        assertThat(copies).as(what).isLessThanOrEqualTo(1);
                        System.out.printf("  %s is unknown to the client; the book holds %d%n", what, copies);
                    }
                }
            }
            if (seed == DEFAULT_SEED) {
                assertThat(tally.keySet()).as("faults of every kind were injected: %s", tally)
                        .contains("Placed", "Refused", "NotPlaced", "Recovered");
            }

            // Reconcile by tag and place again what is certainly not in the book, with the same tag.
            for (Map.Entry<String, Outcome> e : outcomes.entrySet()) {
                Outcome outcome = e.getValue();
                boolean absent = outcome.refusal() != null || outcome.placement() instanceof OrderPlacement.NotPlaced
                        || outcome.placement() instanceof OrderPlacement.Unknown
                        && client.findOrderByTag(outcome.order().tag()).isEmpty();
                if (absent) {
                    assertThat(client.placeOrder(outcome.order())).isInstanceOf(OrderPlacement.Placed.class);
                }
            }

            // Cancel the resting limit orders under the same faults; what a lost answer left open is
            // cancelled again once the faults are off.
            Map<String, KiteOrder> resting = new TreeMap<>();
            await().atMost(WAIT).until(() -> {
                resting.clear();
                byTag(client.orders()).forEach((tag, list) -> {
                    if (list.getFirst().orderType() == com.quantdesk.core.domain.OrderType.LIMIT) {
                        resting.put(tag, list.getFirst());
                    }
                });
                return resting.values().stream().allMatch(o -> o.status().equals("OPEN"));
            });
            assertThat(resting).hasSize(ORDERS / 4);
            faults.reset().latency(Duration.ofMillis(10)).tooManyRequests(0.10).serverErrors(0.15, 503)
                    .hangs(0.10, HANG).afterHandling(true);
            List<String> cancels = new ArrayList<>();
            int n = 0;
            for (KiteOrder o : resting.values()) {
                faults.afterHandling(n++ % 2 == 0);
                kite.clock.advance(Duration.ofMillis(100));
                try {
                    assertThat(client.cancelOrder(o.orderId())).isEqualTo(o.orderId());
                    cancels.add(o.tag() + "=cancelled");
                } catch (KiteException e) {
                    cancels.add(o.tag() + "=" + e.errorType() + " " + e.httpStatus());
                }
            }
            faults.reset();
            kite.clock.advance(COOL_DOWN);
            System.out.printf("  cancels %s%n", cancels);
            for (KiteOrder o : resting.values()) {
                if (!client.orderHistory(o.orderId()).getLast().isTerminal()) {
                    assertThat(client.cancelOrder(o.orderId())).isEqualTo(o.orderId());
                }
            }

            // The orders circuit: a run of 5xx of each kind the sandbox answers (503 NetworkException,
            // 502 DataException, 500 GeneralException) opens it, it refuses without sending, and closes
            // after the cool-down.
            for (int status : List.of(503, 502, 500)) {
                breakerOpensAndCloses(kite, client, transport, faults, status);
            }

            // Every order ends in a known state, each exactly once, and the trades and positions agree.
            Map<String, List<KiteOrder>> settled = await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> byTag(client.orders()), b -> b.values().stream().flatMap(List::stream)
                            .allMatch(KiteOrder::isTerminal));
            for (String tag : outcomes.keySet()) {
                assertThat(settled.get(tag)).as(tag).hasSize(1);
                KiteOrder o = settled.get(tag).getFirst();
                boolean limit = o.orderType() == com.quantdesk.core.domain.OrderType.LIMIT;
                assertThat(o.status()).as(tag).isEqualTo(limit ? "CANCELLED" : "COMPLETE");
                assertThat(limit ? o.cancelledQuantity() : o.filledQuantity()).as(tag)
                        .isEqualTo(outcomes.get(tag).order().quantity());
            }
            assertThat(settled.keySet()).containsExactlyInAnyOrderElementsOf(
                    concat(outcomes.keySet(), List.of("breakTrial503", "breakTrial502", "breakTrial500")));
            List<KiteTrade> trades = client.trades();
            Map<String, Long> filled = trades.stream().collect(Collectors.groupingBy(t -> t.orderId().value(),
                    Collectors.summingLong(KiteTrade::quantity)));
            settled.values().forEach(list -> assertThat(filled.getOrDefault(list.getFirst().orderId().value(), 0L))
                    .isEqualTo(list.getFirst().filledQuantity()));
            Map<String, Long> net = new TreeMap<>();
            settled.values().forEach(list -> {
                KiteOrder o = list.getFirst();
                net.merge(o.tradingsymbol(), o.side() == Side.BUY ? o.filledQuantity() : -o.filledQuantity(),
                        Long::sum);
            });
            Map<String, Long> positions = client.positions().net().stream().filter(p -> p.product().equals("MIS"))
                    .collect(Collectors.toMap(KitePosition::tradingsymbol, KitePosition::quantity, Long::sum,
                            TreeMap::new));
            assertThat(positions).isEqualTo(net);

            // The ticker came back after each drop, with every instrument in its mode.
            await().atMost(WAIT).until(() -> ticker.state() == TickerState.CONNECTED);
            long last = recorder.connections.get();
            assertThat(last).as("connections, the first and one per drop: %s", recorder.reasons)
                    .isGreaterThanOrEqualTo(3);
            assertThat(ticker.subscriptions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    tokens.get(TickerMode.LTP), TickerMode.LTP, tokens.get(TickerMode.QUOTE), TickerMode.QUOTE,
                    tokens.get(TickerMode.FULL), TickerMode.FULL));
            tokens.forEach((mode, token) -> await().atMost(WAIT).until(() -> recorder.since(last, token).stream()
                    .anyMatch(kind(mode)::isInstance)));
            assertThat(recorder.orders).allSatisfy(u -> assertThat(settled).containsKey(u.tag()));
        }
    }

    private static void breakerOpensAndCloses(KiteOnSandbox kite, KiteClient client, KiteTransport transport,
                                              FaultSwitches faults, int status) {
        faults.reset().serverErrors(1, status);
        int failures = 0;
        while (transport.breakerState(EndpointClass.ORDERS) != CircuitBreaker.State.OPEN) {
            OrderRequest doomed = OrderRequest.market(InstrumentKey.nse("ITC"), Side.BUY, 1, KiteProduct.MIS,
                    new OrderTag("breakFail" + status + failures));
            // The answer is a 503 and the lookup fails as well: the client cannot know, and says so.
            assertThat(client.placeOrder(doomed)).isInstanceOf(OrderPlacement.Unknown.class);
            assertThat(++failures).as("placements answered %d until the breaker opens", status)
                    .isLessThanOrEqualTo(3);
        }
        faults.reset();
        OrderRequest refused = OrderRequest.market(InstrumentKey.nse("ITC"), Side.BUY, 1, KiteProduct.MIS,
                new OrderTag("breakRefused" + status));
        assertThatThrownBy(() -> client.placeOrder(refused)).isInstanceOfSatisfying(
                KiteException.CircuitOpenException.class, e -> {
                    assertThat(e.endpointClass()).isEqualTo(EndpointClass.ORDERS);
                    assertThat(e.isOutcomeUnknown()).isFalse();
                });

        kite.clock.advance(COOL_DOWN);
        await().atMost(WAIT).until(() -> transport.breakerState(EndpointClass.ORDERS)
                == CircuitBreaker.State.HALF_OPEN);
        assertThat(client.placeOrder(OrderRequest.market(InstrumentKey.nse("ITC"), Side.BUY, 1, KiteProduct.MIS,
                new OrderTag("breakTrial" + status)))).isInstanceOf(OrderPlacement.Placed.class);
        assertThat(transport.breakerState(EndpointClass.ORDERS)).isEqualTo(CircuitBreaker.State.CLOSED);
        // Neither the failed placements (refused before handling) nor the refused one reached the book.
        assertThat(client.orders()).extracting(KiteOrder::tag).noneMatch(t -> t.startsWith("breakFail")
                || t.startsWith("breakRefused"));
    }

    private static Outcome place(KiteClient client, OrderRequest order) {
        try {
            return new Outcome(order, client.placeOrder(order), null);
        } catch (KiteException refused) {
            return new Outcome(order, null, refused);
        }
    }

    private static Map<String, List<KiteOrder>> byTag(List<KiteOrder> orders) {
        return orders.stream().collect(Collectors.groupingBy(KiteOrder::tag, TreeMap::new, Collectors.toList()));
    }

    private static List<String> concat(java.util.Collection<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Class<? extends TickerPacket> kind(TickerMode mode) {
        return switch (mode) {
            case LTP -> TickerPacket.Ltp.class;
            case QUOTE -> TickerPacket.Quote.class;
            case FULL -> TickerPacket.Full.class;
        };
    }

}
