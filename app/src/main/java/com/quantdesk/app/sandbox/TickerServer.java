package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.Tick;
import io.javalin.Javalin;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kite's WebSocket ticker (B.1–B.5) at {@code ws://host:port/?api_key=…&access_token=…}: text
 * subscribe/unsubscribe/mode messages in, binary tick frames out (one frame per market step with a
 * packet for each subscribed instrument that traded, and a snapshot right after a subscription or
 * mode change), a one-byte heartbeat every second, and order updates as
 * {@code {"type":"order","data":{…}}}. Ticks are fanned out on the market thread.
 */
final class TickerServer implements AutoCloseable {

    private static final String CONNECTION = "kite-sandbox-connection";
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private final SandboxMarket market;
    private final Sessions sessions;
    private final Set<TickerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Javalin app;

    TickerServer(SandboxConfig config, SandboxMarket market, Sessions sessions) {
        this.market = market;
        this.sessions = sessions;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.jetty.host = config.bind();
            cfg.jetty.port = config.tickerPort();
            cfg.routes.wsBeforeUpgrade("/", ctx -> {
                if (!sessions.valid(ctx.queryParam("api_key"), ctx.queryParam("access_token"))) {
                    throw new ForbiddenResponse("Invalid `api_key` or `access_token`.");
                }
            });
            cfg.routes.ws("/", ws -> {
                ws.onConnect(ctx -> {
                    ctx.session.setIdleTimeout(Duration.ofMinutes(5));
                    TickerConnection connection = new TickerConnection(ctx.session);
                    ctx.attribute(CONNECTION, connection);
                    connections.add(connection);
                });
                ws.onMessage(this::message);
                ws.onClose(this::gone);
                ws.onError(this::gone);
            });
        });
        market.onTicks(this::onTicks);
        market.every(HEARTBEAT, () -> connections.forEach(c -> c.send(TickPackets.heartbeat())));
    }

    /** Starts listening. */
    void start() {
        app.start();
    }

    /** The port it listens on. */
    int port() {
        return app.port();
    }

    /** Tells every client of an order's new state. Market thread. */
    void orderUpdate(KiteOrder order) {
        if (KiteStatus.INTERIM.contains(order.status) || connections.isEmpty()) {
            return;
        }
        Map<String, Object> data = order.json();
        boolean partial = order.status.equals(KiteStatus.OPEN) && order.filledQuantity > 0;
        if (partial) {
            data.put("status", KiteStatus.UPDATE);
        }
        data.put("user_id", order.order.account().value());
        data.put("unfilled_quantity", order.quantity - order.filledQuantity);
        data.put("app_id", 0);
        data.put("checksum", "");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "order");
        message.put("data", data);
        String text = KiteJson.write(message);
        connections.forEach(c -> c.send(text));
    }

    /** Drops every client's connection abruptly. */
    void dropAll() {
        for (TickerConnection c : List.copyOf(connections)) {
            connections.remove(c);
            c.drop();
        }
    }

    /** Sends every client one malformed binary frame. */
    void sendMalformedFrame() {
        connections.forEach(c -> c.send(TickPackets.malformed()));
    }

    /** How many clients are connected. */
    int connectionCount() {
        return connections.size();
    }

    private void onTicks(List<Tick> ticks) {
        if (connections.isEmpty()) {
            return;
        }
        Set<Long> traded = new HashSet<>();
        for (Tick tick : ticks) {
            traded.add(market.instruments().token(tick.symbol()));
        }
        for (TickerConnection c : connections) {
            sendPackets(c, traded);
        }
    }

    /** Sends {@code c} one frame with a packet for each of {@code tokens} it subscribed to. Market thread. */
    private void sendPackets(TickerConnection c, Set<Long> tokens) {
        List<TickPackets.Packet> packets = new ArrayList<>();
        c.subscriptions().forEach((token, mode) -> {
            if (tokens.contains(token)) {
                Symbol symbol = market.instruments().symbol(token).orElseThrow();
                packets.add(new TickPackets.Packet(market.quote(symbol), mode));
            }
        });
        if (!packets.isEmpty()) {
            ByteBuffer frame = TickPackets.frame(packets);
            c.send(frame);
        }
    }

    private void message(WsMessageContext ctx) {
        TickerConnection c = ctx.attribute(CONNECTION);
        if (c == null) {
            return;
        }
        Set<Long> changed;
        try {
            changed = TickerRequests.apply(ctx.message(), c.subscriptions(), market.instruments());
        } catch (IllegalArgumentException e) {
            c.send(KiteJson.write(Map.of("type", "error", "data", e.getMessage())));
            return;
        }
        if (!changed.isEmpty()) {
            market.execute(() -> sendPackets(c, changed));
        }
    }

    private void gone(WsContext ctx) {
        TickerConnection c = ctx.attribute(CONNECTION);
        if (c != null) {
            connections.remove(c);
            c.closed();
        }
    }

    @Override
    public void close() {
        dropAll();
        app.stop();
    }
}
