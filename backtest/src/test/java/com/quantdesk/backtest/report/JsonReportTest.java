package com.quantdesk.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.BacktestRunner;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.sim.cost.ChargeRates;
import com.quantdesk.sim.venue.VenueConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON of a hand-checked SMA crossover run (fast 2, slow 3, 10 shares, Zerodha charges): one
 * closed trade, a position still open, and a sell signalled on the last bar that never fills.
 */
class JsonReportTest {

    private static final Symbol ABC = Symbol.of("ABC");
    // Crosses up at bars 10 and 17, down at 14 and at the last bar, 20 (see SmaCrossReferenceTest).
    private static final long[] CLOSES = {100, 101, 102, 102, 102, 103, 100, 99, 99, 99, 100, 101, 101, 101, 100, 98,
            99, 102, 104, 103, 99};
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static BacktestResult result;
    private static String json;
    private static JsonNode root;

    @BeforeAll
    static void runAndWrite() throws IOException {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < CLOSES.length; i++) {
            long close = CLOSES[i] * 100;
            long open = close - 50 + i;
            bars.add(new Bar(ABC, time(i), open, Math.max(open, close) + 1_00, Math.min(open, close) - 1_00, close,
                    1_000_000));
        }
        Instrument abc = Instrument.nseEquity("ABC", 1, "Unknown");
        BacktestConfig config = new BacktestConfig(SmaCrossStrategy.DESCRIPTOR,
                StrategyParameters.resolve(SmaCrossStrategy.DESCRIPTOR.parameters(),
                        Map.of("fast", "2", "slow", "3", "qty", "10")),
                Map.of(ABC, bars), symbol -> symbol.equals(ABC) ? Optional.of(abc) : Optional.empty(), 1_00_000_00,
                VenueConfig.defaults(), Optional.of(ChargeRates.zerodhaNse()), 0.0, List.of());
        result = new BacktestRunner().run(config);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(out, result);
        json = out.toString(StandardCharsets.UTF_8);
        root = MAPPER.readTree(json);
    }

    private static java.time.Instant time(int i) {
        return LocalDate.of(2024, 1, 1).plusDays(i).atTime(MarketTime.OPEN).atZone(MarketTime.IST).toInstant();
    }

    @Test
    void writesTheRunsIdentityAndParametersAsWholeNumbers() {
        assertThat(root.get("strategy").asText()).isEqualTo("sma-cross");
        assertThat(root.get("parameters").toString()).isEqualTo("{\"fast\":2,\"slow\":3,\"qty\":10}");
        assertThat(root.get("symbols").toString()).isEqualTo("[\"ABC\"]");
        assertThat(root.get("from").asText()).isEqualTo("2024-01-01T03:45:00Z");
        assertThat(root.get("to").asText()).isEqualTo("2024-01-21T03:45:00Z");
        assertThat(root.get("bars").asLong()).isEqualTo(21);
        assertThat(root.get("events").asLong()).isEqualTo(result.eventCount());
        assertThat(root.get("eventStreamSha256").asText()).isEqualTo(result.eventStreamHash()).hasSize(64);
    }

    @Test
    void writesMoneyAsExactRupeesWithTwoDecimals() throws IOException {
        // ₹1,00,000 − ₹29.60 realised − ₹46.80 unrealised − ₹19.35 of charges.
        assertThat(root.get("finalEquity").decimalValue()).isEqualByComparingTo("99904.25");
        assertThat(raw("finalEquity")).containsExactly("99904.25");
        assertThat(raw("initialCapital")).containsExactly("100000.00");
        assertThat(raw("totalCharges")).containsExactly("19.35");
        assertThat(raw("price")).containsExactly("100.61", "97.65", "103.68");
        assertThat(raw("lastPrice")).containsExactly("99.00");
    }

    @Test
    void writesTheClosedTrade() {
        JsonNode trades = root.get("trades");
        assertThat(trades).hasSize(1);
        JsonNode trade = trades.get(0);
        assertThat(trade.get("symbol").asText()).isEqualTo("ABC");
        assertThat(trade.get("direction").asText()).isEqualTo("LONG");
        assertThat(trade.get("quantity").asLong()).isEqualTo(10);
        assertThat(trade.get("entryTime").asText()).isEqualTo("2024-01-12T03:45:00Z");
        assertThat(trade.get("entryPrice").decimalValue()).isEqualByComparingTo("100.61");
        assertThat(trade.get("exitTime").asText()).isEqualTo("2024-01-16T03:45:00Z");
        assertThat(trade.get("exitPrice").decimalValue()).isEqualByComparingTo("97.65");
        assertThat(trade.get("grossPnl").decimalValue()).isEqualByComparingTo("-29.60");
        assertThat(trade.get("charges").decimalValue()).isEqualByComparingTo("18.16");
        assertThat(trade.get("netPnl").decimalValue()).isEqualByComparingTo("-47.76");
    }

    @Test
    void writesThePositionLeftOpen() {
        JsonNode positions = root.get("openPositions");
        assertThat(positions).hasSize(1);
        JsonNode p = positions.get(0);
        assertThat(p.get("symbol").asText()).isEqualTo("ABC");
        assertThat(p.get("product").asText()).isEqualTo("CNC");
        assertThat(p.get("quantity").asLong()).isEqualTo(10);
        assertThat(p.get("averagePrice").decimalValue()).isEqualByComparingTo("103.68");
        assertThat(p.get("lastPrice").decimalValue()).isEqualByComparingTo("99.00");
        assertThat(p.get("unrealizedPnl").decimalValue()).isEqualByComparingTo("-46.80");
    }

    @Test
    void writesEveryOrderWithItsFinalStatus() {
        JsonNode orders = root.get("orders");
        assertThat(orders).hasSize(4);
        List<String> lines = new ArrayList<>();
        for (JsonNode o : orders) {
            lines.add(o.get("id").asLong() + " " + o.get("side").asText() + " " + o.get("type").asText() + " "
                    + o.get("product").asText() + " " + o.get("validity").asText() + " " + o.get("quantity").asLong()
                    + " " + o.get("status").asText() + " " + o.get("filledQuantity").asLong() + " "
                    + (o.has("averagePrice") ? o.get("averagePrice").decimalValue().toPlainString() : "-") + " "
                    + o.get("createdAt").asText());
        }
        assertThat(lines).containsExactly(
                "1 BUY MARKET CNC DAY 10 FILLED 10 100.61 2024-01-11T03:45:00Z",
                "2 SELL MARKET CNC DAY 10 FILLED 10 97.65 2024-01-15T03:45:00Z",
                "3 BUY MARKET CNC DAY 10 FILLED 10 103.68 2024-01-18T03:45:00Z",
                "4 SELL MARKET CNC DAY 10 CANCELLED 0 - 2024-01-21T03:45:00Z");
        assertThat(orders.get(0).has("limitPrice")).isFalse();
        assertThat(orders.get(0).has("triggerPrice")).isFalse();
        assertThat(orders.get(0).has("reason")).isFalse();
        assertThat(orders.get(3).has("reason")).isTrue();
    }

    @Test
    void writesEveryFillWithItsCharges() {
        JsonNode fills = root.get("fills");
        List<String> lines = new ArrayList<>();
        for (JsonNode f : fills) {
            lines.add(f.get("orderId").asLong() + " " + f.get("time").asText() + " " + f.get("side").asText() + " "
                    + f.get("quantity").asLong() + " " + f.get("price").decimalValue().toPlainString() + " "
                    + f.get("charges").decimalValue().toPlainString());
        }
        assertThat(lines).containsExactly(
                "1 2024-01-12T03:45:00Z BUY 10 100.61 1.19",
                "2 2024-01-16T03:45:00Z SELL 10 97.65 16.97",
                "3 2024-01-19T03:45:00Z BUY 10 103.68 1.19");
        assertThat(fills.get(0).get("fillId").asText()).isNotEmpty();
    }

    @Test
    void writesOneEquityPointPerBarTimePlusTheStart() {
        JsonNode curve = root.get("equityCurve");
        assertThat(curve).hasSize(CLOSES.length + 1);
        assertThat(curve.get(0).get("equity").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(curve.get(0).get("grossExposure").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        JsonNode last = curve.get(CLOSES.length);
        assertThat(last.get("time").asText()).isEqualTo("2024-01-21T03:45:00Z");
        assertThat(last.get("equity").decimalValue()).isEqualByComparingTo("99904.25");
        assertThat(last.get("grossExposure").decimalValue()).isEqualByComparingTo("990.00");
    }

    @Test
    void writesTheMetrics() {
        JsonNode metrics = root.get("metrics");
        assertThat(metrics.get("trades").asLong()).isEqualTo(1);
        assertThat(metrics.get("winRate").asDouble()).isZero();
        assertThat(metrics.get("averageLoss").decimalValue().abs()).isEqualByComparingTo("47.76");
        assertThat(metrics.get("totalReturn").asDouble()).isEqualTo(result.metrics().totalReturn());
        assertThat(root.get("denialsByReason").size()).isZero();
    }

    @Test
    void writesTheSameBytesToAFileAsToAStream(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.json");

        JsonReport.write(file, result);

        assertThat(Files.readString(file)).isEqualTo(json);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    /** The literal text of every number written under {@code field}, in document order. */
    private static List<String> raw(String field) throws IOException {
        List<String> values = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME && parser.currentName().equals(field)) {
                    parser.nextToken();
                    values.add(parser.getText());
                }
            }
        }
        return values;
    }
}
