package com.quantdesk.app.sandbox;

import static com.quantdesk.app.sandbox.SandboxSessionTest.assertError;
import static com.quantdesk.app.sandbox.SandboxSessionTest.config;
import static com.quantdesk.app.sandbox.SandboxSessionTest.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quotes, the instruments CSV and historical candles in Kite's shapes. */
class SandboxMarketDataTest {

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

    @Test
    void fullQuoteIsKeyedByTheAskedNameAndHasKitesFields() throws Exception {
        long token = ((Number) (KiteHttp.map(client.get("/quote/ltp?i=NSE:INFY").data().get("NSE:INFY")))
                .get("instrument_token")).longValue();

        Map<String, Object> data = client.get("/quote?i=NSE:INFY&i=" + token + "&i=NSE:NOSUCH").data();

        assertThat(data).containsOnlyKeys("NSE:INFY", String.valueOf(token));
        Map<String, Object> q = KiteHttp.map(data.get("NSE:INFY"));
        assertThat(q).containsOnlyKeys("instrument_token", "timestamp", "last_trade_time", "last_price",
                "last_quantity", "buy_quantity", "sell_quantity", "volume", "average_price", "oi", "oi_day_high",
                "oi_day_low", "net_change", "lower_circuit_limit", "upper_circuit_limit", "ohlc", "depth");
        assertThat(KiteHttp.map(q.get("ohlc"))).containsOnlyKeys("open", "high", "low", "close");
        Map<String, Object> depth = KiteHttp.map(q.get("depth"));
        assertThat(depth).containsOnlyKeys("buy", "sell");
        assertThat((List<?>) depth.get("buy")).hasSize(5)
                .allSatisfy(row -> assertThat(KiteHttp.map(row)).containsOnlyKeys("price", "quantity", "orders"));
        assertThat((List<?>) depth.get("sell")).hasSize(5);
        assertThat((String) q.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(((Number) q.get("instrument_token")).longValue() & 0xff).isEqualTo(1);
    }

    @Test
    void ltpAndOhlcQuotesHaveTheirShortShapes() throws Exception {
        assertThat(KiteHttp.map(client.get("/quote/ltp?i=NSE:TCS").data().get("NSE:TCS")))
                .containsOnlyKeys("instrument_token", "last_price");
        assertThat(KiteHttp.map(client.get("/quote/ohlc?i=NSE:TCS").data().get("NSE:TCS")))
                .containsOnlyKeys("instrument_token", "last_price", "ohlc");
        assertError(client.get("/quote"), 400, "InputException");
    }

    @Test
    void instrumentsAreAnNseCsvWithKitesHeader() throws Exception {
        KiteHttp.Answer answer = client.get("/instruments");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Content-Type").orElse("")).contains("csv");
        List<String> lines = answer.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,"
                + "strike,tick_size,lot_size,instrument_type,segment,exchange");
        assertThat(lines).hasSize(51);
        String infy = lines.stream().filter(l -> l.split(",")[2].equals("INFY")).findFirst().orElseThrow();
        String[] f = infy.split(",", -1);
        assertThat(f).hasSize(12);
        assertThat(Long.parseLong(f[0])).isEqualTo(Long.parseLong(f[1]) << 8 | 1);
        assertThat(f[5]).isEmpty();
        assertThat(f[8]).isEqualTo("1");
        assertThat(List.of(f[9], f[10], f[11])).containsExactly("EQ", "NSE", "NSE");
        assertThat(Double.parseDouble(f[7])).isPositive();
        assertThat(client.get("/instruments/NSE").body()).isEqualTo(answer.body());
        assertThat(client.get("/instruments/NFO").body().lines()).hasSize(1);
        assertError(client.get("/instruments/XYZ"), 400, "InputException");
    }

    @Test
    void historicalCandlesNeverLieInTheFuture() throws Exception {
        LocalDate today = LocalDate.now(KiteJson.IST);

        KiteHttp.Answer answer = client.get("/instruments/historical/257/day?from=" + today.minusDays(20) + "&to="
                + today.plusDays(20));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<List<Object>> candles = (List<List<Object>>) answer.data().get("candles");
        assertThat(candles).isNotEmpty().allSatisfy(c -> assertThat(LocalDate.parse(((String) c.getFirst())
                .substring(0, 10))).isBeforeOrEqualTo(today));
        assertThat(candles.getFirst()).hasSize(6);
    }

    @Test
    void historicalCandlesAreIsoTimedRowsWithinTheRange() throws Exception {
        long token = ((Number) (KiteHttp.map(client.get("/quote/ltp?i=NSE:INFY").data().get("NSE:INFY")))
                .get("instrument_token")).longValue();

        LocalDate day = LocalDate.now(KiteJson.IST).minusDays(30);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.minusDays(1);
        }
        String range = "from=" + day + "+09:15:00&to=" + day + "+15:30:00&oi=1";
        KiteHttp.Answer answer = client.get("/instruments/historical/" + token + "/5minute?" + range);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<List<Object>> candles = (List<List<Object>>) answer.data().get("candles");
        assertThat(candles).hasSize(75);
        assertThat(candles.getFirst().getFirst()).isEqualTo(day + "T09:15:00+0530");
        assertThat(candles).allSatisfy(c -> assertThat(c).hasSize(7));
        List<Object> first = candles.getFirst();
        double open = ((Number) first.get(1)).doubleValue();
        double high = ((Number) first.get(2)).doubleValue();
        double low = ((Number) first.get(3)).doubleValue();
        assertThat(low).isLessThanOrEqualTo(open).isLessThanOrEqualTo(high);
        assertThat(client.get("/instruments/historical/" + token + "/5minute?" + range).body())
                .isEqualTo(answer.body());

        assertError(client.get("/instruments/historical/" + token + "/2minute?from=2026-11-02&to=2026-11-03"), 400,
                "InputException");
        assertError(client.get("/instruments/historical/" + token + "/minute?from=2026-01-01&to=2026-11-03"), 400,
                "InputException");
        assertError(client.get("/instruments/historical/12345/day?from=2026-01-01&to=2026-11-03"), 400,
                "InputException");
    }
}
