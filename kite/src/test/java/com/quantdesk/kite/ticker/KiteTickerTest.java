package com.quantdesk.kite.ticker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.Tick;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link KiteTicker} against a local WebSocket server. */
class KiteTickerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-12-03T04:00:00Z");

    private final RecordingListener listener = new RecordingListener();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = () -> now.get();
    private MiniWebSocketServer server;
    private ScheduledExecutorService scheduler;
    private HttpClient http;
    private KiteTicker ticker;

    @BeforeEach
    void startServer() throws Exception {
        server = new MiniWebSocketServer();
        scheduler = Executors.newScheduledThreadPool(1);
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (ticker != null) {
            ticker.close();
        }
        server.close();
        scheduler.shutdownNow();
        http.close();
    }

    @Test
    void connectsWithTheCredentialsInTheUrlAndSendsSubscriptionMessagesExactly() {
        ticker = ticker(Duration.ofSeconds(5), listener);
        ticker.subscribe(TickerMode.FULL, List.of(408065L, 884737L));
        ticker.start();
        await().atMost(WAIT).until(() -> ticker.state() == TickerState.CONNECTED);
        await().atMost(WAIT).until(() -> server.latest().texts().size() == 2);

        ticker.subscribe(TickerMode.QUOTE, List.of(256265L));
        ticker.setMode(TickerMode.LTP, List.of(884737L));
        ticker.unsubscribe(List.of(408065L));

        await().atMost(WAIT).untilAsserted(() -> assertThat(server.latest().texts()).containsExactly(
                "{\"a\":\"subscribe\",\"v\":[408065,884737]}",
                "{\"a\":\"mode\",\"v\":[\"full\",[408065,884737]]}",
                "{\"a\":\"subscribe\",\"v\":[256265]}",
                "{\"a\":\"mode\",\"v\":[\"quote\",[256265]]}",
                "{\"a\":\"mode\",\"v\":[\"ltp\",[884737]]}",
                "{\"a\":\"unsubscribe\",\"v\":[408065]}"));
        assertThat(server.latest().target()).isEqualTo("/?api_key=key&access_token=tok%2Fen");
        assertThat(ticker.subscriptions()).isEqualTo(Map.of(884737L, TickerMode.LTP, 256265L, TickerMode.QUOTE));
        assertThat(listener.states).containsExactly(TickerState.CONNECTING, TickerState.CONNECTED);
    }

    @Test
    void refusesAModeChangeForAnInstrumentNotSubscribed() {
        ticker = ticker(Duration.ofSeconds(5), listener);

        assertThatThrownBy(() -> ticker.setMode(TickerMode.FULL, List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deliversPacketsOrderUpdatesAndServerMessages() {
        ticker = connected(Duration.ofSeconds(5), listener);
        TickerPacket.Ltp ltp = new TickerPacket.Ltp(408065, 157370);

        server.latest().sendBinary(new byte[] {0});
        server.latest().sendBinary(PacketEncoder.frame(PacketEncoder.encode(ltp), PacketEncoder.encode(ltp)));
        server.latest().sendText("{\"type\":\"order\",\"data\":{\"order_id\":\"42\",\"status\":\"OPEN\",\"tag\":\"QD1\"}}");
        server.latest().sendText("{\"type\":\"error\",\"data\":\"Invalid access token\"}");
        server.latest().sendText("{\"type\":\"message\",\"data\":\"hello\"}");

        await().atMost(WAIT).until(() -> listener.serverMessages.size() == 2);
        assertThat(listener.packets).containsExactly(ltp, ltp);
        assertThat(listener.orders).singleElement().satisfies(order -> {
            assertThat(order.orderId()).isEqualTo("42");
            assertThat(order.tag()).isEqualTo("QD1");
        });
        assertThat(listener.serverMessages).containsExactly("error: Invalid access token", "message: hello");
        assertThat(ticker.malformedMessages()).isZero();
    }

    @Test
    void reassemblesABinaryMessageSentInSeveralFrames() {
        ticker = connected(Duration.ofSeconds(5), listener);
        TickerPacket.Quote quote = new TickerPacket.Quote(408065, 157370, 7, 157037, 1192471, 256443, 363009,
                new Ohlc(156915, 157500, 156105, 156780));
        byte[] frame = PacketEncoder.frame(PacketEncoder.encode(quote), PacketEncoder.encode(quote));

        server.latest().sendBinaryInTwoFrames(frame, 30);

        await().atMost(WAIT).until(() -> listener.packets.size() == 2);
        assertThat(listener.packets).containsExactly(quote, quote);
        assertThat(ticker.malformedMessages()).isZero();
    }

    @Test
    void reconnectsAfterADropAndResubscribesEveryInstrumentInItsMode() {
        ticker = ticker(Duration.ofSeconds(5), listener);
        ticker.subscribe(TickerMode.FULL, List.of(408065L, 884737L));
        ticker.subscribe(TickerMode.QUOTE, List.of(256265L));
        ticker.subscribe(TickerMode.LTP, List.of(5633L, 779521L));
        ticker.unsubscribe(List.of(779521L));
        ticker.start();
        await().atMost(WAIT).until(() -> server.connections().size() == 1 && server.latest().texts().size() == 4);
        ticker.setMode(TickerMode.QUOTE, List.of(884737L));
        await().atMost(WAIT).until(() -> server.latest().texts().size() == 5);

        server.latest().drop();

        await().atMost(WAIT).until(() -> server.connections().size() == 2 && server.latest().texts().size() == 4);
        assertThat(server.latest().texts()).containsExactly(
                "{\"a\":\"subscribe\",\"v\":[408065,884737,256265,5633]}",
                "{\"a\":\"mode\",\"v\":[\"ltp\",[5633]]}",
                "{\"a\":\"mode\",\"v\":[\"quote\",[884737,256265]]}",
                "{\"a\":\"mode\",\"v\":[\"full\",[408065]]}");
        await().atMost(WAIT).until(() -> ticker.state() == TickerState.CONNECTED);
        assertThat(listener.states).containsSubsequence(TickerState.CONNECTED, TickerState.DISCONNECTED,
                TickerState.CONNECTING, TickerState.CONNECTED);
        assertThat(ticker.reconnects()).isEqualTo(1);
    }

    @Test
    void keepsReconnectingWhileTheServerIsDown() throws Exception {
        ticker = connected(Duration.ofSeconds(5), listener);

        server.close();

        await().atMost(WAIT).until(() -> ticker.reconnects() >= 3);
        assertThat(ticker.state()).isIn(TickerState.DISCONNECTED, TickerState.CONNECTING);
        assertThat(listener.reasons).anyMatch(reason -> reason.startsWith("connect failed"));
    }

    @Test
    void reportsARefusedHandshakeWithItsHttpStatusAndKeepsTrying() {
        server.refuseWith(403);
        ticker = ticker(Duration.ofSeconds(5), listener);

        ticker.start();

        await().atMost(WAIT).until(() -> ticker.reconnects() >= 2);
        assertThat(listener.reasons).anyMatch(reason -> reason.startsWith("connect failed: handshake refused with HTTP 403"));
        assertThat(server.connections()).isEmpty();
    }

    @Test
    void staysClosedAfterClose() {
        ticker = connected(Duration.ofSeconds(5), listener);

        ticker.close();

        await().atMost(WAIT).until(() -> server.latest().closed());
        assertThat(ticker.state()).isEqualTo(TickerState.CLOSED);
        assertThat(ticker.reconnects()).isZero();
        assertThat(server.connections()).hasSize(1);
    }

    @Test
    void aFailingListenerDoesNotBreakTheConnection() {
        RecordingListener recorder = new RecordingListener();
        TickerListener failing = new TickerListener() {
            @Override
            public void onPackets(List<TickerPacket> packets) {
                if (packets.getFirst().lastPrice() == 1) {
                    throw new IllegalStateException("listener bug");
                }
            }
        };
        ticker = connected(Duration.ofSeconds(5), TickerListener.both(failing, recorder));

        server.latest().sendBinary(PacketEncoder.frame(PacketEncoder.encode(new TickerPacket.Ltp(408065, 1))));
        server.latest().sendBinary(PacketEncoder.frame(PacketEncoder.encode(new TickerPacket.Ltp(408065, 2))));

        await().atMost(WAIT).until(() -> recorder.packets.size() == 1);
        assertThat(recorder.packets).containsExactly(new TickerPacket.Ltp(408065, 2));
        assertThat(ticker.state()).isEqualTo(TickerState.CONNECTED);
        assertThat(server.connections()).hasSize(1);
    }

    @Test
    void countsAndSkipsAMalformedFrameAndCarriesOn() {
        ticker = connected(Duration.ofSeconds(5), listener);
        TickerPacket.Ltp ltp = new TickerPacket.Ltp(408065, 157370);
        byte[] good = PacketEncoder.frame(PacketEncoder.encode(ltp));
        byte[] truncated = java.util.Arrays.copyOf(PacketEncoder.frame(PacketEncoder.encode(ltp),
                PacketEncoder.encode(ltp)), 15);

        server.latest().sendBinary(truncated);
        server.latest().sendBinary("garbage!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        server.latest().sendText("{not json");
        server.latest().sendBinary(good);

        await().atMost(WAIT).until(() -> listener.packets.size() == 2);
        assertThat(listener.packets).containsExactly(ltp, ltp);
        assertThat(ticker.malformedMessages()).isEqualTo(3);
        assertThat(listener.malformed).hasSize(2);
        assertThat(ticker.state()).isEqualTo(TickerState.CONNECTED);
        assertThat(server.connections()).hasSize(1);
    }

    @Test
    void reportsAStaleConnectionByTheInjectedClockAndReplacesIt() {
        ticker = connected(Duration.ofSeconds(5), listener);

        now.set(T0.plusSeconds(4));
        ticker.checkStaleness();
        assertThat(ticker.state()).isEqualTo(TickerState.CONNECTED);

        now.set(T0.plusSeconds(5));
        ticker.checkStaleness();

        assertThat(listener.states).contains(TickerState.STALE);
        assertThat(listener.reasons).anyMatch(reason -> reason.contains("nothing received for 5000 ms"));
        await().atMost(WAIT).until(() -> server.connections().size() == 2 && ticker.state() == TickerState.CONNECTED);
        await().atMost(WAIT).until(() -> server.connections().getFirst().closed());
    }

    @Test
    void aHeartbeatKeepsTheConnectionFresh() {
        ticker = connected(Duration.ofSeconds(5), listener);
        now.set(T0.plusSeconds(4));
        server.latest().sendBinary(new byte[] {0});
        server.latest().sendBinary(PacketEncoder.frame(PacketEncoder.encode(new TickerPacket.Ltp(1, 1))));
        await().atMost(WAIT).until(() -> listener.packets.size() == 1);

        now.set(T0.plusSeconds(8));
        ticker.checkStaleness();

        assertThat(ticker.state()).isEqualTo(TickerState.CONNECTED);
        assertThat(listener.states).doesNotContain(TickerState.STALE);
    }

    @Test
    void reportsStalenessFromItsOwnTimerWithTheSystemClock() {
        ticker = new KiteTicker(config().withStaleAfter(Duration.ofMillis(200)), listener, http, scheduler,
                InstantSource.system(), new SplittableRandom(3));
        ticker.start();

        await().atMost(WAIT).until(() -> listener.states.contains(TickerState.STALE));
        await().atMost(WAIT).until(() -> server.connections().size() >= 2);
    }

    @Test
    void feedsCoreTicksOfMappedInstrumentsThroughTheTickSourceAdapter() {
        KiteTickSource source = new KiteTickSource(Map.of(408065L, Symbol.of("INFY")), clock);
        ticker = connected(Duration.ofSeconds(5), source);
        source.subscribeAll(ticker, TickerMode.QUOTE);
        await().atMost(WAIT).until(() -> server.latest().texts().size() == 2);
        assertThat(server.latest().texts()).containsExactly("{\"a\":\"subscribe\",\"v\":[408065]}",
                "{\"a\":\"mode\",\"v\":[\"quote\",[408065]]}");

        server.latest().sendBinary(PacketEncoder.frame(
                PacketEncoder.encode(quote(408065, 157370, 1000)),
                PacketEncoder.encode(quote(884737, 50000, 5)),
                PacketEncoder.encode(quote(408065, 157375, 1007))));

        List<Tick> ticks = new ArrayList<>();
        await().atMost(WAIT).until(() -> ticks.addAll(source.poll()) && ticks.size() >= 2);
        assertThat(ticks).containsExactly(new Tick(Symbol.of("INFY"), T0, 157370, 0),
                new Tick(Symbol.of("INFY"), T0, 157375, 7));
    }

    private static TickerPacket.Quote quote(long token, long price, long volume) {
        return new TickerPacket.Quote(token, price, 1, price, volume, 0, 0, new Ohlc(price, price, price, price));
    }

    private KiteTicker connected(Duration staleAfter, TickerListener tickerListener) {
        KiteTicker connecting = ticker(staleAfter, tickerListener);
        connecting.start();
        await().atMost(WAIT).until(() -> connecting.state() == TickerState.CONNECTED && !server.connections().isEmpty());
        return connecting;
    }

    private KiteTicker ticker(Duration staleAfter, TickerListener tickerListener) {
        return new KiteTicker(config().withStaleAfter(staleAfter), tickerListener, http, scheduler, clock,
                new SplittableRandom(1));
    }

    private TickerConfig config() {
        return TickerConfig.of(server.uri(), "key", "tok/en")
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
    }
}
