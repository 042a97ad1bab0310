package com.quantdesk.server.stream;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.event.BotCreated;
import com.quantdesk.core.event.BotStateChanged;
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
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.server.MarketView;
import com.quantdesk.server.http.Json;
import com.quantdesk.server.trading.Rupees;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One message of the stream: its channel, the account it concerns ({@link AccountId#SYSTEM} for
 * everyone), and its JSON text, written once and sent to every subscriber.
 *
 * @param channel {@code orders}, {@code fills}, {@code positions}, {@code pnl}, {@code alerts},
 *                {@code bots} or {@code quotes:<SYMBOL>}
 * @param account whose data it is
 * @param json    the message as sent
 */
public record StreamMessage(String channel, AccountId account, String json) {

    /** The channels a client may subscribe to (besides {@code quotes:<SYMBOL>}). */
    public static final java.util.List<String> CHANNELS = java.util.List.of("orders", "fills", "positions", "pnl",
            "alerts", "bots");

    /** The message an engine event makes, if it makes one. */
    public static Optional<StreamMessage> of(Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        String channel = switch (event) {
            case OrderSubmitted e -> order(data, e.order().id().value(), "SUBMITTED", e.order().request().symbol()
                    .value(), e.order().request().side().name(), e.order().request().quantity());
            case OrderDenied e -> {
                order(data, e.orderId().value(), "DENIED", e.order().request().symbol().value(),
                        e.order().request().side().name(), e.order().request().quantity());
                data.put("reasonCode", e.reasonCode());
                data.put("reason", e.message());
                yield "orders";
            }
            case OrderAccepted e -> status(data, e.orderId().value(), "ACCEPTED");
            case OrderRejected e -> {
                status(data, e.orderId().value(), "REJECTED");
                data.put("reasonCode", e.reasonCode());
                data.put("reason", e.message());
                yield "orders";
            }
            case OrderCancelled e -> {
                status(data, e.orderId().value(), "CANCELLED");
                data.put("reason", e.reason());
                yield "orders";
            }
            case OrderCancelRequested e -> {
                status(data, e.orderId().value(), "CANCEL_REQUESTED");
                data.put("reason", e.reason());
                yield "orders";
            }
            case OrderModified e -> {
                status(data, e.orderId().value(), "MODIFIED");
                data.put("quantity", e.quantity());
                data.put("limitPrice", Rupees.of(e.limitPrice()));
                data.put("triggerPrice", Rupees.of(e.triggerPrice()));
                yield "orders";
            }
            case OrderFilled e -> {
                data.put("orderId", e.orderId().value());
                data.put("fillId", e.fillId());
                data.put("symbol", e.symbol().value());
                data.put("side", e.side().name());
                data.put("product", e.product().name());
                data.put("quantity", e.quantity());
                data.put("price", Rupees.of(e.price()));
                data.put("charges", Rupees.of(e.charges()));
                data.put("filledQuantity", e.filledQuantity());
                data.put("remaining", e.remaining());
                yield "fills";
            }
            case PositionChanged e -> {
                data.put("symbol", e.symbol().value());
                data.put("product", e.product().name());
                data.put("quantity", e.quantity());
                data.put("averagePrice", Rupees.of(e.averagePrice()));
                data.put("realizedPnl", Rupees.of(e.realizedPnl()));
                yield "positions";
            }
            case RiskAlert e -> {
                data.put("code", e.code());
                data.put("message", e.message());
                yield "alerts";
            }
            case TradingStateChanged e -> {
                data.put("scope", e.bot().value().equals("_none") ? e.account().value() : e.bot().value());
                data.put("previous", e.previous().name());
                data.put("current", e.current().name());
                data.put("reason", e.reason());
                data.put("actor", e.actor());
                yield "alerts";
            }
            case BotCreated e -> {
                data.put("strategy", e.definition().strategy());
                data.put("state", "STOPPED");
                yield "bots";
            }
            case BotStateChanged e -> {
                data.put("previous", e.previous().name());
                data.put("state", e.current().name());
                data.put("reason", e.reason());
                yield "bots";
            }
            default -> null;
        };
        if (channel == null) {
            return Optional.empty();
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("channel", channel);
        message.put("type", event.getClass().getSimpleName());
        message.put("sequence", event.sequence());
        message.put("time", event.time().toString());
        message.put("account", event.account().value());
        if (!event.bot().value().equals("_none")) {
            message.put("bot", event.bot().value());
        }
        message.put("data", data);
        return Optional.of(new StreamMessage(channel, event.account(), Json.write(message)));
    }

    /** A quote's message, for everyone subscribed to its symbol. */
    public static StreamMessage of(MarketView.Quote quote) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("symbol", quote.symbol().value());
        data.put("last", Rupees.of(quote.last()));
        data.put("open", Rupees.of(quote.open()));
        data.put("high", Rupees.of(quote.high()));
        data.put("low", Rupees.of(quote.low()));
        data.put("volume", quote.volume());
        Map<String, Object> message = new LinkedHashMap<>();
        String channel = "quotes:" + quote.symbol().value();
        message.put("channel", channel);
        message.put("type", "Quote");
        message.put("time", quote.time().toString());
        message.put("data", data);
        return new StreamMessage(channel, AccountId.SYSTEM, Json.write(message));
    }

    /** A message of the {@code pnl} channel for one account. */
    public static StreamMessage pnl(AccountId account, String asOf, Map<String, Object> figures) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("channel", "pnl");
        message.put("type", "PnlUpdate");
        message.put("time", asOf);
        message.put("account", account.value());
        message.put("data", figures);
        return new StreamMessage("pnl", account, Json.write(message));
    }

    private static String order(Map<String, Object> data, long id, String status, String symbol, String side,
                                long quantity) {
        status(data, id, status);
        data.put("symbol", symbol);
        data.put("side", side);
        data.put("quantity", quantity);
        return "orders";
    }

    private static String status(Map<String, Object> data, long id, String status) {
        data.put("orderId", id);
        data.put("status", status);
        return "orders";
    }
}
