package com.quantdesk.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.server.MarketView;
import com.quantdesk.server.auth.Authenticator;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Cors;
import com.quantdesk.server.http.Json;
import com.quantdesk.server.stream.StreamHub;
import com.quantdesk.server.stream.StreamMessage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsMessageContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WebSocket stream at {@code /api/v1/stream}. The caller proves who they are at connect: an
 * {@code access_token} query parameter (browsers cannot set headers on a WebSocket), a Bearer
 * header, an API key or the session cookie (then only from an allowed origin). Refusals are plain
 * HTTP answers before the upgrade: 401, 403, or 429 when the user already holds the most connections.
 * <p>
 * Messages from the client: {@code {"type":"subscribe","channels":[...]}}, {@code unsubscribe}
 * likewise, and {@code {"type":"ping"}}.
 */
final class StreamRoutes {

    static final String PATH = "/api/v1/stream";
    private static final String CLIENT = "qd.stream.client";
    private static final int MAX_MESSAGE = 4096;

    private final StreamHub hub;
    private final Authenticator authenticator;
    private final Cors cors;
    private final MarketView market;
    private final Duration heartbeat;

    StreamRoutes(StreamHub hub, Authenticator authenticator, Cors cors, MarketView market, Duration heartbeat) {
        this.hub = hub;
        this.authenticator = authenticator;
        this.cors = cors;
        this.market = market;
        this.heartbeat = heartbeat;
    }

    void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade(PATH, this::upgrade);
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                Principal principal = ctx.attribute(Requests.PRINCIPAL);
                ctx.session.setIdleTimeout(heartbeat.multipliedBy(3));
                ctx.session.setMaxTextMessageSize(MAX_MESSAGE);
                Optional<String> id = hub.connect(principal, ctx.session);
                id.ifPresent(i -> {
                    ctx.attribute(CLIENT, i);
                    Map<String, Object> hello = new LinkedHashMap<>();
                    hello.put("type", "welcome");
                    hello.put("user", principal.username());
                    hello.put("channels", StreamMessage.CHANNELS);
                    hello.put("heartbeatSeconds", heartbeat.toSeconds());
                    hub.reply(i, Json.write(hello));
                });
            });
            ws.onMessage(this::message);
            ws.onClose(ctx -> {
                String id = ctx.attribute(CLIENT);
                if (id != null) {
                    hub.disconnected(id);
                }
            });
            ws.onError(ctx -> {
                String id = ctx.attribute(CLIENT);
                if (id != null) {
                    hub.disconnected(id);
                }
            });
        });
    }

    private void upgrade(Context ctx) {
        String token = ctx.queryParam("access_token");
        Principal principal;
        if (token != null && !token.isEmpty()) {
            principal = authenticator.fromToken(token);
        } else {
            principal = authenticator.authenticate(ctx);
            if (principal.method() == Principal.Method.COOKIE && !cors.allows(ctx)) {
                throw ApiError.forbidden("the stream is not open to pages from " + ctx.header("Origin"));
            }
        }
        if (principal.enrolmentOnly()) {
            throw ApiError.forbidden("enrol a second factor first");
        }
        if (hub.full(principal.username())) {
            throw new ApiError(429, "too-many-connections", "Too many connections", "close another stream "
                    + "first", List.of(), Map.of("retryAfter", 5L));
        }
        ctx.attribute(Requests.PRINCIPAL, principal);
    }

    private void message(WsMessageContext ctx) {
        String id = ctx.attribute(CLIENT);
        if (id == null) {
            return;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(ctx.message());
        } catch (Exception e) {
            error(id, "messages are JSON objects like {\"type\":\"subscribe\",\"channels\":[\"orders\"]}");
            return;
        }
        String type = node != null && node.path("type").isTextual() ? node.path("type").textValue() : "";
        switch (type) {
            case "ping" -> hub.reply(id, "{\"type\":\"pong\"}");
            case "subscribe", "unsubscribe" -> {
                List<String> channels = new ArrayList<>();
                JsonNode list = node.path("channels");
                if (!list.isArray() || list.isEmpty() || list.size() > 100) {
                    error(id, "'channels' must list 1 to 100 channels");
                    return;
                }
                for (JsonNode item : list) {
                    Optional<String> channel = channel(item);
                    if (channel.isEmpty()) {
                        error(id, "unknown channel " + item + "; channels are " + StreamMessage.CHANNELS
                                + " and quotes:<SYMBOL>");
                        return;
                    }
                    channels.add(channel.get());
                }
                hub.subscribe(id, channels, type.equals("subscribe"));
            }
            default -> error(id, "unknown message type '" + type + "': use subscribe, unsubscribe or ping");
        }
    }

    private Optional<String> channel(JsonNode item) {
        if (!item.isTextual()) {
            return Optional.empty();
        }
        String text = item.textValue();
        if (StreamMessage.CHANNELS.contains(text)) {
            return Optional.of(text);
        }
        if (text.startsWith("quotes:")) {
            try {
                return Optional.of("quotes:" + Requests.knownSymbol(market, "channels", text.substring(7), false)
                        .value());
            } catch (ApiError unknown) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void error(String id, String message) {
        hub.reply(id, Json.write(Map.of("type", "error", "message", message)));
    }
}
