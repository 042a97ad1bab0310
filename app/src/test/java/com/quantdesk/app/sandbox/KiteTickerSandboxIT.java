package com.quantdesk.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.domain.Side;
import com.quantdesk.kite.rest.InstrumentKey;
import com.quantdesk.kite.rest.KiteOrder;
import com.quantdesk.kite.rest.KiteOrderId;
import com.quantdesk.kite.rest.KiteProduct;
import com.quantdesk.kite.rest.KiteQuote;
import com.quantdesk.kite.rest.KiteResilience;
import com.quantdesk.kite.rest.OrderPlacement;
import com.quantdesk.kite.rest.OrderRequest;
import com.quantdesk.kite.rest.OrderTag;
import com.quantdesk.kite.ticker.KiteTicker;
import com.quantdesk.kite.ticker.OrderUpdate;
import com.quantdesk.kite.ticker.SkippedBytes;
import com.quantdesk.kite.ticker.TickerConfig;
import com.quantdesk.kite.ticker.TickerMode;
import com.quantdesk.kite.ticker.TickerPacket;
import com.quantdesk.kite.ticker.TickerState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Kite ticker client against the sandbox's ticker. */
class KiteTickerSandboxIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final KiteResilience RESILIENCE = new KiteResilience(3, Duration.ofMillis(20),
            Duration.ofMillis(100), 1_000, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(50));

    static KiteOnSandbox kite;
    static KiteTicker ticker;
    static final TickerRecorder recorder = new TickerRecorder();
    static Map<TickerMode, InstrumentKey> instruments;
    static Map<TickerMode, Long> tokens;

    @BeforeAll
    static void start() {
        kite = KiteOnSandbox.start(7, RESILIENCE, Duration.ofSeconds(5));
        instruments = Map.of(TickerMode.LTP, InstrumentKey.nse("INFY"), TickerMode.QUOTE, InstrumentKey.nse("TCS"),
                TickerMode.FULL, InstrumentKey.nse("RELIANCE"));
        Map<InstrumentKey, KiteQuote> quotes = kite.client.quote(instruments.values());
        tokens = Map.of(TickerMode.LTP, quotes.get(instruments.get(TickerMode.LTP)).instrumentToken(),
                TickerMode.QUOTE, quotes.get(instruments.get(TickerMode.QUOTE)).instrumentToken(),
                TickerMode.FULL, quotes.get(instruments.get(TickerMode.FULL)).instrumentToken());
        ticker = kite.ticker(recorder, Duration.ofSeconds(3));
        ticker.start();
        await().atMost(WAIT).until(() -> ticker.state() == TickerState.CONNECTED);
        tokens.forEach((mode, token) -> ticker.subscribe(mode, List.of(token)));
        awaitPacketsInTheirModes(1);
    }

    @AfterAll
    static void stop() {
        if (ticker != null) {
            ticker.close();
        }
        kite.close();
    }

    @Test
    void eachModeStreamsItsPacketKindWithThePricesOfTheRestQuotes() {
        tokens.forEach((mode, token) -> assertThat(recorder.since(1, token)).last().isInstanceOf(kind(mode)));

        for (TickerMode mode : TickerMode.values()) {
            InstrumentKey key = instruments.get(mode);
            long token = tokens.get(mode);
            // The market steps every 100 ms: the latest packet and the REST quote meet between two steps.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                TickerPacket last = recorder.since(1, token).getLast();
                KiteQuote quote = kite.client.quote(List.of(key)).get(key);
                assertThat(last.lastPrice()).isEqualTo(quote.lastPrice())
                        .isEqualTo(kite.client.ltp(List.of(key)).get(key).lastPrice());
                if (last instanceof TickerPacket.Quote q) {
                    assertQuoteFields(q, quote);
                }
                if (last instanceof TickerPacket.Full f) {
                    assertQuoteFields(f.quote(), quote);
                    assertThat(f.depth().bids()).hasSize(5);
                    for (int i = 0; i < 5; i++) {
                        assertThat(f.depth().bids().get(i).price()).isEqualTo(quote.bids().get(i).price());
                        assertThat(f.depth().bids().get(i).quantity()).isEqualTo(quote.bids().get(i).quantity());
                        assertThat((long) f.depth().bids().get(i).orders()).isEqualTo(quote.bids().get(i).orders());
                        assertThat(f.depth().offers().get(i).price()).isEqualTo(quote.offers().get(i).price());
                        assertThat(f.depth().offers().get(i).quantity()).isEqualTo(quote.offers().get(i).quantity());
                    }
                    assertThat(f.lastTradeTime().getEpochSecond())
                            .isEqualTo(quote.lastTradeTime().getEpochSecond());
                }
            });
        }
        assertThat(ticker.malformedMessages()).isZero();
    }

    @Test
    void aModeChangeSwitchesThePacketKindAndAnUnsubscribeStopsThePackets() {
        InstrumentKey sbin = InstrumentKey.nse("SBIN");
        long token = kite.client.ltp(List.of(sbin)).get(sbin).instrumentToken();
        ticker.subscribe(TickerMode.LTP, List.of(token));
        await().atMost(WAIT).until(() -> recorder.since(0, token).stream().anyMatch(TickerPacket.Ltp.class::isInstance));

        int before = recorder.since(0, token).size();
        ticker.setMode(TickerMode.FULL, List.of(token));
        await().atMost(WAIT).until(() -> recorder.since(0, token).stream().skip(before)
                .anyMatch(TickerPacket.Full.class::isInstance));

        ticker.unsubscribe(List.of(token));
        assertThat(ticker.subscriptions()).doesNotContainKey(token);
        // Packets already on their way may still land; then none for a second of market steps.
        await().atMost(WAIT).until(() -> {
            int seen = recorder.since(0, token).size();
            return await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).pollInterval(
                    Duration.ofMillis(100)).until(() -> recorder.since(0, token).size(), n -> n == seen) == seen;
        });
        assertThat(recorder.since(0, tokens.get(TickerMode.QUOTE)).size()).isPositive();
    }

    @Test
    void heartbeatsAloneKeepAnIdleConnectionAlive() {
        TickerRecorder idle = new TickerRecorder();
        try (KiteTicker quiet = kite.ticker(idle, Duration.ofMillis(2500))) {
            quiet.start();
            await().atMost(WAIT).until(() -> quiet.state() == TickerState.CONNECTED);
            // Nothing is subscribed, so only the one-byte heartbeats (one a second) arrive; without them
            // the connection would go stale after 2.5 s and be replaced.
            await().during(Duration.ofMillis(5500)).atMost(Duration.ofSeconds(7))
                    .until(() -> quiet.state() == TickerState.CONNECTED && quiet.reconnects() == 0);
            assertThat(idle.packets).isEmpty();
            assertThat(idle.states).doesNotContain(TickerState.STALE);
        }
    }

    @Test
    void afterTheSandboxDropsTheConnectionTheTickerReconnectsAndResubscribesEachInstrumentInItsMode() {
        await().atMost(WAIT).until(() -> kite.sandbox.tickerConnections() == 1);
        long reconnects = ticker.reconnects();
        long connection = recorder.connections.get();

        kite.sandbox.dropTickerConnections();

        await().atMost(WAIT).until(() -> recorder.connections.get() > connection
                && ticker.state() == TickerState.CONNECTED);
        assertThat(ticker.reconnects()).isGreaterThan(reconnects);
        assertThat(ticker.subscriptions()).isEqualTo(Map.of(tokens.get(TickerMode.LTP), TickerMode.LTP,
                tokens.get(TickerMode.QUOTE), TickerMode.QUOTE, tokens.get(TickerMode.FULL), TickerMode.FULL));
        awaitPacketsInTheirModes(connection + 1);
        await().atMost(WAIT).until(() -> kite.sandbox.tickerConnections() == 1);
    }

    @Test
    void aMalformedFrameIsCountedAndSkippedAndTheFeedGoesOn() {
        long malformed = ticker.malformedMessages();
        long reconnects = ticker.reconnects();
        int packets = recorder.packets.size();

        kite.sandbox.sendMalformedFrame();

        await().atMost(WAIT).until(() -> ticker.malformedMessages() == malformed + 1);
        assertThat(recorder.malformed.getLast().skipped()).extracting(SkippedBytes::reason)
                .containsExactly(SkippedBytes.Reason.TRUNCATED);
        assertThat(recorder.malformed.getLast().packets()).isEmpty();
        await().atMost(WAIT).until(() -> recorder.packets.size() > packets + 3);
        assertThat(ticker.state()).isEqualTo(TickerState.CONNECTED);
        assertThat(ticker.reconnects()).isEqualTo(reconnects);
    }

    @Test
    void orderUpdatesArriveForAnOrderPlacedThroughTheClient() {
        InstrumentKey hdfc = InstrumentKey.nse("HDFCBANK");
        OrderPlacement placement = kite.client.placeOrder(OrderRequest.market(hdfc, Side.BUY, 3, KiteProduct.MIS,
                new OrderTag("itTicker1")));
        assertThat(placement).isInstanceOf(OrderPlacement.Placed.class);
        KiteOrderId id = ((OrderPlacement.Placed) placement).orderId();

        await().atMost(WAIT).until(() -> updates(id).stream().anyMatch(u -> u.status().equals("COMPLETE")));

        List<OrderUpdate> updates = updates(id);
        assertThat(updates).extracting(OrderUpdate::status).containsExactly("OPEN", "COMPLETE");
        OrderUpdate complete = updates.getLast();
        KiteOrder order = kite.client.orderHistory(id).getLast();
        assertThat(complete.tag()).isEqualTo("itTicker1");
        assertThat(complete.tradingSymbol()).isEqualTo("HDFCBANK");
        assertThat(complete.exchange()).isEqualTo("NSE");
        assertThat(complete.instrumentToken()).isEqualTo(order.instrumentToken());
        assertThat(complete.transactionType()).isEqualTo("BUY");
        assertThat(complete.orderType()).isEqualTo("MARKET");
        assertThat(complete.product()).isEqualTo("MIS");
        assertThat(complete.variety()).isEqualTo("regular");
        assertThat(complete.quantity()).isEqualTo(3);
        assertThat(complete.filledQuantity()).isEqualTo(3);
        assertThat(complete.pendingQuantity()).isZero();
        assertThat(complete.exchangeOrderId()).isEqualTo(order.exchangeOrderId());
        assertThat(complete.averagePrice()).isEqualByComparingTo(BigDecimal.valueOf(order.averagePrice(), 2));
        assertThat(complete.orderTimestamp()).isPresent();
        assertThat(updates.getFirst().exchangeTimestamp()).isPresent();
    }

    @Test
    void aBadAccessTokenIsRefusedAtTheHandshake() {
        TickerRecorder refused = new TickerRecorder();
        TickerConfig config = TickerConfig.of(kite.sandbox.tickerUrl(), KiteOnSandbox.KEY, "not-a-token")
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(100));
        try (KiteTicker stranger = KiteTicker.create(config, refused)) {
            stranger.start();
            await().atMost(WAIT).until(() -> refused.reasons.stream().anyMatch(r -> r.contains("HTTP 403")));
            assertThat(refused.states).doesNotContain(TickerState.CONNECTED);
        }
    }

    private static List<OrderUpdate> updates(KiteOrderId id) {
        return recorder.orders.stream().filter(u -> u.orderId().equals(id.value())).toList();
    }

    private static void assertQuoteFields(TickerPacket.Quote q, KiteQuote quote) {
        assertThat(q.lastQuantity()).isEqualTo(quote.lastQuantity());
        assertThat(q.averagePrice()).isEqualTo(quote.averagePrice());
        assertThat(q.volume()).isEqualTo(quote.volume());
        assertThat(q.totalBuyQuantity()).isEqualTo(quote.buyQuantity());
        assertThat(q.totalSellQuantity()).isEqualTo(quote.sellQuantity());
        assertThat(q.ohlc().open()).isEqualTo(quote.ohlc().open());
        assertThat(q.ohlc().high()).isEqualTo(quote.ohlc().high());
        assertThat(q.ohlc().low()).isEqualTo(quote.ohlc().low());
        assertThat(q.ohlc().close()).isEqualTo(quote.ohlc().close());
        assertThat(q.change()).isEqualTo(quote.netChange());
    }

    /** Waits until each instrument has sent, on connection {@code connection} or later, a packet of its mode. */
    private static void awaitPacketsInTheirModes(long connection) {
        tokens.forEach((mode, token) -> await().atMost(WAIT).until(() -> recorder.since(connection, token).stream()
                .anyMatch(kind(mode)::isInstance)));
    }

    private static Class<? extends TickerPacket> kind(TickerMode mode) {
        return switch (mode) {
            case LTP -> TickerPacket.Ltp.class;
            case QUOTE -> TickerPacket.Quote.class;
            case FULL -> TickerPacket.Full.class;
        };
    }
}
