package com.quantdesk.store.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.event.AccountOpened;
import com.quantdesk.core.event.AuditRecorded;
import com.quantdesk.core.event.BotCreated;
import com.quantdesk.core.event.BotStateChanged;
import com.quantdesk.core.event.ClosingPriceRecorded;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelRequested;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderModified;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.core.risk.TradingState;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns events into {@link EncodedEvent}s and back, exactly: {@code decode(encode(e)).equals(e)}.
 *
 * <p>The payload is canonical JSON written field by field (no reflection), so the same event always
 * gives the same bytes and therefore the same hash. Money and prices are integer paise, enums their
 * {@code name()}, instants ISO-8601. Decoding is strict: a missing or mistyped field throws
 * {@link IllegalArgumentException} naming it, because a journal row that does not decode is corrupt.
 * Thread-safe.
 */
public final class EventCodec {

    private final JsonFactory factory = new JsonFactory();
    private final ObjectMapper mapper = new ObjectMapper(factory);

    /** Encodes {@code event}. */
    public EncodedEvent encode(Event event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            writePayload(json, event);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + event, e);
        }
        return new EncodedEvent(event.sequence(), event.time().toString(), typeName(event), event.account().value(),
                event.bot().value(), event.causationId(), out.toString());
    }

    /** The type name stored for {@code event}: its simple class name. */
    public static String typeName(Event event) {
        return event.getClass().getSimpleName();
    }

    private static void writePayload(JsonGenerator json, Event event) throws IOException {
        switch (event) {
            case OrderSubmitted e -> writeOrder(json, "order", e.order());
            case OrderDenied e -> {
                writeOrder(json, "order", e.order());
                json.writeStringField("reasonCode", e.reasonCode());
                json.writeStringField("message", e.message());
                json.writeNumberField("limit", e.limit());
                json.writeNumberField("attempted", e.attempted());
            }
            case OrderAccepted e -> {
                json.writeNumberField("orderId", e.orderId().value());
                json.writeStringField("venueOrderId", e.venueOrderId());
            }
            case OrderRejected e -> {
                json.writeNumberField("orderId", e.orderId().value());
                json.writeStringField("reasonCode", e.reasonCode());
                json.writeStringField("message", e.message());
            }
            case OrderFilled e -> {
                json.writeNumberField("orderId", e.orderId().value());
                json.writeStringField("fillId", e.fillId());
                json.writeStringField("symbol", e.symbol().value());
                json.writeStringField("side", e.side().name());
                json.writeStringField("product", e.product().name());
                json.writeNumberField("quantity", e.quantity());
                json.writeNumberField("price", e.price());
                json.writeNumberField("charges", e.charges());
                json.writeNumberField("filledQuantity", e.filledQuantity());
                json.writeNumberField("remaining", e.remaining());
            }
            case OrderCancelled e -> {
                json.writeNumberField("orderId", e.orderId().value());
                json.writeNumberField("remaining", e.remaining());
                json.writeStringField("reason", e.reason());
            }
            case OrderModified e -> {
                json.writeNumberField("orderId", e.orderId().value());
                json.writeNumberField("quantity", e.quantity());
                json.writeNumberField("limitPrice", e.limitPrice());
                json.writeNumberField("triggerPrice", e.triggerPrice());
            }
            case PositionChanged e -> {
                json.writeStringField("symbol", e.symbol().value());
                json.writeStringField("product", e.product().name());
                json.writeNumberField("quantity", e.quantity());
                json.writeNumberField("costBasis", e.costBasis());
                json.writeNumberField("averagePrice", e.averagePrice());
                json.writeNumberField("realizedPnl", e.realizedPnl());
            }
            case TradingStateChanged e -> {
                json.writeStringField("previous", e.previous().name());
                json.writeStringField("current", e.current().name());
                json.writeStringField("reason", e.reason());
                json.writeStringField("actor", e.actor());
            }
            case RiskAlert e -> {
                json.writeStringField("code", e.code());
                json.writeStringField("message", e.message());
            }
            case RiskConfigChanged e -> {
                json.writeStringField("item", e.item());
                json.writeStringField("previous", e.previous());
                json.writeStringField("current", e.current());
                json.writeStringField("actor", e.actor());
            }
            case OrderCancelRequested e -> {
                json.writeNumberField("orderId", e.orderId().value());
                json.writeStringField("reason", e.reason());
            }
            case AccountOpened e -> json.writeNumberField("initialCash", e.initialCash());
            case BotCreated e -> {
                BotDefinition d = e.definition();
                json.writeStringField("strategy", d.strategy());
                json.writeObjectFieldStart("params");
                for (Map.Entry<String, String> param : d.params().entrySet()) {
                    json.writeStringField(param.getKey(), param.getValue());
                }
                json.writeEndObject();
                json.writeArrayFieldStart("symbols");
                for (Symbol symbol : d.symbols()) {
                    json.writeString(symbol.value());
                }
                json.writeEndArray();
                json.writeNumberField("intervalSeconds", d.interval().length().toSeconds());
                json.writeStringField("actor", e.actor());
            }
            case BotStateChanged e -> {
                json.writeStringField("previous", e.previous().name());
                json.writeStringField("current", e.current().name());
                json.writeStringField("reason", e.reason());
                json.writeStringField("actor", e.actor());
            }
            case RiskSessionChanged e -> {
                json.writeStringField("tradeDate", e.tradeDate().toString());
                json.writeNumberField("baselineEquity", e.baselineEquity());
                json.writeBooleanField("dailyLossBreached", e.dailyLossBreached());
                json.writeBooleanField("misSquaredOff", e.misSquaredOff());
            }
            case ClosingPriceRecorded e -> {
                json.writeStringField("symbol", e.symbol().value());
                json.writeStringField("tradeDate", e.tradeDate().toString());
                json.writeNumberField("close", e.close());
            }
            case AuditRecorded e -> {
                AuditEntry a = e.entry();
                json.writeStringField("actor", a.actor());
                json.writeStringField("roles", a.roles());
                json.writeStringField("action", a.action());
                json.writeStringField("target", a.target());
                json.writeStringField("outcome", a.outcome());
                json.writeStringField("ip", a.ip());
                json.writeStringField("correlationId", a.correlationId());
                json.writeStringField("detail", a.detail());
            }
        }
    }

    private static void writeOrder(JsonGenerator json, String field, Order order) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeNumberField("id", order.id().value());
        OrderRequest r = order.request();
        json.writeObjectFieldStart("request");
        json.writeStringField("account", r.account().value());
        json.writeStringField("bot", r.bot().value());
        json.writeStringField("symbol", r.symbol().value());
        json.writeStringField("side", r.side().name());
        json.writeStringField("type", r.type().name());
        json.writeStringField("product", r.product().name());
        json.writeStringField("validity", r.validity().name());
        json.writeNumberField("quantity", r.quantity());
        json.writeNumberField("limitPrice", r.limitPrice());
        json.writeNumberField("triggerPrice", r.triggerPrice());
        json.writeNumberField("stopLossPrice", r.stopLossPrice());
        json.writeStringField("tag", r.tag());
        json.writeBooleanField("afterMarket", r.afterMarket());
        json.writeEndObject();
        json.writeStringField("status", order.status().name());
        json.writeStringField("venueOrderId", order.venueOrderId());
        json.writeNumberField("filledQuantity", order.filledQuantity());
        json.writeNumberField("filledValue", order.filledValue());
        json.writeStringField("createdAt", order.createdAt().toString());
        json.writeStringField("updatedAt", order.updatedAt().toString());
        json.writeEndObject();
    }

    /**
     * Decodes a stored event.
     *
     * @throws IllegalArgumentException if the type is unknown or the payload does not match it
     */
    public Event decode(EncodedEvent row) {
        Fields p;
        try {
            p = new Fields(mapper.readTree(row.payload()), "payload");
        } catch (IOException e) {
            throw new IllegalArgumentException("event " + row.sequence() + ": payload is not JSON", e);
        }
        long seq = row.sequence();
        Instant time;
        try {
            time = IsoInstants.parse(row.time());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("event " + row.sequence() + ": bad time '" + row.time() + "'", e);
        }
        AccountId account = AccountId.of(row.account());
        BotId bot = BotId.of(row.bot());
        long cause = row.causationId();
        try {
            return switch (row.type()) {
                case "OrderSubmitted" -> new OrderSubmitted(seq, time, account, bot, cause, readOrder(p.object("order")));
                case "OrderDenied" -> new OrderDenied(seq, time, account, bot, cause, readOrder(p.object("order")),
                        p.text("reasonCode"), p.text("message"), p.number("limit"), p.number("attempted"));
                case "OrderAccepted" -> new OrderAccepted(seq, time, account, bot, cause, p.orderId("orderId"),
                        p.text("venueOrderId"));
                case "OrderRejected" -> new OrderRejected(seq, time, account, bot, cause, p.orderId("orderId"),
                        p.text("reasonCode"), p.text("message"));
                case "OrderFilled" -> new OrderFilled(seq, time, account, bot, cause, p.orderId("orderId"),
                        p.text("fillId"), Symbol.of(p.text("symbol")), p.enumOf("side", Side.class),
                        p.enumOf("product", Product.class), p.number("quantity"), p.number("price"),
                        p.number("charges"), p.number("filledQuantity"), p.number("remaining"));
                case "OrderCancelled" -> new OrderCancelled(seq, time, account, bot, cause, p.orderId("orderId"),
                        p.number("remaining"), p.text("reason"));
                case "OrderModified" -> new OrderModified(seq, time, account, bot, cause, p.orderId("orderId"),
                        p.number("quantity"), p.number("limitPrice"), p.number("triggerPrice"));
                case "PositionChanged" -> new PositionChanged(seq, time, account, bot, cause,
                        Symbol.of(p.text("symbol")), p.enumOf("product", Product.class), p.number("quantity"),
                        p.number("costBasis"), p.number("averagePrice"), p.number("realizedPnl"));
                case "TradingStateChanged" -> new TradingStateChanged(seq, time, account, bot, cause,
                        p.enumOf("previous", TradingState.class), p.enumOf("current", TradingState.class),
                        p.text("reason"), p.text("actor"));
                case "RiskAlert" -> new RiskAlert(seq, time, account, bot, cause, p.text("code"), p.text("message"));
                case "RiskConfigChanged" -> new RiskConfigChanged(seq, time, account, bot, cause, p.text("item"),
                        p.text("previous"), p.text("current"), p.text("actor"));
                case "OrderCancelRequested" -> new OrderCancelRequested(seq, time, account, bot, cause,
                        p.orderId("orderId"), p.text("reason"));
                case "AccountOpened" -> new AccountOpened(seq, time, account, bot, cause, p.number("initialCash"));
                case "BotCreated" -> new BotCreated(seq, time, account, bot, cause, new BotDefinition(bot, account,
                        p.text("strategy"), p.texts("params"), p.symbols("symbols"),
                        new BarInterval(Duration.ofSeconds(p.number("intervalSeconds")))), p.text("actor"));
                case "BotStateChanged" -> new BotStateChanged(seq, time, account, bot, cause,
                        p.enumOf("previous", BotState.class), p.enumOf("current", BotState.class), p.text("reason"),
                        p.text("actor"));
                case "RiskSessionChanged" -> new RiskSessionChanged(seq, time, account, bot, cause,
                        p.date("tradeDate"), p.number("baselineEquity"), p.bool("dailyLossBreached"),
                        p.bool("misSquaredOff"));
                case "ClosingPriceRecorded" -> new ClosingPriceRecorded(seq, time, account, bot, cause,
                        Symbol.of(p.text("symbol")), p.date("tradeDate"), p.number("close"));
                case "AuditRecorded" -> new AuditRecorded(seq, time, account, bot, cause, new AuditEntry(
                        p.text("actor"), p.text("roles"), account, p.text("action"), p.text("target"),
                        p.text("outcome"), p.text("ip"), p.text("correlationId"), p.text("detail")));
                default -> throw new IllegalArgumentException("unknown event type '" + row.type() + "'");
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("event " + seq + " (" + row.type() + "): " + e.getMessage(), e);
        }
    }

    private static Order readOrder(Fields o) {
        Fields r = o.object("request");
        OrderRequest request = new OrderRequest(AccountId.of(r.text("account")), BotId.of(r.text("bot")),
                Symbol.of(r.text("symbol")), r.enumOf("side", Side.class), r.enumOf("type", OrderType.class),
                r.enumOf("product", Product.class), r.enumOf("validity", Validity.class), r.number("quantity"),
                r.number("limitPrice"), r.number("triggerPrice"), r.number("stopLossPrice"), r.text("tag"),
                r.bool("afterMarket"));
        return new Order(o.orderId("id"), request, o.enumOf("status", OrderStatus.class), o.text("venueOrderId"),
                o.number("filledQuantity"), o.number("filledValue"), o.instant("createdAt"), o.instant("updatedAt"));
    }

    /** Strict accessors over one JSON object; every failure names the field's path. */
    private record Fields(JsonNode node, String path) {

        Fields {
            if (!node.isObject()) {
                throw new IllegalArgumentException(path + " is not an object");
            }
        }

        private JsonNode field(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException(path + "." + name + " is missing");
            }
            return value;
        }

        Fields object(String name) {
            return new Fields(field(name), path + "." + name);
        }

        String text(String name) {
            JsonNode value = field(name);
            if (!value.isTextual()) {
                throw new IllegalArgumentException(path + "." + name + " is not a string");
            }
            return value.textValue();
        }

        long number(String name) {
            JsonNode value = field(name);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new IllegalArgumentException(path + "." + name + " is not a 64-bit integer");
            }
            return value.longValue();
        }

        boolean bool(String name) {
            JsonNode value = field(name);
            if (!value.isBoolean()) {
                throw new IllegalArgumentException(path + "." + name + " is not a boolean");
            }
            return value.booleanValue();
        }

        OrderId orderId(String name) {
            return OrderId.of(number(name));
        }

        Instant instant(String name) {
            return IsoInstants.parse(text(name));
        }

        LocalDate date(String name) {
            return LocalDate.parse(text(name));
        }

        /** An object of string values, in key order. */
        Map<String, String> texts(String name) {
            Fields object = object(name);
            Map<String, String> values = new TreeMap<>();
            object.node().fieldNames().forEachRemaining(key -> values.put(key, object.text(key)));
            return values;
        }

        List<Symbol> symbols(String name) {
            JsonNode value = field(name);
            if (!value.isArray()) {
                throw new IllegalArgumentException(path + "." + name + " is not an array");
            }
            List<Symbol> symbols = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw new IllegalArgumentException(path + "." + name + " holds a value that is not a string");
                }
                symbols.add(Symbol.of(item.textValue()));
            }
            return symbols;
        }

        <E extends Enum<E>> E enumOf(String name, Class<E> type) {
            return Enum.valueOf(type, text(name));
        }
    }
}
