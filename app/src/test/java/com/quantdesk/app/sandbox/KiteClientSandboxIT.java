package com.quantdesk.app.sandbox;

import static com.quantdesk.app.sandbox.KiteOnSandbox.KEY;
import static com.quantdesk.app.sandbox.KiteOnSandbox.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Side;
import com.quantdesk.kite.rest.CandleInterval;
import com.quantdesk.kite.rest.EndpointClass;
import com.quantdesk.kite.rest.InstrumentKey;
import com.quantdesk.kite.rest.KiteCandle;
import com.quantdesk.kite.rest.KiteClient;
import com.quantdesk.kite.rest.KiteConfig;
import com.quantdesk.kite.rest.KiteException;
import com.quantdesk.kite.rest.KiteHolding;
import com.quantdesk.kite.rest.KiteInstrument;
import com.quantdesk.kite.rest.KiteLogin;
import com.quantdesk.kite.rest.KiteLtp;
import com.quantdesk.kite.rest.KiteOhlcQuote;
import com.quantdesk.kite.rest.KiteOrder;
import com.quantdesk.kite.rest.KiteOrderId;
import com.quantdesk.kite.rest.KitePosition;
import com.quantdesk.kite.rest.KiteProduct;
import com.quantdesk.kite.rest.KiteProfile;
import com.quantdesk.kite.rest.KiteQuote;
import com.quantdesk.kite.rest.KiteRequest;
import com.quantdesk.kite.rest.KiteResilience;
import com.quantdesk.kite.rest.KiteSegmentMargins;
import com.quantdesk.kite.rest.KiteSession;
import com.quantdesk.kite.rest.KiteTrade;
import com.quantdesk.kite.rest.KiteTransport;
import com.quantdesk.kite.rest.ModifyRequest;
import com.quantdesk.kite.rest.OrderPlacement;
import com.quantdesk.kite.rest.OrderRequest;
import com.quantdesk.kite.rest.OrderTag;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Kite REST client against a real sandbox: every endpoint the client uses, and every error_type. */
class KiteClientSandboxIT {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /** No breaker trips here (the error tests fail on purpose); three read attempts with short backoff. */
    private static final KiteResilience RESILIENCE = new KiteResilience(3, Duration.ofMillis(20),
            Duration.ofMillis(100), 1_000, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(50));
    private static final long OPENING_CASH = 100_000_000L;

    static KiteOnSandbox kite;
    static KiteClient client;

    @BeforeAll
    static void start() {
        kite = KiteOnSandbox.start(42, RESILIENCE, Duration.ofSeconds(5));
        client = kite.client;
    }

    @AfterEach
    void faultsOff() {
        kite.sandbox.faults().reset();
    }

    @AfterAll
    static void stop() {
        kite.close();
    }

