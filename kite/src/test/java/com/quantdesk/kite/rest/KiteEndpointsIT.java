package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.FakeKite.Answer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KiteEndpointsIT {

    private static final String ORDER = """
            {"placed_by":"AB1234","order_id":"151220000000000","exchange_order_id":"511220371736111",
             "parent_order_id":null,"status":"OPEN","status_message":null,"order_timestamp":"2026-12-03 09:16:39",
             "exchange_timestamp":"2026-12-03 09:16:40","variety":"regular","exchange":"NSE",
             "tradingsymbol":"INFY","instrument_token":408065,"order_type":"SL-M","transaction_type":"SELL",
             "validity":"DAY","product":"MIS","quantity":10,"disclosed_quantity":0,"price":0,
             "trigger_price":1520.05,"average_price":0,"filled_quantity":0,"pending_quantity":10,
             "cancelled_quantity":0,"market_protection":-1,"tag":"QD42","guid":"x"}""";

    private KiteTestbed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new KiteTestbed();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void profileIsParsed() {
        bed.kite.on("GET", "/user/profile", success("""
                {"user_id":"AB1234","user_name":"Some One","user_shortname":"One","email":"x@y.in",
                 "user_type":"individual","broker":"ZERODHA","exchanges":["NSE","BSE"],
                 "products":["CNC","MIS","NRML"],"order_types":["MARKET","LIMIT","SL","SL-M"]}"""));

        KiteProfile profile = bed.client.profile();

        assertThat(profile).isEqualTo(new KiteProfile("AB1234", "Some One", "One", "x@y.in", "individual", "ZERODHA",
                List.of("NSE", "BSE"), List.of("CNC", "MIS", "NRML"), List.of("MARKET", "LIMIT", "SL", "SL-M")));
        FakeKite.Request sent = bed.kite.only("GET", "/user/profile");
        assertThat(sent.header("Authorization")).isEqualTo("token kitefront:acc355t0k3n");
        assertThat(sent.header("X-Kite-Version")).isEqualTo("3");
        assertThat(sent.rawQuery()).isNull();
        assertThat(sent.body()).isEmpty();
    }

    @Test
    void marginsAreParsedPerSegmentInPaise() {
        String equity = """
                {"enabled":true,"net":99725.05,"available":{"adhoc_margin":0,"cash":245431.6,
                 "opening_balance":245431.6,"live_balance":99725.05,"collateral":0,"intraday_payin":0},
                 "utilised":{"debits":145706.55,"exposure":0,"m2m_realised":-0.05,"m2m_unrealised":0,
                 "option_premium":0,"payout":0,"span":0,"holding_sales":0,"turnover":0}}""";
        bed.kite.on("GET", "/user/margins", success("{\"equity\":" + equity + ",\"commodity\":{\"enabled\":false,"
                + "\"net\":0,\"available\":{},\"utilised\":{}}}"));
        bed.kite.on("GET", "/user/margins/equity", success(equity));

        Map<String, KiteSegmentMargins> all = bed.client.margins();
        KiteSegmentMargins one = bed.client.margins("equity");

        KiteSegmentMargins expected = new KiteSegmentMargins(true, 9_972_505, 24_543_160, 24_543_160, 9_972_505, 0, 0,
                0, 14_570_655, 0, 0, 0, -5, 0);
        assertThat(one).isEqualTo(expected);
        assertThat(all).containsEntry("equity", expected).containsKey("commodity");
        assertThat(all.get("commodity").enabled()).isFalse();
    }

    @Test
    void ordersAndHistoryAreParsed() {
        bed.kite.on("GET", "/orders", success("[" + ORDER + "]"));
        bed.kite.on("GET", "/orders/151220000000000", success("[" + ORDER.replace("\"OPEN\"", "\"TRIGGER PENDING\"")
                + "," + ORDER + "]"));

        List<KiteOrder> orders = bed.client.orders();
        List<KiteOrder> history = bed.client.orderHistory(KiteOrderId.of("151220000000000"));

        assertThat(orders).containsExactly(new KiteOrder(KiteOrderId.of("151220000000000"), "511220371736111", "",
                "OPEN", "",
                Instant.parse("2026-12-03T03:46:39Z"), Instant.parse("2026-12-03T03:46:40Z"), "regular", "NSE",
                "INFY", 408065, OrderType.SL_M, Side.SELL, "DAY", "MIS", 10, 0, 0, 152_005, 0, 0, 10, 0, "QD42"));
        assertThat(history).extracting(KiteOrder::status).containsExactly("TRIGGER PENDING", "OPEN");
        assertThat(bed.kite.only("GET", "/orders/151220000000000").method()).isEqualTo("GET");
    }

    @Test
    void tradesAreParsed() {
        String trade = """
                {"trade_id":"10000000","order_id":"200000000000000","exchange":"NSE","tradingsymbol":"SBIN",
                 "instrument_token":779521,"product":"CNC","average_price":420.65,"quantity":1,
                 "exchange_order_id":"300000000000000","transaction_type":"BUY","fill_timestamp":"2026-12-03 09:16:39",
                 "order_timestamp":"09:16:39","exchange_timestamp":"2026-12-03 09:16:39"}""";
        bed.kite.on("GET", "/trades", success("[" + trade + "]"));
        bed.kite.on("GET", "/orders/200000000000000/trades", success("[" + trade + "]"));

        KiteTrade expected = new KiteTrade("10000000", KiteOrderId.of("200000000000000"), "300000000000000", "NSE",
                "SBIN", 779521, "CNC", Side.BUY, 42_065, 1, Instant.parse("2026-12-03T03:46:39Z"), Instant.parse("2026-12-03T03:46:39Z"));
        assertThat(bed.client.trades()).containsExactly(expected);
        assertThat(bed.client.orderTrades(KiteOrderId.of("200000000000000"))).containsExactly(expected);
    }

    @Test
    void positionsAreParsedNetAndDay() {
        String position = """
                {"tradingsymbol":"LEADMINI17DECFUT","exchange":"MCX","instrument_token":53496327,"product":"NRML",
                 "quantity":-1,"overnight_quantity":0,"multiplier":1000,"average_price":161.05,"close_price":0,
                 "last_price":161.05,"value":161050,"pnl":0,"m2m":0,"unrealised":0,"realised":0,
                 "buy_quantity":0,"buy_price":0,"buy_value":0,"sell_quantity":1,"sell_price":161.05,
                 "sell_value":161050}""";
        bed.kite.on("GET", "/portfolio/positions", success("{\"net\":[" + position + "],\"day\":[]}"));

        KitePositions positions = bed.client.positions();

        assertThat(positions.day()).isEmpty();
        assertThat(positions.net()).containsExactly(new KitePosition("LEADMINI17DECFUT", "MCX", 53496327, "NRML", -1,
                0, 1000, 16_105, 0, 16_105, 16_105_000, 0, 0, 0, 0, 0, 0, 0, 1, 16_105, 16_105_000));
    }

    @Test
    void holdingsAreParsed() {
        bed.kite.on("GET", "/portfolio/holdings", success("""
                [{"tradingsymbol":"AXISBANK","exchange":"NSE","instrument_token":1510401,"isin":"INE238A01034",
                  "product":"CNC","price":0,"quantity":1,"used_quantity":0,"t1_quantity":0,"realised_quantity":1,
                  "authorised_quantity":0,"collateral_quantity":0,"average_price":727.0,"last_price":735.1,
                  "close_price":719.65,"pnl":8.1,"day_change":15.45,"day_change_percentage":2.14}]"""));

        assertThat(bed.client.holdings()).containsExactly(new KiteHolding("AXISBANK", "NSE", 1510401, "INE238A01034",
                "CNC", 1, 0, 0, 0, 0, 72_700, 73_510, 71_965, 810, 1_545));
    }

    @Test
    void quotesTakeSeveralInstrumentsAndAreKeyedByThem() {
        bed.kite.on("GET", "/quote", success("""
                {"NSE:INFY":{"instrument_token":408065,"timestamp":"2026-12-03 10:41:27",
                 "last_trade_time":"2026-12-03 10:41:26","last_price":1573.7,"last_quantity":7,
                 "buy_quantity":256443,"sell_quantity":363009,"volume":1192471,"average_price":1570.37,"oi":0,
                 "oi_day_high":0,"oi_day_low":0,"net_change":5.9,"lower_circuit_limit":1410.6,
                 "upper_circuit_limit":1724.05,"ohlc":{"open":1569.15,"high":1575,"low":1561.05,"close":1567.8},
                 "depth":{"buy":[{"price":1573.4,"quantity":5,"orders":1}],
                          "sell":[{"price":1573.7,"quantity":172,"orders":3}]}}}"""));
        bed.kite.on("GET", "/quote/ltp", success("""
                {"NSE:INFY":{"instrument_token":408065,"last_price":1573.7},
                 "NSE:NIFTY 50":{"instrument_token":256265,"last_price":25010.25}}"""));
        bed.kite.on("GET", "/quote/ohlc", success("""
                {"NSE:SBIN":{"instrument_token":779521,"last_price":420.65,
                 "ohlc":{"open":418,"high":421.5,"low":417.05,"close":419.9}}}"""));
        InstrumentKey infy = InstrumentKey.nse("INFY");
        InstrumentKey nifty = InstrumentKey.parse("NSE:NIFTY 50");
        InstrumentKey sbin = InstrumentKey.nse("SBIN");

        Map<InstrumentKey, KiteQuote> quotes = bed.client.quote(List.of(infy, sbin));
        Map<InstrumentKey, KiteLtp> ltps = bed.client.ltp(List.of(infy, nifty));
        Map<InstrumentKey, KiteOhlcQuote> ohlc = bed.client.ohlc(List.of(sbin));

        assertThat(quotes).containsOnlyKeys(infy);
        assertThat(quotes.get(infy)).isEqualTo(new KiteQuote(408065, Instant.parse("2026-12-03T05:11:27Z"),
                Instant.parse("2026-12-03T05:11:26Z"), 157_370, 7, 256443, 363009, 1192471, 157_037, 0, 590,
                141_060, 172_405, new KiteOhlc(156_915, 157_500, 156_105, 156_780),
                List.of(new KiteDepthLevel(157_340, 5, 1)), List.of(new KiteDepthLevel(157_370, 172, 3))));
        assertThat(ltps).containsExactly(Map.entry(infy, new KiteLtp(408065, 157_370)),
                Map.entry(nifty, new KiteLtp(256265, 2_501_025)));
        assertThat(ohlc).containsExactly(Map.entry(sbin, new KiteOhlcQuote(779521, 42_065,
                new KiteOhlc(41_800, 42_150, 41_705, 41_990))));
        assertThat(bed.kite.only("GET", "/quote").query()).containsExactly("i=NSE:INFY", "i=NSE:SBIN");
        assertThat(bed.kite.only("GET", "/quote/ltp").query()).containsExactly("i=NSE:INFY", "i=NSE:NIFTY 50");
        assertThat(bed.kite.only("GET", "/quote/ohlc").query()).containsExactly("i=NSE:SBIN");
    }

    @Test
    void instrumentsCsvIsParsedWithTickAndLotInPaise() {
        bed.kite.on("GET", "/instruments/NSE", new FakeKite.Answer(200, "text/csv", """
                instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange
                408065,1594,INFY,INFOSYS,0,,,0.05,1,EQ,NSE,NSE
                5720322,22345,NIFTY15DECFUT,,78.0,2015-12-31,,0.05,75,FUT,NFO-FUT,NFO
                """));

        List<KiteInstrument> instruments = bed.client.instruments("NSE");

        assertThat(instruments).containsExactly(
                new KiteInstrument(408065, 1594, "INFY", "INFOSYS", 0, null, 0, 5, 1, "EQ", "NSE", "NSE"),
                new KiteInstrument(5720322, 22345, "NIFTY15DECFUT", "", 7_800, LocalDate.of(2015, 12, 31), 0, 5, 75,
                        "FUT", "NFO-FUT", "NFO"));
        assertThat(bed.kite.only("GET", "/instruments/NSE").header("Authorization"))
                .isEqualTo("token kitefront:acc355t0k3n");
    }

    @Test
    void gzippedInstrumentDumpIsInflated() {
        bed.kite.on("GET", "/instruments/NFO", new FakeKite.Answer(200, "text/csv", """
                instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange
                5720322,22345,NIFTY15DECFUT,,78.0,2015-12-31,,0.05,75,FUT,NFO-FUT,NFO
                """, true));

        assertThat(bed.client.instruments("NFO")).extracting(KiteInstrument::tradingsymbol)
                .containsExactly("NIFTY15DECFUT");
        assertThat(bed.kite.only("GET", "/instruments/NFO").header("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void currencyInstrumentsAreRefusedBeforeSending() {
        assertThatThrownBy(() -> bed.client.instruments("CDS")).isInstanceOf(IllegalArgumentException.class);
        assertThat(bed.kite.requests()).isEmpty();
    }

    @Test
    void historicalRangeLongerThanTheSpanLimitIsPaginated() {
        bed.kite.on("GET", "/instruments/historical/408065/minute",
                success("""
                        {"candles":[["2026-06-01T09:15:00+0530",1500.5,1502,1499.95,1501.1,1200],
                                    ["2026-07-30T15:29:00+0530",1510,1511,1509.5,1510.05,900]]}"""),
                success("""
                        {"candles":[["2026-07-31T09:15:00+0530",1520,1521,1519,1520.05,100,7]]}"""),
                success("{\"candles\":[]}"));
        Instant from = Instant.parse("2026-06-01T03:45:00Z");            // 2026-06-01 09:15:00 IST
        Instant to = Instant.parse("2026-10-29T10:00:00Z");              // 2026-10-29 15:30:00 IST

        List<KiteCandle> candles = bed.client.historical(408065, CandleInterval.MINUTE, from, to, false, true);

        assertThat(bed.kite.requests("GET", "/instruments/historical/408065/minute"))
                .extracting(FakeKite.Request::query)
                .containsExactly(
                        List.of("from=2026-06-01 09:15:00", "to=2026-07-31 09:14:59", "continuous=0", "oi=1"),
                        List.of("from=2026-07-31 09:15:00", "to=2026-09-29 09:14:59", "continuous=0", "oi=1"),
                        List.of("from=2026-09-29 09:15:00", "to=2026-10-29 15:30:00", "continuous=0", "oi=1"));
        assertThat(candles).containsExactly(
                new KiteCandle(Instant.parse("2026-06-01T03:45:00Z"), 150_050, 150_200, 149_995, 150_110, 1200, 0),
                new KiteCandle(Instant.parse("2026-07-30T09:59:00Z"), 151_000, 151_100, 150_950, 151_005, 900, 0),
                new KiteCandle(Instant.parse("2026-07-31T03:45:00Z"), 152_000, 152_100, 151_900, 152_005, 100, 7));
    }
}
