package com.quantdesk.backtest.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.FillRecord;
import com.quantdesk.backtest.OrderRecord;
import com.quantdesk.backtest.metrics.EquityPoint;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.portfolio.PositionSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a backtest result as JSON: parameters, metrics, final equity, every round trip, order and
 * fill, denials by reason and the equity curve. Money is in rupees with exactly two decimals
 * (written as JSON numbers from exact decimals, never from binary floating point); times are ISO-8601
 * instants in UTC.
 */
public final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** Writes {@code result} to {@code file} atomically (a temporary file renamed into place). */
    public static void write(Path file, BacktestResult result) {
        write(file, result, null);
    }

    /**
     * Writes {@code result} and, under {@code "timing"}, how long the run's stages took, to {@code file}
     * atomically. With timing the file differs from run to run; without it, it is byte-identical.
     */
    public static void write(Path file, BacktestResult result, RunTiming timing) {
        AtomicFile.write(file, out -> write(out, result, timing));
    }

    /** Writes {@code result} to a stream (not closed). */
    public static void write(OutputStream out, BacktestResult result) throws IOException {
        write(out, result, null);
    }

    /** Writes {@code result} and {@code timing} (left out when null) to a stream (not closed). */
    public static void write(OutputStream out, BacktestResult result, RunTiming timing) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("strategy", result.strategy());
            g.writeObjectFieldStart("parameters");
            for (Map.Entry<String, Double> p : result.parameters().entrySet()) {
                double v = p.getValue();
                if (v == Math.rint(v)) {
                    g.writeNumberField(p.getKey(), (long) v);
                } else {
                    g.writeNumberField(p.getKey(), v);
                }
            }
            g.writeEndObject();
            g.writeArrayFieldStart("symbols");
            for (var s : result.symbols()) {
                g.writeString(s.value());
            }
            g.writeEndArray();
            time(g, "from", result.from());
            time(g, "to", result.to());
            money(g, "initialCapital", result.initialCapital());
            money(g, "finalEquity", result.finalEquity());
            g.writeNumberField("bars", result.barCount());
            g.writeNumberField("events", result.eventCount());
            g.writeStringField("eventStreamSha256", result.eventStreamHash());
            if (timing != null) {
                timing(g, timing);
            }
            metrics(g, result.metrics());
            g.writeObjectFieldStart("denialsByReason");
            for (Map.Entry<String, Long> d : result.denialsByReason().entrySet()) {
                g.writeNumberField(d.getKey(), d.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("trades");
            for (RoundTrip t : result.trades()) {
                trade(g, t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("openPositions");
            for (PositionSnapshot p : result.openPositions()) {
                g.writeStartObject();
                g.writeStringField("symbol", p.symbol().value());
                g.writeStringField("product", p.product().name());
                g.writeNumberField("quantity", p.quantity());
                money(g, "averagePrice", p.averagePrice());
                money(g, "lastPrice", p.lastPrice());
                money(g, "unrealizedPnl", p.unrealizedPnl());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("orders");
            for (OrderRecord o : result.orders()) {
                order(g, o);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("fills");
            for (FillRecord f : result.fills()) {
                fill(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("equityCurve");
            for (EquityPoint p : result.curve()) {
                g.writeStartObject();
                time(g, "time", p.time());
                money(g, "equity", p.equityPaise());
                money(g, "grossExposure", p.grossExposurePaise());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void timing(JsonGenerator g, RunTiming t) throws IOException {
        g.writeObjectFieldStart("timing");
        g.writeStringField("barSource", t.barSource());
        g.writeNumberField("readSeconds", roundedSeconds(t.readSeconds()));
        g.writeNumberField("engineSeconds", roundedSeconds(t.engineSeconds()));
        g.writeNumberField("metricsSeconds", roundedSeconds(t.metricsSeconds()));
        g.writeNumberField("reportSeconds", roundedSeconds(t.reportSeconds()));
        g.writeEndObject();
    }

    /** Microseconds are the most a wall-clock stage time means. */
    private static double roundedSeconds(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    static void metrics(JsonGenerator g, PerformanceMetrics m) throws IOException {
        g.writeObjectFieldStart("metrics");
        g.writeNumberField("totalReturn", m.totalReturn());
        g.writeNumberField("cagr", m.cagr());
        g.writeNumberField("annualVolatility", m.annualVolatility());
        g.writeNumberField("sharpe", m.sharpe());
        g.writeNumberField("sortino", m.sortino());
        g.writeNumberField("maxDrawdown", m.maxDrawdown());
        g.writeStringField("maxDrawdownDuration", m.maxDrawdownDuration().toString());
        g.writeNumberField("calmar", m.calmar());
        g.writeNumberField("winRate", m.winRate());
        if (Double.isFinite(m.profitFactor())) {
            g.writeNumberField("profitFactor", m.profitFactor());
        } else {
            g.writeStringField("profitFactor", "Infinity");
        }
        money(g, "averageWin", m.averageWinPaise());
        money(g, "averageLoss", m.averageLossPaise());
        g.writeNumberField("exposure", m.exposure());
        g.writeNumberField("trades", m.numberOfTrades());
        money(g, "totalCharges", m.totalChargesPaise());
        g.writeEndObject();
    }

    private static void trade(JsonGenerator g, RoundTrip t) throws IOException {
        g.writeStartObject();
        g.writeStringField("symbol", t.symbol().value());
        g.writeStringField("direction", t.direction() == Side.BUY ? "LONG" : "SHORT");
        g.writeNumberField("quantity", t.quantity());
        time(g, "entryTime", t.entryTime());
        money(g, "entryPrice", t.entryPricePaise());
        time(g, "exitTime", t.exitTime());
        money(g, "exitPrice", t.exitPricePaise());
        money(g, "grossPnl", t.grossPnlPaise());
        money(g, "charges", t.chargesPaise());
        money(g, "netPnl", t.netPnlPaise());
        g.writeEndObject();
    }

    private static void order(JsonGenerator g, OrderRecord o) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", o.id());
        g.writeStringField("symbol", o.symbol().value());
        g.writeStringField("side", o.side().name());
        g.writeStringField("type", o.type().wireName());
        g.writeStringField("product", o.product().name());
        g.writeStringField("validity", o.validity().name());
        g.writeNumberField("quantity", o.quantity());
        if (o.limitPrice() != 0) {
            money(g, "limitPrice", o.limitPrice());
        }
        if (o.triggerPrice() != 0) {
            money(g, "triggerPrice", o.triggerPrice());
        }
        g.writeStringField("status", o.status().name());
        g.writeNumberField("filledQuantity", o.filledQuantity());
        if (o.filledQuantity() > 0) {
            money(g, "averagePrice", o.averagePrice());
        }
        time(g, "createdAt", o.createdAt());
        time(g, "updatedAt", o.updatedAt());
        if (!o.reason().isEmpty()) {
            g.writeStringField("reason", o.reason());
        }
        g.writeEndObject();
    }

    private static void fill(JsonGenerator g, FillRecord f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("orderId", f.orderId());
        g.writeStringField("fillId", f.fillId());
        time(g, "time", f.time());
        g.writeStringField("symbol", f.symbol().value());
        g.writeStringField("side", f.side().name());
        g.writeStringField("product", f.product().name());
        g.writeNumberField("quantity", f.quantity());
        money(g, "price", f.price());
        money(g, "charges", f.charges());
        g.writeEndObject();
    }

    static void money(JsonGenerator g, String name, long paise) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(Paise.toRupees(paise));
    }

    private static void time(JsonGenerator g, String name, Instant time) throws IOException {
        g.writeStringField(name, time.toString());
    }
}
