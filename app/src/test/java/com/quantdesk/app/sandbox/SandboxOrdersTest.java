package com.quantdesk.app.sandbox;

import static com.quantdesk.app.sandbox.SandboxSessionTest.KEY;
import static com.quantdesk.app.sandbox.SandboxSessionTest.assertError;
import static com.quantdesk.app.sandbox.SandboxSessionTest.config;
import static com.quantdesk.app.sandbox.SandboxSessionTest.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Orders through the simulated venue, trades, positions and holdings, over real HTTP and the ticker. */
class SandboxOrdersTest {

    static final List<String> ORDER_FIELDS = List.of("account_id", "placed_by", "order_id", "exchange_order_id",
            "parent_order_id", "status", "status_message", "status_message_raw", "order_timestamp",
            "exchange_update_timestamp", "exchange_timestamp", "variety", "modified", "exchange", "tradingsymbol",
            "instrument_token", "order_type", "transaction_type", "validity", "validity_ttl", "product", "quantity",
            "disclosed_quantity", "price", "trigger_price", "average_price", "filled_quantity", "pending_quantity",
            "cancelled_quantity", "auction_number", "market_protection", "meta", "tag", "tags", "guid");

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

    static Map<String, String> market(String symbol, String side, int quantity, String tag) {
        Map<String, String> form = new HashMap<>(Map.of("tradingsymbol", symbol, "exchange", "NSE",
                "transaction_type", side, "order_type", "MARKET", "quantity", String.valueOf(quantity),
                "product", "MIS", "validity", "DAY", "market_protection", "-1"));
        if (tag != null) {
            form.put("tag", tag);
        }
        return form;
    }

