package com.quantdesk.app.sandbox;

import static com.quantdesk.app.sandbox.SandboxSessionTest.config;
import static com.quantdesk.app.sandbox.SandboxSessionTest.signedIn;
import static com.quantdesk.app.sandbox.SandboxSessionTest.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WebSocket ticker: subscriptions in each mode, binary frames checked by an independent decoder, heartbeats. */
class SandboxTickerTest {

    static KiteSandbox sandbox;
    static KiteHttp client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = KiteSandbox.start(config());
        client = signedIn(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The instrument token and previous close (paise) of an NSE symbol, from the REST quote. */
    static long[] tokenAndClose(String symbol) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> q = (Map<String, Object>) client.get("/quote/ohlc?i=NSE:" + symbol).data()
                .get("NSE:" + symbol);
        @SuppressWarnings("unchecked")
        Map<String, Object> ohlc = (Map<String, Object>) q.get("ohlc");
        return new long[] {((Number) q.get("instrument_token")).longValue(),
                Math.round(((Number) ohlc.get("close")).doubleValue() * 100)};
    }

    static List<KiteFrameDecoder.Packet> awaitPackets(TickerProbe probe, long token, int length) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> probe.dataFrames().stream()
                .flatMap(f -> KiteFrameDecoder.decode(f).stream())
                .filter(p -> p.token() == token && p.length() == length).toList(), l -> !l.isEmpty());
    }

    @Test
    void subscribingSendsQuotePacketsByDefault() throws Exception {
        long[] infy = tokenAndClose("INFY");
        try (TickerProbe probe = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            probe.send("{\"a\":\"subscribe\",\"v\":[" + infy[0] + "]}");

            KiteFrameDecoder.Packet p = awaitPackets(probe, infy[0], 44).getFirst();

            assertThat(p.segment()).isEqualTo(1);
            assertThat(p.close()).isEqualTo(infy[1]);
            assertThat(p.lastPrice()).isPositive();
            assertThat(p.low()).isLessThanOrEqualTo(p.open()).isLessThanOrEqualTo(p.high());
            assertThat(p.low()).isLessThanOrEqualTo(p.lastPrice()).isLessThanOrEqualTo(p.high());
            assertThat(p.volume()).isPositive();
            assertThat(p.averagePrice()).isBetween(p.low(), p.high());
            assertThat(p.buyQuantity()).isPositive();
            assertThat(p.sellQuantity()).isPositive();
        }
    }

    @Test
    void ltpModeSendsEightBytePackets() throws Exception {
        long[] tcs = tokenAndClose("TCS");
        try (TickerProbe probe = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            probe.send("{\"a\":\"subscribe\",\"v\":[" + tcs[0] + "]}");
            probe.send("{\"a\":\"mode\",\"v\":[\"ltp\",[" + tcs[0] + "]]}");

            KiteFrameDecoder.Packet p = awaitPackets(probe, tcs[0], 8).getFirst();

            assertThat(p.lastPrice()).isPositive();
            assertThat(p.segment()).isEqualTo(1);
        }
    }

    @Test
    void fullModeSendsDepthTimesAndPaddingExactly() throws Exception {
        long[] sbin = tokenAndClose("SBIN");
        try (TickerProbe probe = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            probe.send("{\"a\":\"mode\",\"v\":[\"full\",[" + sbin[0] + "]]}");

            KiteFrameDecoder.Packet p = awaitPackets(probe, sbin[0], 184).getFirst();

            assertThat(p.close()).isEqualTo(sbin[1]);
            long now = Instant.now().getEpochSecond();
            assertThat(p.exchangeTimestamp()).isBetween(now - 60, now + 60);
            assertThat(p.lastTradeTime()).isBetween(now - 60, p.exchangeTimestamp());
            assertThat(p.oi()).isZero();
            assertThat(p.bids()).hasSize(5);
            assertThat(p.asks()).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(p.bids().get(i).padding()).isZero();
                assertThat(p.asks().get(i).padding()).isZero();
                assertThat(p.bids().get(i).price()).isLessThan(p.asks().get(0).price());
                assertThat(p.bids().get(i).quantity()).isPositive();
                assertThat(p.bids().get(i).orders()).isPositive();
            }
            for (int i = 1; i < 5; i++) {
                assertThat(p.bids().get(i).price()).isLessThan(p.bids().get(i - 1).price());
                assertThat(p.asks().get(i).price()).isGreaterThan(p.asks().get(i - 1).price());
            }
            // Every frame so far decodes exactly: no byte left over, none missing.
            assertThat(probe.dataFrames()).allSatisfy(f -> assertThat(KiteFrameDecoder.decode(f)).isNotEmpty());
        }
    }

    @Test
    void oneFrameCarriesAPacketPerSubscribedInstrument() throws Exception {
        long a = tokenAndClose("INFY")[0];
        long b = tokenAndClose("TCS")[0];
        long c = tokenAndClose("ITC")[0];
        try (TickerProbe probe = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            probe.send("{\"a\":\"mode\",\"v\":[\"full\",[" + a + "," + b + "," + c + "]]}");

            List<KiteFrameDecoder.Packet> snapshot = await().atMost(Duration.ofSeconds(10)).until(
                    () -> probe.dataFrames().stream().map(KiteFrameDecoder::decode).filter(ps -> ps.size() == 3)
                            .findFirst().orElse(List.of()), l -> !l.isEmpty());

            assertThat(snapshot).extracting(KiteFrameDecoder.Packet::token).containsExactlyInAnyOrder(a, b, c);
            assertThat(snapshot).extracting(KiteFrameDecoder.Packet::length).containsOnly(184);
        }
    }

    @Test
    void unsubscribedInstrumentsStopArriving() throws Exception {
        long a = tokenAndClose("INFY")[0];
        long b = tokenAndClose("TCS")[0];
        try (TickerProbe probe = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            probe.send("{\"a\":\"subscribe\",\"v\":[" + a + "," + b + "]}");
            awaitPackets(probe, a, 44);
            int before = probe.dataFrames().size();
            probe.send("{\"a\":\"unsubscribe\",\"v\":[" + a + "]}");
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.dataFrames().size() > before + 8);

            // A frame or two may have been on its way when the unsubscribe arrived.
            List<byte[]> later = probe.dataFrames().subList(before + 3, probe.dataFrames().size());
            assertThat(later).allSatisfy(f -> assertThat(tokens(KiteFrameDecoder.decode(f))).containsOnly(b));
        }
    }

    @Test
    void sendsOneByteHeartbeatsEverySecond() throws Exception {
        try (TickerProbe probe = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            Instant start = Instant.now();
            await().atMost(Duration.ofSeconds(5)).until(() -> probe.frames.stream().filter(f -> f.length == 1).count() >= 2);

            assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(probe.dataFrames()).isEmpty();
        }
    }

    @Test
    void answersAnInvalidMessageWithAnErrorText() throws Exception {
        try (TickerProbe probe = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            probe.send("{\"a\":\"mode\",\"v\":[\"everything\",[1]]}");

            await().atMost(Duration.ofSeconds(5)).until(() -> !probe.texts.isEmpty());
            assertThat(SandboxOrdersTest.parse(probe.texts.peek())).containsEntry("type", "error").containsKey("data");
        }
    }

    @Test
    void refusesAConnectionWithoutAValidAccessToken() {
        assertThatThrownBy(() -> TickerProbe.connect(sandbox.tickerUrl(), KEY, "wrong"))
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }

    private static Set<Long> tokens(List<KiteFrameDecoder.Packet> packets) {
        return packets.stream().map(KiteFrameDecoder.Packet::token).collect(Collectors.toSet());
    }
}