    @Test
    void logsInThroughTheLoginPageAndTheChecksumAndLogsOut() throws Exception {
        KiteLogin login = new KiteLogin(kite.transport);
        URI page = login.loginUrl("state=xyz");
        assertThat(page.toString()).startsWith(kite.sandbox.restUrl() + "/connect/login?v=3&api_key=" + KEY);

        HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("status=success").contains("state=xyz");
        String requestToken = query(location).get("request_token");

        KiteSession session = login.createSession(requestToken);
        assertThat(session.userId()).isEqualTo("QD0001");
        assertThat(session.accessToken()).isNotEqualTo(kite.session.accessToken());
        assertThat(Duration.between(session.loginTime(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        KiteClient second = new KiteClient(kite.transport, session);
        assertThat(second.profile().userId()).isEqualTo("QD0001");

        // The request token is single-use.
        assertThatThrownBy(() -> login.createSession(requestToken))
                .isInstanceOfSatisfying(KiteException.TokenException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.disposition()).isEqualTo(KiteException.Disposition.FATAL);
                });
        // A client with the wrong secret computes a checksum the sandbox refuses.
        try (KiteTransport wrongSecret = new KiteTransport(new KiteConfig(kite.config.apiRoot(),
                kite.config.loginUrl(), KEY, "not-the-secret", java.util.Optional.empty(), Duration.ofSeconds(2),
                Duration.ofSeconds(5)), RESILIENCE, kite.clock, kite.clock, new SplittableRandom(1))) {
            String fresh = kite.sandbox.issueRequestToken();
            assertThatThrownBy(() -> new KiteLogin(wrongSecret).createSession(fresh))
                    .isInstanceOf(KiteException.TokenException.class).hasMessageContaining("checksum");
            // The refused exchange did not use the token up.
            assertThat(login.createSession(fresh).accessToken()).isNotBlank();
        }

        login.invalidate(session);
        assertThatThrownBy(second::profile).isInstanceOfSatisfying(KiteException.TokenException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(403));
        assertThat(client.profile().userId()).isEqualTo("QD0001");
    }

    @Test
    void profileAndMargins() {
        KiteProfile profile = client.profile();
        assertThat(profile.userId()).isEqualTo("QD0001");
        assertThat(profile.broker()).isEqualTo("ZERODHA");
        assertThat(profile.exchanges()).containsExactly("NSE");
        assertThat(profile.products()).containsExactly("CNC", "MIS");
        assertThat(profile.orderTypes()).containsExactly("MARKET", "LIMIT", "SL", "SL-M");

        Map<String, KiteSegmentMargins> all = client.margins();
        assertThat(all).containsOnlyKeys("equity", "commodity");
        KiteSegmentMargins equity = client.margins("equity");
        assertThat(equity).isEqualTo(all.get("equity"));
        assertThat(equity.enabled()).isTrue();
        assertThat(equity.openingBalance()).isEqualTo(OPENING_CASH);
        assertThat(equity.net()).isEqualTo(OPENING_CASH + cashFlow(client.trades()));
        assertThat(client.margins("commodity").net()).isZero();
    }

    @Test
    void marketBuyCompletesAtItsTradesWeightedPriceAndShowsInTradesPositionsAndMargins() throws Exception {
        InstrumentKey itc = InstrumentKey.nse("ITC");
        long netBefore = client.margins("equity").net();
        OrderTag tag = new OrderTag("itMarket1");

        OrderPlacement placement = client.placeOrder(OrderRequest.market(itc, Side.BUY, 7, KiteProduct.MIS, tag)
                .withMarketProtection(5));

        KiteOrderId id = placed(placement);
        KiteOrder done = awaitStatus(id, "COMPLETE");
        List<KiteOrder> history = client.orderHistory(id);
        assertThat(history).extracting(KiteOrder::status).containsSubsequence("PUT ORDER REQ RECEIVED",
                "VALIDATION PENDING", "OPEN PENDING", "OPEN", "COMPLETE");
        assertThat(done.tag()).isEqualTo("itMarket1");
        assertThat(done.orderType()).isEqualTo(OrderType.MARKET);
        assertThat(done.side()).isEqualTo(Side.BUY);
        assertThat(done.variety()).isEqualTo("regular");
        assertThat(done.product()).isEqualTo("MIS");
        assertThat(done.validity()).isEqualTo("DAY");
        assertThat(done.exchange()).isEqualTo("NSE");
        assertThat(done.tradingsymbol()).isEqualTo("ITC");
        assertThat(done.quantity()).isEqualTo(7);
        assertThat(done.filledQuantity()).isEqualTo(7);
        assertThat(done.pendingQuantity()).isZero();
        assertThat(done.exchangeOrderId()).isNotEmpty();
        assertThat(done.instrumentToken()).isEqualTo(token("ITC"));
        assertThat(client.findOrderByTag(tag)).hasValue(done);
        assertThat(rawOrder(id.value())).containsEntry("market_protection", 5);

        List<KiteTrade> trades = client.orderTrades(id);
        assertThat(trades).isNotEmpty().allSatisfy(t -> {
            assertThat(t.orderId()).isEqualTo(id);
            assertThat(t.side()).isEqualTo(Side.BUY);
            assertThat(t.tradingsymbol()).isEqualTo("ITC");
            assertThat(t.product()).isEqualTo("MIS");
        });
        long quantity = trades.stream().mapToLong(KiteTrade::quantity).sum();
        long value = trades.stream().mapToLong(t -> t.quantity() * t.averagePrice()).sum();
        assertThat(quantity).isEqualTo(7);
        assertThat(done.averagePrice() * quantity).isEqualTo(value);
        assertThat(client.trades()).containsAll(trades);

        for (List<KitePosition> book : List.of(client.positions().net(), client.positions().day())) {
            KitePosition p = book.stream().filter(x -> x.tradingsymbol().equals("ITC") && x.product().equals("MIS"))
                    .findFirst().orElseThrow();
            assertThat(p.quantity()).isEqualTo(7);
            assertThat(p.buyQuantity()).isEqualTo(7);
            assertThat(p.buyValue()).isEqualTo(value);
            assertThat(p.buyPrice()).isEqualTo(done.averagePrice());
            assertThat(p.averagePrice()).isEqualTo(done.averagePrice());
            assertThat(p.sellQuantity()).isZero();
            assertThat(p.value()).isEqualTo(-value);
            assertThat(p.pnl()).isEqualTo(7 * p.lastPrice() - value);
            assertThat(p.m2m()).isEqualTo(p.pnl());
            assertThat(p.unrealised()).isEqualTo(p.pnl());
            assertThat(p.realised()).isZero();
            assertThat(p.multiplier()).isEqualTo(1);
            assertThat(p.instrumentToken()).isEqualTo(token("ITC"));
        }
        assertThat(client.margins("equity").net()).isEqualTo(netBefore - value);

        // A closed order can be neither cancelled nor modified: OrderException, nothing changes.
        assertThatThrownBy(() -> client.cancelOrder(id)).isInstanceOfSatisfying(KiteException.OrderException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(400));
        assertThatThrownBy(() -> client.modifyOrder(id, new ModifyRequest(OrderType.MARKET, 8, 0, 0,
                com.quantdesk.core.domain.Validity.DAY, -1)))
                .isInstanceOf(KiteException.OrderException.class);
        assertThat(client.orderHistory(id).getLast().status()).isEqualTo("COMPLETE");
    }

    @Test
    void limitOrderRestsIsModifiedAndCancelled() {
        InstrumentKey tcs = InstrumentKey.nse("TCS");
        long tick = instrument("TCS").tickSize();
        long price = below(client.ltp(List.of(tcs)).get(tcs).lastPrice(), 0.95, tick);
        OrderTag tag = new OrderTag("itLimit1");

        KiteOrderId id = placed(client.placeOrder(OrderRequest.limit(tcs, Side.BUY, 2, price, KiteProduct.CNC, tag)));
        KiteOrder open = awaitStatus(id, "OPEN");
        assertThat(open.price()).isEqualTo(price);
        assertThat(open.pendingQuantity()).isEqualTo(2);
        assertThat(open.tag()).isEqualTo("itLimit1");

        assertThat(client.modifyOrder(id, ModifyRequest.limit(3, price - tick))).isEqualTo(id);
        List<KiteOrder> history = client.orderHistory(id);
        assertThat(history).extracting(KiteOrder::status).containsSubsequence("OPEN", "MODIFY VALIDATION PENDING",
                "MODIFY PENDING", "MODIFIED", "OPEN");
        assertThat(history.getLast().quantity()).isEqualTo(3);
        assertThat(history.getLast().price()).isEqualTo(price - tick);

        assertThat(client.cancelOrder(id)).isEqualTo(id);
        KiteOrder cancelled = awaitStatus(id, "CANCELLED");
        assertThat(cancelled.cancelledQuantity()).isEqualTo(3);
        assertThat(cancelled.filledQuantity()).isZero();
        assertThat(client.orders()).filteredOn(o -> o.tag().equals("itLimit1")).containsExactly(cancelled);
    }

    @Test
    void stopLossOrderWaitsForItsTriggerAndIsCancelled() {
        InstrumentKey sbin = InstrumentKey.nse("SBIN");
        long tick = instrument("SBIN").tickSize();
        long ltp = client.ltp(List.of(sbin)).get(sbin).lastPrice();
        long trigger = below(ltp, 0.95, tick);
        long limit = trigger - 2 * tick;

        KiteOrderId id = placed(client.placeOrder(OrderRequest.stopLimit(sbin, Side.SELL, 4, limit, trigger,
                KiteProduct.MIS, new OrderTag("itStop1"))));
        KiteOrder pending = awaitStatus(id, "TRIGGER PENDING");
        assertThat(pending.orderType()).isEqualTo(OrderType.SL);
        assertThat(pending.triggerPrice()).isEqualTo(trigger);
        assertThat(pending.price()).isEqualTo(limit);

        client.cancelOrder(id);
        assertThat(awaitStatus(id, "CANCELLED").cancelledQuantity()).isEqualTo(4);
    }

    @Test
    void stopMarketImmediateOrCancelAndDisclosedQuantityAreEchoed() {
        InstrumentKey ongc = InstrumentKey.nse("ONGC");
        long tick = instrument("ONGC").tickSize();
        long ltp = client.ltp(List.of(ongc)).get(ongc).lastPrice();
        long trigger = below(ltp, 1.05, tick) + tick;
        KiteOrderId stop = placed(client.placeOrder(OrderRequest.stopMarket(ongc, Side.BUY, 10, trigger,
                KiteProduct.MIS, new OrderTag("itStopMkt"))));
        KiteOrder pending = awaitStatus(stop, "TRIGGER PENDING");
        assertThat(pending.orderType()).isEqualTo(OrderType.SL_M);
        assertThat(pending.triggerPrice()).isEqualTo(trigger);
        assertThat(pending.price()).isZero();
        client.cancelOrder(stop);
        awaitStatus(stop, "CANCELLED");

        long limit = below(ltp, 0.95, tick);
        KiteOrderId disclosed = placed(client.placeOrder(OrderRequest.limit(ongc, Side.BUY, 10, limit,
                KiteProduct.CNC, new OrderTag("itDisclosed")).withDisclosedQuantity(2)));
        KiteOrder open = awaitStatus(disclosed, "OPEN");
        assertThat(open.disclosedQuantity()).isEqualTo(2);
        client.cancelOrder(disclosed);
        awaitStatus(disclosed, "CANCELLED");

        KiteOrderId ioc = placed(client.placeOrder(OrderRequest.limit(ongc, Side.BUY, 3, limit, KiteProduct.MIS,
                new OrderTag("itIoc")).withValidity(com.quantdesk.core.domain.Validity.IOC)));
        KiteOrder done = await().atMost(Duration.ofSeconds(10)).until(() -> client.orderHistory(ioc).getLast(),
                KiteOrder::isTerminal);
        assertThat(done.validity()).isEqualTo("IOC");
        assertThat(done.status()).isEqualTo("CANCELLED");
    }

    @Test
    void theTwentySixthModificationIsRefusedAsKiteRefusesIt() {
        InstrumentKey wipro = InstrumentKey.nse("WIPRO");
        long tick = instrument("WIPRO").tickSize();
        long price = below(client.ltp(List.of(wipro)).get(wipro).lastPrice(), 0.93, tick);
        KiteOrderId id = placed(client.placeOrder(OrderRequest.limit(wipro, Side.BUY, 1, price, KiteProduct.MIS,
                new OrderTag("itMods"))));
        awaitStatus(id, "OPEN");
        for (int i = 1; i <= 25; i++) {
            client.modifyOrder(id, ModifyRequest.limit(1, price - (i % 2) * tick));
        }

        assertThatThrownBy(() -> client.modifyOrder(id, ModifyRequest.limit(1, price - 5 * tick)))
                .isInstanceOfSatisfying(KiteException.NetworkException.class,
                        e -> assertThat(e.getMessage()).contains("Maximum allowed order modifications exceeded"));
        assertThat(client.orderHistory(id).getLast().price()).isEqualTo(price - tick);
        client.cancelOrder(id);
        awaitStatus(id, "CANCELLED");
    }

    @Test
    void holdingsAreTheConfiguredDematStock() {
        List<KiteHolding> holdings = client.holdings();
        assertThat(holdings).extracting(KiteHolding::tradingsymbol).containsExactly("INFY", "TCS");
        assertThat(holdings).allSatisfy(h -> {
            assertThat(h.exchange()).isEqualTo("NSE");
            assertThat(h.product()).isEqualTo("CNC");
            assertThat(h.isin()).matches("INE\\d{6}QD0");
            assertThat(h.instrumentToken()).isEqualTo(token(h.tradingsymbol()));
            assertThat(h.averagePrice()).isPositive();
            assertThat(h.pnl()).isEqualTo((h.lastPrice() - h.averagePrice()) * h.quantity());
            assertThat(h.dayChange()).isEqualTo(h.lastPrice() - h.closePrice());
        });
        assertThat(holdings).extracting(KiteHolding::quantity).containsExactly(10L, 5L);
    }

    @Test
    void quotesOfEveryShapeAgreeWithEachOtherAndTheInstrumentDump() {
        InstrumentKey infy = InstrumentKey.nse("INFY");
        InstrumentKey mm = InstrumentKey.nse("M&M");
        InstrumentKey unknown = InstrumentKey.nse("NOSUCH");
        List<InstrumentKey> keys = List.of(infy, mm, unknown);

        Map<InstrumentKey, KiteQuote> quotes = client.quote(keys);
        Map<InstrumentKey, KiteLtp> ltps = client.ltp(keys);
        Map<InstrumentKey, KiteOhlcQuote> ohlcs = client.ohlc(keys);

        for (Map<InstrumentKey, ?> answer : List.of(quotes, ltps, ohlcs)) {
            assertThat(answer).containsOnlyKeys(infy, mm);
        }
        for (InstrumentKey key : List.of(infy, mm)) {
            KiteInstrument instrument = instrument(key.tradingsymbol());
            KiteQuote q = quotes.get(key);
            assertThat(q.instrumentToken()).isEqualTo(instrument.instrumentToken())
                    .isEqualTo(ltps.get(key).instrumentToken()).isEqualTo(ohlcs.get(key).instrumentToken());
            // The dump's last_price is the previous close, as Kite's (generated once a day).
            assertThat(q.ohlc().close()).isEqualTo(instrument.lastPrice()).isEqualTo(ohlcs.get(key).ohlc().close());
            assertThat(q.lastPrice() % instrument.tickSize()).isZero();
            assertThat(q.netChange()).isEqualTo(q.lastPrice() - q.ohlc().close());
            assertThat(q.lowerCircuitLimit()).isLessThan(q.ohlc().close());
            assertThat(q.upperCircuitLimit()).isGreaterThan(q.ohlc().close());
            assertThat(q.bids()).hasSize(5);
            assertThat(q.offers()).hasSize(5);
            assertThat(q.bids().getFirst().price()).isLessThan(q.offers().getFirst().price());
            assertThat(q.timestamp()).isNotNull();
        }
    }

    @Test
    void instrumentDumpOfNse() {
        List<KiteInstrument> all = client.instruments("NSE");
        assertThat(all).hasSize(50);
        assertThat(all).extracting(KiteInstrument::instrumentToken).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(i -> {
            assertThat(i.instrumentToken()).isEqualTo(i.exchangeToken() << 8 | 1);
            assertThat(i.exchange()).isEqualTo("NSE");
            assertThat(i.segment()).isEqualTo("NSE");
            assertThat(i.instrumentType()).isEqualTo("EQ");
            assertThat(i.tickSize()).isPositive();
            assertThat(i.lotSize()).isEqualTo(1);
            assertThat(i.expiry()).isNull();
            assertThat(i.lastPrice()).isPositive();
        });
        assertThat(all).extracting(KiteInstrument::tradingsymbol).contains("INFY", "M&M", "BAJAJ-AUTO");
    }

    @Test
    void historicalCandlesAcrossMoreThanOneRequestSpan() throws Exception {
        long infy = token("INFY");
        Instant from = LocalDate.of(2025, 1, 1).atTime(9, 0).atZone(IST).toInstant();
        Instant to = LocalDate.of(2026, 3, 31).atTime(16, 0).atZone(IST).toInstant();
        assertThat(Duration.between(from, to)).isGreaterThan(CandleInterval.SIXTY_MINUTE.maxSpan());
        // Asked in one request, the sandbox refuses the span as Kite does: the client must page.
        KiteRequest whole = new KiteRequest("GET", "/instruments/historical/" + infy + "/60minute", List.of(
                Map.entry("from", "2025-01-01 09:00:00"), Map.entry("to", "2026-03-31 16:00:00")),
                EndpointClass.HISTORICAL);
        assertThatThrownBy(() -> kite.transport.call(whole, kite.session))
                .isInstanceOfSatisfying(KiteException.InputException.class,
                        e -> assertThat(e.getMessage()).contains("interval exceeds max limit"));

        List<KiteCandle> candles = client.historical(infy, CandleInterval.SIXTY_MINUTE, from, to, false, true);

        assertThat(candles).isNotEmpty();
        for (int i = 1; i < candles.size(); i++) {
            assertThat(candles.get(i).start()).isAfter(candles.get(i - 1).start());
        }
        assertThat(candles).allSatisfy(c -> {
            assertThat(c.start()).isBetween(from, to);
            assertThat(c.low()).isLessThanOrEqualTo(Math.min(c.open(), c.close()));
            assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
            assertThat(c.oi()).isZero();
        });
        Map<LocalDate, Long> perDay = candles.stream().collect(Collectors.groupingBy(
                c -> c.start().atZone(IST).toLocalDate(), Collectors.counting()));
        TreeSet<LocalDate> weekdays = new TreeSet<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); !d.isAfter(LocalDate.of(2026, 3, 31)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays.add(d);
            }
        }
        // Every weekday on both sides of the page boundary is there once, with a full day of candles.
        assertThat(perDay.keySet()).containsExactlyInAnyOrderElementsOf(weekdays);
        assertThat(perDay.values().stream().distinct().toList()).hasSize(1);
    }

    @Test
    void everyErrorTypeTheSandboxAnswersReachesTheClientTyped() {
        // TokenException: a token the sandbox never issued.
        KiteClient stranger = new KiteClient(kite.transport, new KiteSession("bogus", "QD0001", Instant.now()));
        assertThatThrownBy(stranger::orders).isInstanceOfSatisfying(KiteException.TokenException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(403));

        // InputException: an instrument the exchange does not list; no order is booked.
        int before = client.orders().size();
        assertThatThrownBy(() -> client.placeOrder(OrderRequest.market(InstrumentKey.nse("NOSUCH"), Side.BUY, 1,
                KiteProduct.MIS, new OrderTag("itBadSymbol")))).isInstanceOfSatisfying(
                KiteException.InputException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.isOutcomeUnknown()).isFalse();
                });
        assertThat(client.orders()).hasSize(before);
        assertThatThrownBy(() -> client.historical(999_999, CandleInterval.DAY, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), false, false)).isInstanceOf(KiteException.InputException.class);

        // OrderException: an order id the book does not hold.
        assertThatThrownBy(() -> client.orderHistory(KiteOrderId.of("999999999999999")))
                .isInstanceOfSatisfying(KiteException.OrderException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(400));

        // NetworkException: 429, 503, 504 (reads are retried, then fail typed).
        int waitsBefore = kite.clock.waits().size();
        kite.sandbox.faults().tooManyRequests(1);
        assertThatThrownBy(client::profile).isInstanceOfSatisfying(KiteException.NetworkException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(e.getMessage()).isEqualTo("Too many requests");
            assertThat(e.isRetryable()).isTrue();
        });
        assertThat(kite.clock.waits().size() - waitsBefore).as("backoffs between the 3 attempts").isEqualTo(2);
        for (int status : List.of(503, 504)) {
            kite.sandbox.faults().reset().serverErrors(1, status);
            assertThatThrownBy(client::profile).isInstanceOfSatisfying(KiteException.NetworkException.class,
                    e -> assertThat(e.httpStatus()).isEqualTo(status));
        }
        // DataException 502 and GeneralException 500.
        kite.sandbox.faults().reset().serverErrors(1, 502);
        assertThatThrownBy(client::profile).isInstanceOfSatisfying(KiteException.DataException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(502));
        kite.sandbox.faults().reset().serverErrors(1, 500);
        assertThatThrownBy(client::profile).isInstanceOfSatisfying(KiteException.GeneralException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.errorType()).isEqualTo("GeneralException");
        });
        kite.sandbox.faults().reset();
        // GeneralException 404: a route Kite does not have.
        assertThatThrownBy(() -> kite.transport.call(KiteRequest.get("/no/such/route", EndpointClass.OTHER),
                kite.session)).isInstanceOfSatisfying(KiteException.GeneralException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(404));
        assertThat(client.profile().userId()).isEqualTo("QD0001");
    }

    private static KiteOrderId placed(OrderPlacement placement) {
        assertThat(placement).isInstanceOf(OrderPlacement.Placed.class);
        return ((OrderPlacement.Placed) placement).orderId();
    }

    private static KiteOrder awaitStatus(KiteOrderId id, String status) {
        Predicate<KiteOrder> reached = o -> o.status().equals(status);
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.orderHistory(id).getLast(), reached::test);
    }

    private static KiteInstrument instrument(String symbol) {
        return client.instruments("NSE").stream().filter(i -> i.tradingsymbol().equals(symbol)).findFirst()
                .orElseThrow();
    }

    private static long token(String symbol) {
        return instrument(symbol).instrumentToken();
    }

    /** {@code fraction} of {@code price}, down to a whole tick. */
    private static long below(long price, double fraction, long tick) {
        return (long) (price * fraction) / tick * tick;
    }

    private static long cashFlow(List<KiteTrade> trades) {
        return trades.stream().mapToLong(t -> (t.side() == Side.SELL ? 1 : -1) * t.quantity() * t.averagePrice())
                .sum();
    }

    private static Map<String, Object> rawOrder(String orderId) throws Exception {
        KiteHttp http = new KiteHttp(kite.sandbox.restUrl(), KEY).login(kite.sandbox, SECRET);
        return http.get("/orders").dataList().stream().filter(o -> orderId.equals(o.get("order_id"))).findFirst()
                .orElseThrow();
    }

    private static Map<String, String> query(String url) {
        String q = URI.create(url).getRawQuery();
        return java.util.Arrays.stream(q.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> p[0], p -> java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", java.nio.charset.StandardCharsets.UTF_8),
                (a, b) -> b));
    }
}