    static double ltp(String symbol) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> q = (Map<String, Object>) client.get("/quote/ltp?i=NSE:" + symbol).data().get("NSE:" + symbol);
        return ((Number) q.get("last_price")).doubleValue();
    }

    @Test
    void marketOrderGoesOpenThenCompleteWithTradesPositionsAndTickerUpdates() throws Exception {
        try (TickerProbe ticker = TickerProbe.connect(sandbox.tickerUrl(), KEY, client.accessToken())) {
            // The handshake completes on the client before the server adds the connection to those it
            // tells of orders; an order placed in between would send its OPEN update to no one.
            await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.tickerConnections() == 1);
            KiteHttp.Answer placed = client.post("/orders/regular", market("INFY", "BUY", 3, "qdBuy1"));

            assertThat(placed.status()).as(placed.body()).isEqualTo(200);
            String orderId = (String) placed.data().get("order_id");
            assertThat(orderId).matches("\\d{15}");
            await().atMost(Duration.ofSeconds(10)).until(() -> status(orderId).equals("COMPLETE"));

            List<Map<String, Object>> history = client.get("/orders/" + orderId).dataList();
            assertThat(history).extracting(h -> h.get("status")).containsSubsequence("PUT ORDER REQ RECEIVED",
                    "VALIDATION PENDING", "OPEN PENDING", "OPEN", "COMPLETE");
            assertThat(history).allSatisfy(h -> assertThat(h).containsOnlyKeys(ORDER_FIELDS));
            Map<String, Object> done = history.getLast();
            assertThat(done).containsEntry("tag", "qdBuy1").containsEntry("filled_quantity", 3)
                    .containsEntry("pending_quantity", 0).containsEntry("market_protection", -1)
                    .containsEntry("order_type", "MARKET").containsEntry("transaction_type", "BUY")
                    .containsEntry("variety", "regular").containsEntry("product", "MIS");
            assertThat(((Number) done.get("average_price")).doubleValue()).isPositive();

            List<Map<String, Object>> trades = client.get("/orders/" + orderId + "/trades").dataList();
            assertThat(trades).hasSize(1);
            assertThat(trades.getFirst()).containsOnlyKeys("trade_id", "order_id", "exchange", "tradingsymbol",
                    "instrument_token", "product", "average_price", "quantity", "exchange_order_id",
                    "transaction_type", "fill_timestamp", "order_timestamp", "exchange_timestamp");
            assertThat(trades.getFirst()).containsEntry("order_id", orderId).containsEntry("quantity", 3);
            assertThat(client.get("/trades").dataList()).extracting(t -> t.get("order_id")).contains(orderId);

            Map<String, Object> positions = client.get("/portfolio/positions").data();
            assertThat(positions).containsOnlyKeys("net", "day");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> net = (List<Map<String, Object>>) positions.get("net");
            Map<String, Object> infy = net.stream().filter(p -> p.get("tradingsymbol").equals("INFY")).findFirst()
                    .orElseThrow();
            assertThat(infy).containsOnlyKeys("tradingsymbol", "exchange", "instrument_token", "product", "quantity",
                    "overnight_quantity", "multiplier", "average_price", "close_price", "last_price", "value", "pnl",
                    "m2m", "unrealised", "realised", "buy_quantity", "buy_price", "buy_value", "buy_m2m",
                    "sell_quantity", "sell_price", "sell_value", "sell_m2m", "day_buy_quantity", "day_buy_price",
                    "day_buy_value", "day_sell_quantity", "day_sell_price", "day_sell_value");
            assertThat(((Number) infy.get("buy_quantity")).longValue()).isGreaterThanOrEqualTo(3);

            await().atMost(Duration.ofSeconds(10)).until(() -> ticker.texts.stream()
                    .anyMatch(t -> t.contains(orderId) && t.contains("\"status\":\"COMPLETE\"")));
            List<Map<String, Object>> updates = ticker.texts.stream().map(SandboxOrdersTest::parse)
                    .filter(m -> "order".equals(m.get("type"))).map(m -> data(m))
                    .filter(d -> orderId.equals(d.get("order_id"))).toList();
            assertThat(updates).extracting(d -> d.get("status")).containsExactly("OPEN", "COMPLETE");
            assertThat(updates.getLast()).containsEntry("tag", "qdBuy1").containsEntry("checksum", "")
                    .containsKeys("user_id", "unfilled_quantity", "app_id", "guid", "order_timestamp");
        }
    }

    @Test
    void limitOrderRestsOpenCanBeModifiedAndCancelled() throws Exception {
        double far = new BigDecimal(ltp("TCS") * 0.95).setScale(0, java.math.RoundingMode.DOWN).doubleValue();
        Map<String, String> form = new HashMap<>(market("TCS", "BUY", 2, "qdLimit"));
        form.put("order_type", "LIMIT");
        form.put("price", String.valueOf(far));
        form.remove("market_protection");
        String orderId = (String) client.post("/orders/regular", form).data().get("order_id");
        await().atMost(Duration.ofSeconds(5)).until(() -> status(orderId).equals("OPEN"));

        KiteHttp.Answer modified = client.put("/orders/regular/" + orderId, Map.of("quantity", "4",
                "price", String.valueOf(far - 1), "order_type", "LIMIT"));
        assertThat(modified.status()).as(modified.body()).isEqualTo(200);
        assertThat(modified.data()).containsEntry("order_id", orderId);
        Map<String, Object> now = order(orderId);
        assertThat(now).containsEntry("quantity", 4).containsEntry("modified", true).containsEntry("status", "OPEN");
        assertThat(((Number) now.get("price")).doubleValue()).isEqualTo(far - 1);

        KiteHttp.Answer cancelled = client.delete("/orders/regular/" + orderId);
        assertThat(cancelled.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(orderId).equals("CANCELLED"));
        assertThat(order(orderId)).containsEntry("cancelled_quantity", 4).containsEntry("pending_quantity", 0);
        assertThat(client.get("/orders/" + orderId).dataList()).extracting(h -> h.get("status"))
                .containsSubsequence("OPEN", "MODIFY VALIDATION PENDING", "MODIFY PENDING", "MODIFIED", "OPEN",
                        "CANCEL PENDING", "CANCELLED");

        assertError(client.delete("/orders/regular/" + orderId), 400, "OrderException");
        assertError(client.put("/orders/regular/" + orderId, Map.of("quantity", "5")), 400, "OrderException");
    }

    @Test
    void stopOrderWaitsAsTriggerPending() throws Exception {
        double above = Math.ceil(ltp("RELIANCE") * 1.05);
        Map<String, String> form = new HashMap<>(market("RELIANCE", "BUY", 1, null));
        form.put("order_type", "SL-M");
        form.put("trigger_price", String.valueOf(above));
        String orderId = (String) client.post("/orders/regular", form).data().get("order_id");

        await().atMost(Duration.ofSeconds(5)).until(() -> status(orderId).equals("TRIGGER PENDING"));
        client.delete("/orders/regular/" + orderId);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(orderId).equals("CANCELLED"));
    }

    @Test
    void rejectsABuyBeyondTheCashAvailable() throws Exception {
        KiteHttp.Answer placed = client.post("/orders/regular", market("HDFCBANK", "BUY", 1_000_000, null));

        String orderId = (String) placed.data().get("order_id");
        Map<String, Object> order = order(orderId);
        assertThat(order).containsEntry("status", "REJECTED");
        assertThat((String) order.get("status_message")).startsWith("Insufficient funds");
    }

    @Test
    void refusesInvalidOrdersWithInputException() throws Exception {
        Map<String, String> noProtection = market("INFY", "BUY", 1, null);
        noProtection.remove("market_protection");
        assertError(client.post("/orders/regular", noProtection), 400, "InputException");
        Map<String, String> zeroProtection = market("INFY", "BUY", 1, null);
        zeroProtection.put("market_protection", "0");
        assertError(client.post("/orders/regular", zeroProtection), 400, "InputException");
        assertError(client.post("/orders/regular", market("NOSUCH", "BUY", 1, null)), 400, "InputException");
        assertError(client.post("/orders/regular", market("INFY", "HOLD", 1, null)), 400, "InputException");
        assertError(client.post("/orders/regular", market("INFY", "BUY", 0, null)), 400, "InputException");
        assertError(client.post("/orders/regular", market("INFY", "BUY", 1, "this-tag-is-way-too-long-for-kite")),
                400, "InputException");
        Map<String, String> limitWithoutPrice = market("INFY", "BUY", 1, null);
        limitWithoutPrice.put("order_type", "LIMIT");
        assertError(client.post("/orders/regular", limitWithoutPrice), 400, "InputException");
        assertError(client.post("/orders/bo", market("INFY", "BUY", 1, null)), 400, "InputException");
        assertError(client.get("/orders/999999999999999"), 400, "OrderException");
    }

    @Test
    void listsHoldingsInKitesShape() throws Exception {
        List<Map<String, Object>> holdings = client.get("/portfolio/holdings").dataList();

        assertThat(holdings).extracting(h -> h.get("tradingsymbol")).containsExactly("INFY", "TCS");
        assertThat(holdings.getFirst()).containsOnlyKeys("tradingsymbol", "exchange", "instrument_token", "isin",
                "product", "price", "quantity", "used_quantity", "t1_quantity", "realised_quantity",
                "authorised_quantity", "authorised_date", "authorisation", "opening_quantity", "short_quantity",
                "collateral_quantity", "collateral_type", "discrepancy", "average_price", "last_price", "close_price",
                "pnl", "day_change", "day_change_percentage", "mtf");
        assertThat(holdings.getFirst()).containsEntry("quantity", 10);
    }

    @Test
    void listsEveryOrderOfTheDay() throws Exception {
        String orderId = (String) client.post("/orders/regular", market("SBIN", "SELL", 1, "qdList")).data()
                .get("order_id");

        List<Map<String, Object>> orders = client.get("/orders").dataList();
        assertThat(orders).extracting(o -> o.get("order_id")).contains(orderId);
        assertThat(orders).allSatisfy(o -> assertThat(o).containsOnlyKeys(ORDER_FIELDS));
    }

    private static String status(String orderId) throws Exception {
        return (String) order(orderId).get("status");
    }

    private static Map<String, Object> order(String orderId) throws Exception {
        return client.get("/orders/" + orderId).dataList().getLast();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String text) {
        try {
            return KiteHttp.JSON.readValue(text, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> message) {
        return (Map<String, Object>) message.get("data");
    }
}
