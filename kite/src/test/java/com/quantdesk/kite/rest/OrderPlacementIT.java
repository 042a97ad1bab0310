package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.FakeKite.Answer.error;
import static com.quantdesk.kite.rest.FakeKite.Answer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Validity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderPlacementIT {

    private static final InstrumentKey INFY = InstrumentKey.nse("INFY");
    private static final OrderTag TAG = OrderTag.of(OrderId.of(42));
    private static final KiteOrderId ORDER_ID = KiteOrderId.of("151220000000000");
    private static final KiteResilience RESILIENCE = new KiteResilience(3, Duration.ofMillis(200),
            Duration.ofSeconds(2), 5, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1));

    private KiteTestbed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new KiteTestbed(RESILIENCE, "ALGO77", Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private static String order(String tag, String status) {
        return """
                {"order_id":"151220000000000","status":"%s","exchange":"NSE","tradingsymbol":"INFY",
                 "instrument_token":408065,"order_type":"MARKET","transaction_type":"BUY","validity":"DAY",
                 "product":"CNC","quantity":5,"price":0,"trigger_price":0,"average_price":0,"filled_quantity":0,
                 "pending_quantity":5,"cancelled_quantity":0,"order_timestamp":"2026-12-03 09:30:00","tag":"%s"}"""
                .formatted(status, tag);
    }

    @Test
    void marketOrderCarriesTagAutomaticMarketProtectionAndAlgoId() {
        bed.kite.on("POST", "/orders/regular", success("{\"order_id\":\"151220000000000\"}"));

        OrderPlacement result = bed.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 5, KiteProduct.CNC, TAG));

        assertThat(result).isEqualTo(new OrderPlacement.Placed(TAG, ORDER_ID));
        FakeKite.Request sent = bed.kite.only("POST", "/orders/regular");
        assertThat(sent.body()).isEqualTo("tradingsymbol=INFY&exchange=NSE&transaction_type=BUY&order_type=MARKET"
                + "&quantity=5&product=CNC&validity=DAY&market_protection=-1&tag=QD42&algo_id=ALGO77");
        assertThat(sent.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.header("Authorization")).isEqualTo("token kitefront:acc355t0k3n");
        assertThat(sent.header("X-Kite-Version")).isEqualTo("3");
    }

    @Test
    void limitStopLimitAndStopMarketOrdersSendExactlyTheirPrices() {
        bed.kite.on("POST", "/orders/regular", success("{\"order_id\":\"1\"}"));

        bed.client.placeOrder(OrderRequest.limit(INFY, Side.SELL, 10, 152_005, KiteProduct.MIS, TAG)
                .withValidity(Validity.IOC));
        bed.client.placeOrder(OrderRequest.stopLimit(INFY, Side.BUY, 1, 152_010, 152_000, KiteProduct.NRML, TAG)
                .withDisclosedQuantity(1));
        bed.client.placeOrder(OrderRequest.stopMarket(INFY, Side.SELL, 3, 149_990, KiteProduct.MIS, TAG)
                .withMarketProtection(5));

        assertThat(bed.kite.requests("POST", "/orders/regular")).extracting(FakeKite.Request::body).containsExactly(
                "tradingsymbol=INFY&exchange=NSE&transaction_type=SELL&order_type=LIMIT&quantity=10&product=MIS"
                        + "&validity=IOC&price=1520.05&tag=QD42&algo_id=ALGO77",
                "tradingsymbol=INFY&exchange=NSE&transaction_type=BUY&order_type=SL&quantity=1&product=NRML"
                        + "&validity=DAY&price=1520.10&trigger_price=1520.00&disclosed_quantity=1&tag=QD42"
                        + "&algo_id=ALGO77",
                "tradingsymbol=INFY&exchange=NSE&transaction_type=SELL&order_type=SL-M&quantity=3&product=MIS"
                        + "&validity=DAY&trigger_price=1499.90&market_protection=5&tag=QD42&algo_id=ALGO77");
    }

    @Test
    void withoutAlgoIdNoAlgoIdIsSent() throws Exception {
        try (KiteTestbed plain = new KiteTestbed()) {
            plain.kite.on("POST", "/orders/regular", success("{\"order_id\":\"1\"}"));

            plain.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 5, KiteProduct.CNC, TAG));

            assertThat(plain.kite.only("POST", "/orders/regular").form()).noneMatch(f -> f.startsWith("algo_id="));
        }
    }

    @Test
    void invalidOrdersAreRefusedBeforeSending() {
        assertThatThrownBy(() -> new OrderTag("QD-42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderTag("A".repeat(21))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OrderTag("A".repeat(20)).value()).hasSize(20);
        assertThatThrownBy(() -> OrderRequest.limit(INFY, Side.BUY, 1, 0, KiteProduct.CNC, TAG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRequest.market(INFY, Side.BUY, 0, KiteProduct.CNC, TAG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRequest.market(INFY, Side.BUY, 1, KiteProduct.CNC, TAG).withMarketProtection(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timedOutPlacementThatReachedKiteIsFoundByTagAndNotSentAgain() {
        bed.kite.on("POST", "/orders/regular", FakeKite.Answer.HANG);
        bed.kite.on("GET", "/orders", success("[" + order("QD41", "COMPLETE") + "," + order("QD42", "OPEN") + "]"));

        OrderPlacement result = bed.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 5, KiteProduct.CNC, TAG));

        assertThat(result).isInstanceOfSatisfying(OrderPlacement.Recovered.class, r -> {
            assertThat(r.order().tag()).isEqualTo("QD42");
            assertThat(r.order().status()).isEqualTo("OPEN");
            assertThat(r.cause().errorType()).isEqualTo("Timeout");
        });
        assertThat(bed.kite.requests("POST", "/orders/regular")).hasSize(1);
        assertThat(bed.kite.requests("GET", "/orders")).hasSize(1);
        assertThat(bed.sleeper.waits()).contains(Duration.ofSeconds(1));
    }

    @Test
    void placementThatFailedWith5xxAndIsNotInTheBookIsReportedNotPlaced() {
        bed.kite.on("POST", "/orders/regular", new FakeKite.Answer(503, "text/html", "<html>down</html>"));
        bed.kite.on("GET", "/orders", success("[" + order("QD41", "OPEN") + "]"));

        OrderPlacement result = bed.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 5, KiteProduct.CNC, TAG));

        assertThat(result).isInstanceOfSatisfying(OrderPlacement.NotPlaced.class, r -> {
            assertThat(r.tag()).isEqualTo(TAG);
            assertThat(r.cause().httpStatus()).isEqualTo(503);
        });
        assertThat(bed.kite.requests("POST", "/orders/regular")).hasSize(1);
    }

    @Test
    void placementThatFailedWith5xxButWasPlacedIsRecovered() {
        bed.kite.on("POST", "/orders/regular", error(500, "GeneralException", "Something went wrong"));
        bed.kite.on("GET", "/orders", success("[" + order("QD42", "OPEN") + "]"));

        OrderPlacement result = bed.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 5, KiteProduct.CNC, TAG));

        assertThat(result).isInstanceOf(OrderPlacement.Recovered.class);
        assertThat(bed.kite.requests("POST", "/orders/regular")).hasSize(1);
    }

    @Test
    void timedOutPlacementThatNeverReachedKiteIsReportedNotPlaced() {
        bed.kite.on("POST", "/orders/regular", FakeKite.Answer.HANG);
        bed.kite.on("GET", "/orders", success("[]"));

        OrderPlacement result = bed.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 5, KiteProduct.CNC, TAG));

        assertThat(result).isInstanceOfSatisfying(OrderPlacement.NotPlaced.class,
                r -> assertThat(r.cause().isOutcomeUnknown()).isTrue());
        assertThat(bed.kite.requests("POST", "/orders/regular")).hasSize(1);
    }

    @Test
    void burstWithLostAnswersPlacesEveryOrderExactlyOnce() {
        // A stateful Kite: every POST is booked, but every third answer is lost as a 503.
        List<String> book = new java.util.concurrent.CopyOnWriteArrayList<>();
        bed.kite.handle("POST", "/orders/regular", request -> {
            String tag = request.form().stream().filter(f -> f.startsWith("tag=")).findFirst().orElseThrow()
                    .substring(4);
            book.add(tag);
            return book.size() % 3 == 0 ? error(503, "NetworkException", "lost")
                    : success("{\"order_id\":\"" + book.size() + "\"}");
        });
        bed.kite.handle("GET", "/orders", request -> success(book.stream().map(tag -> order(tag, "OPEN"))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"))));

        List<OrderPlacement> results = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            results.add(bed.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 1, KiteProduct.MIS,
                    OrderTag.of(OrderId.of(i)))));
        }

        assertThat(results).filteredOn(OrderPlacement.Placed.class::isInstance).hasSize(20);
        assertThat(results).filteredOn(OrderPlacement.Recovered.class::isInstance).hasSize(10);
        assertThat(book).hasSize(30).doesNotHaveDuplicates();
        assertThat(results).extracting(OrderPlacement::tag).extracting(OrderTag::value)
                .containsExactlyElementsOf(book);
    }

    @Test
    void whenTheLookupFailsTooTheOutcomeIsUnknown() {
        bed.kite.on("POST", "/orders/regular", error(503, "NetworkException", "OMS unreachable"));
        bed.kite.on("GET", "/orders", error(503, "NetworkException", "OMS unreachable"));

        OrderPlacement result = bed.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 5, KiteProduct.CNC, TAG));

        assertThat(result).isInstanceOfSatisfying(OrderPlacement.Unknown.class,
                r -> assertThat(r.lookupFailure()).isInstanceOf(KiteException.NetworkException.class));
        assertThat(bed.kite.requests("POST", "/orders/regular")).hasSize(1);
        assertThat(bed.kite.requests("GET", "/orders")).hasSize(RESILIENCE.maxReadAttempts());
    }

    @Test
    void definiteRefusalIsThrownWithoutALookup() {
        bed.kite.on("POST", "/orders/regular", error(400, "MarginException", "Insufficient funds."));

        assertThatThrownBy(() -> bed.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 5, KiteProduct.CNC, TAG)))
                .isInstanceOf(KiteException.MarginException.class).hasMessage("Insufficient funds.");
        assertThat(bed.kite.requests()).hasSize(1);
    }

    @Test
    void rateLimited429IsThrownWithoutALookup() {
        bed.kite.on("POST", "/orders/regular", error(429, "NetworkException", "Too many requests"));

        assertThatThrownBy(() -> bed.client.placeOrder(OrderRequest.market(INFY, Side.BUY, 5, KiteProduct.CNC, TAG)))
                .isInstanceOf(KiteException.NetworkException.class);
        assertThat(bed.kite.requests()).hasSize(1);
    }

    @Test
    void modifySendsNewTermsInForm() {
        bed.kite.on("PUT", "/orders/regular/151220000000000", success("{\"order_id\":\"151220000000000\"}"));

        KiteOrderId id = bed.client.modifyOrder(ORDER_ID, ModifyRequest.limit(7, 151_995));

        assertThat(id).isEqualTo(ORDER_ID);
        assertThat(bed.kite.only("PUT", "/orders/regular/151220000000000").body())
                .isEqualTo("order_type=LIMIT&quantity=7&validity=DAY&price=1519.95");
    }

    @Test
    void lostModificationAlreadyInEffectIsNotResent() {
        bed.kite.on("PUT", "/orders/regular/151220000000000", FakeKite.Answer.HANG);
        bed.kite.on("GET", "/orders/151220000000000", success("[" + order("QD42", "OPEN")
                .replace("\"MARKET\"", "\"LIMIT\"").replace("\"quantity\":5", "\"quantity\":7")
                .replace("\"price\":0", "\"price\":1519.95") + "]"));

        assertThat(bed.client.modifyOrder(ORDER_ID, ModifyRequest.limit(7, 151_995)))
                .isEqualTo(ORDER_ID);
        assertThat(bed.kite.requests("PUT", "/orders/regular/151220000000000")).hasSize(1);
    }

    @Test
    void lostModificationNotInEffectIsReportedAsItsFailure() {
        bed.kite.on("PUT", "/orders/regular/151220000000000", error(502, "DataException", "Unknown OMS answer"));
        bed.kite.on("GET", "/orders/151220000000000", success("[" + order("QD42", "OPEN") + "]"));

        assertThatThrownBy(() -> bed.client.modifyOrder(ORDER_ID, ModifyRequest.limit(7, 151_995)))
                .isInstanceOf(KiteException.DataException.class);
        assertThat(bed.kite.requests("PUT", "/orders/regular/151220000000000")).hasSize(1);
    }

    @Test
    void cancelSendsDeleteAndALostCancelThatTookEffectSucceeds() {
        bed.kite.on("DELETE", "/orders/regular/151220000000000",
                success("{\"order_id\":\"151220000000000\"}"), error(503, "NetworkException", "OMS unreachable"));
        bed.kite.on("GET", "/orders/151220000000000",
                success("[" + order("QD42", "OPEN") + "," + order("QD42", "CANCELLED") + "]"));

        assertThat(bed.client.cancelOrder(ORDER_ID)).isEqualTo(ORDER_ID);
        assertThat(bed.client.cancelOrder(ORDER_ID)).isEqualTo(ORDER_ID);

        List<FakeKite.Request> deletes = bed.kite.requests("DELETE", "/orders/regular/151220000000000");
        assertThat(deletes).hasSize(2);
        assertThat(deletes.getFirst().body()).isEmpty();
        assertThat(deletes.getFirst().rawQuery()).isNull();
    }
}
