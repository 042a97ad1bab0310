package com.quantdesk.server.api;

import com.quantdesk.core.command.BotCommand;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.server.MarketView;
import com.quantdesk.server.auth.Access;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Body;
import com.quantdesk.server.trading.AccountBoard;
import com.quantdesk.server.trading.BotView;
import com.quantdesk.server.trading.Bots;
import com.quantdesk.server.trading.Intervals;
import com.quantdesk.server.trading.OrderQueries;
import com.quantdesk.server.trading.Orders;
import com.quantdesk.server.trading.Portfolios;
import com.quantdesk.server.trading.Rupees;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Accounts, bots, orders, fills, positions, portfolios, P&amp;L and market data. */
final class TradingRoutes {

    private static final long MAX_PRICE = 100_000_000_00L;
    private static final long MAX_QUANTITY = 10_000_000L;
    private static final int MAX_DAYS = 366;

    private final Orders orders;
    private final Bots bots;
    private final Portfolios portfolios;
    private final MarketView market;
    private final StrategyCatalog strategies;
    private final Supplier<AccountBoard.Board> board;
    private final Supplier<LocalDate> today;

    TradingRoutes(Orders orders, Bots bots, Portfolios portfolios, MarketView market, StrategyCatalog strategies,
                  Supplier<AccountBoard.Board> board, Supplier<LocalDate> today) {
        this.orders = orders;
        this.bots = bots;
        this.portfolios = portfolios;
        this.market = market;
        this.strategies = strategies;
        this.board = board;
        this.today = today;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/accounts", ctx -> ctx.json(items(portfolios.accounts(Requests.principal(ctx)))),
                Access.AUTHENTICATED);
        routes.get("/api/v1/portfolio", ctx -> ctx.contentType("application/json")
                .result(portfolios.portfoliosJson(Requests.principal(ctx))), Access.AUTHENTICATED);
        routes.get("/api/v1/positions", ctx -> ctx.json(items(portfolios.positions(Requests.principal(ctx),
                Requests.account(ctx)))), Access.AUTHENTICATED);
        routes.get("/api/v1/pnl/daily", this::daily, Access.AUTHENTICATED);
        routes.get("/api/v1/pnl/bots", this::byBot, Access.AUTHENTICATED);

        routes.get("/api/v1/bots", ctx -> ctx.json(items(bots.list(Requests.principal(ctx)))), Access.AUTHENTICATED);
        routes.post("/api/v1/bots", this::createBot, Access.AUTHENTICATED);
        routes.get("/api/v1/bots/{id}", ctx -> ctx.json(bots.get(Requests.principal(ctx), ctx.pathParam("id"))),
                Access.AUTHENTICATED);
        routes.delete("/api/v1/bots/{id}", this::deleteBot, Access.AUTHENTICATED);
        routes.post("/api/v1/bots/{id}/start", ctx -> botAction(ctx, BotCommand.Action.START), Access.AUTHENTICATED);
        routes.post("/api/v1/bots/{id}/pause", ctx -> botAction(ctx, BotCommand.Action.PAUSE), Access.AUTHENTICATED);
        routes.post("/api/v1/bots/{id}/resume", ctx -> botAction(ctx, BotCommand.Action.RESUME),
                Access.AUTHENTICATED);
        routes.post("/api/v1/bots/{id}/stop", ctx -> botAction(ctx, BotCommand.Action.STOP), Access.AUTHENTICATED);

        routes.get("/api/v1/orders", this::listOrders, Access.AUTHENTICATED);
        routes.post("/api/v1/orders", this::place, Access.AUTHENTICATED);
        routes.get("/api/v1/orders/{id}", ctx -> ctx.json(orders.visible(Requests.principal(ctx),
                Requests.pathId(ctx, "id"))), Access.AUTHENTICATED);
        routes.patch("/api/v1/orders/{id}", this::modify, Access.AUTHENTICATED);
        routes.delete("/api/v1/orders/{id}", this::cancel, Access.AUTHENTICATED);
        routes.get("/api/v1/fills", this::listFills, Access.AUTHENTICATED);

        routes.get("/api/v1/strategies", this::strategies, Access.AUTHENTICATED);
        routes.get("/api/v1/instruments", this::instruments, Access.AUTHENTICATED);
        routes.get("/api/v1/quotes", this::quotes, Access.AUTHENTICATED);
        routes.get("/api/v1/bars/{symbol}", this::bars, Access.AUTHENTICATED);
    }

    private static Map<String, Object> items(List<?> items) {
        return Map.of("items", items);
    }

    private void daily(Context ctx) {
        Principal principal = Requests.principal(ctx);
        AccountId account = Requests.account(ctx).orElseThrow(() ->
                ApiError.invalidField("account", "is required"));
        LocalDate to = date(ctx, "to").orElse(today.get());
        LocalDate from = date(ctx, "from").orElse(to.minusDays(30));
        if (from.isAfter(to)) {
            throw ApiError.invalidField("from", "must not be after 'to'");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiError.invalidField("from", "the range may span at most " + MAX_DAYS + " days");
        }
        ctx.json(items(portfolios.daily(principal, account, from, to)));
    }

    private void byBot(Context ctx) {
        Principal principal = Requests.principal(ctx);
        Optional<AccountId> account = Requests.account(ctx);
        account.ifPresent(a -> portfolios.requireVisible(principal, a));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BotView bot : bots.list(principal)) {
            if (account.isPresent() && !account.get().value().equals(bot.account())) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bot", bot.id());
            row.put("account", bot.account());
            row.put("strategy", bot.strategy());
            row.put("state", bot.state());
            row.put("realized", bot.realized());
            row.put("unrealized", bot.unrealized());
            row.put("charges", bot.charges());
            row.put("net", bot.net());
            rows.add(row);
        }
        ctx.json(Map.of("asOf", board.get().asOf().toString(), "items", rows));
    }

    private void createBot(Context ctx) {
        Requests.audited(ctx);
        Body body = Requests.body(ctx);
        String id = body.text("id", 40);
        String accountText = body.text("account", 64);
        String strategy = body.text("strategy", 64);
        Map<String, String> params = body.has("params") ? body.strings("params", 32, 64) : Map.of();
        List<String> symbols = body.texts("symbols", 50, 32);
        String intervalText = body.optionalText("interval", 8).orElse("5m");
        boolean start = body.flag("start", false);
        AccountId account = null;
        try {
            account = AccountId.of(accountText);
        } catch (IllegalArgumentException e) {
            body.fail("account", e.getMessage());
        }
        BarInterval interval = null;
        try {
            interval = Intervals.parse(intervalText);
        } catch (IllegalArgumentException e) {
            body.fail("interval", e.getMessage());
        }
        body.done();
        BotView bot = bots.create(Requests.principal(ctx), Requests.caller(ctx), id, account, strategy, params,
                symbols, interval, start);
        ctx.status(201).header("Location", "/api/v1/bots/" + bot.id()).json(bot);
    }

    private void botAction(Context ctx, BotCommand.Action action) {
        Requests.audited(ctx);
        Requests.body(ctx).done();
        ctx.json(bots.act(Requests.principal(ctx), Requests.caller(ctx), ctx.pathParam("id"), action));
    }

    private void deleteBot(Context ctx) {
        Requests.audited(ctx);
        Requests.body(ctx).done();
        bots.act(Requests.principal(ctx), Requests.caller(ctx), ctx.pathParam("id"), BotCommand.Action.DELETE);
        ctx.status(204);
    }

    private void listOrders(Context ctx) {
        List<String> statuses = new ArrayList<>();
        Requests.query(ctx, "status", 200).ifPresent(s -> {
            for (String status : s.split(",")) {
                String name = status.trim().toUpperCase(Locale.ROOT);
                if (!name.matches("[A-Z_]{1,24}")) {
                    throw ApiError.invalidField("status", "is a comma-separated list of order statuses");
                }
                statuses.add(name);
            }
        });
        OrderQueries.OrderFilter filter = new OrderQueries.OrderFilter(Requests.account(ctx),
                Requests.query(ctx, "bot", 40), Requests.query(ctx, "symbol", 32).map(s -> s.toUpperCase(Locale.ROOT)),
                statuses, Requests.cursor(ctx), Requests.limit(ctx));
        ctx.json(orders.list(Requests.principal(ctx), filter));
    }

    private void listFills(Context ctx) {
        OrderQueries.FillFilter filter = new OrderQueries.FillFilter(Requests.account(ctx),
                Requests.longQuery(ctx, "order", 1, Long.MAX_VALUE),
                Requests.query(ctx, "symbol", 32).map(s -> s.toUpperCase(Locale.ROOT)), Requests.cursor(ctx),
                Requests.limit(ctx));
        ctx.json(orders.fills(Requests.principal(ctx), filter));
    }

    private void place(Context ctx) {
        Requests.audited(ctx);
        Principal principal = Requests.principal(ctx);
        Body body = Requests.body(ctx);
        String accountText = body.text("account", 64);
        String symbolText = body.text("symbol", 32);
        Side side = body.choice("side", Side.class);
        OrderType type = body.optionalChoice("type", OrderType.class).orElse(OrderType.MARKET);
        Product product = body.optionalChoice("product", Product.class).orElse(Product.CNC);
        Validity validity = body.optionalChoice("validity", Validity.class).orElse(Validity.DAY);
        long quantity = body.integer("quantity", 1, MAX_QUANTITY);
        long limitPrice = body.rupees("limitPrice", 1, MAX_PRICE, 0);
        long triggerPrice = body.rupees("triggerPrice", 1, MAX_PRICE, 0);
        long stopLoss = body.rupees("stopLossPrice", 1, MAX_PRICE, 0);
        String tag = body.optionalText("tag", 20).orElse("");
        boolean afterMarket = body.flag("afterMarket", false);
        AccountId account = null;
        try {
            account = AccountId.of(accountText);
        } catch (IllegalArgumentException e) {
            body.fail("account", e.getMessage());
        }
        Symbol symbol = symbol(body, symbolText);
        OrderRequest request = null;
        if (!body.hasErrors()) {
            try {
                request = new OrderRequest(account, BotId.NONE, symbol, side, type, product, validity, quantity,
                        limitPrice, triggerPrice, stopLoss, tag, afterMarket);
            } catch (IllegalArgumentException e) {
                body.fail(fieldOf(e.getMessage()), e.getMessage());
            }
        }
        body.done();
        String fingerprint = String.join("|", account.value(), symbol.value(), side.name(), type.name(),
                product.name(), validity.name(), Long.toString(quantity), Long.toString(limitPrice),
                Long.toString(triggerPrice), Long.toString(stopLoss), tag, Boolean.toString(afterMarket));
        Optional<String> key = idempotencyKey(ctx);
        Orders.Placed placed = orders.place(principal, Requests.caller(ctx), request, key, fingerprint);
        placed.orderId().ifPresent(id -> ctx.header("Location", "/api/v1/orders/" + id));
        ctx.status(placed.status()).contentType(placed.status() >= 400 ? "application/problem+json"
                : "application/json").result(placed.body());
    }

    private static Optional<String> idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        if (!key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw ApiError.invalidField("Idempotency-Key", "must be 8 to 100 letters, digits or . _ : -");
        }
        return Optional.of(key);
    }

    private void modify(Context ctx) {
        Requests.audited(ctx);
        long id = Requests.pathId(ctx, "id");
        Body body = Requests.body(ctx);
        long quantity = body.integer("quantity", 1, MAX_QUANTITY, 0);
        long limitPrice = body.rupees("limitPrice", 1, MAX_PRICE, 0);
        long triggerPrice = body.rupees("triggerPrice", 1, MAX_PRICE, 0);
        if (quantity == 0 && limitPrice == 0 && triggerPrice == 0) {
            body.fail("quantity", "name at least one of quantity, limitPrice, triggerPrice");
        }
        body.done();
        ctx.status(202).json(orders.modify(Requests.principal(ctx), Requests.caller(ctx), id, quantity, limitPrice,
                triggerPrice));
    }

    private void cancel(Context ctx) {
        Requests.audited(ctx);
        long id = Requests.pathId(ctx, "id");
        Requests.body(ctx).done();
        ctx.status(202).json(orders.cancel(Requests.principal(ctx), Requests.caller(ctx), id));
    }

    private void strategies(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        strategies.all().forEach(s -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", s.name());
            view.put("description", s.description());
            view.put("parameters", s.parameters().stream().map(p -> {
                Map<String, Object> param = new LinkedHashMap<>();
                param.put("name", p.name());
                param.put("description", p.description());
                param.put("default", p.defaultValue());
                param.put("min", p.min());
                param.put("max", p.max());
                param.put("integer", p.integer());
                return param;
            }).toList());
            list.add(view);
        });
        ctx.json(items(list));
    }

    private void instruments(Context ctx) {
        ctx.json(items(market.instruments().stream().map(TradingRoutes::instrument).toList()));
    }

    private static Map<String, Object> instrument(Instrument i) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("symbol", i.symbol().value());
        view.put("exchange", i.exchange().name());
        view.put("tickSize", Rupees.of(i.tickSizePaise()));
        view.put("lotSize", i.lotSize());
        view.put("sector", i.sector());
        return view;
    }

    private void quotes(Context ctx) {
        List<Symbol> symbols = new ArrayList<>();
        Optional<String> asked = Requests.query(ctx, "symbols", 2000);
        if (asked.isPresent()) {
            for (String text : asked.get().split(",")) {
                symbols.add(Requests.knownSymbol(market, "symbols", text.trim(), false));
            }
        } else {
            market.instruments().forEach(i -> symbols.add(i.symbol()));
        }
        List<Map<String, Object>> quotes = new ArrayList<>();
        for (Symbol symbol : symbols) {
            market.quote(symbol).ifPresent(q -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("symbol", q.symbol().value());
                view.put("last", Rupees.of(q.last()));
                view.put("time", q.time().toString());
                view.put("open", Rupees.of(q.open()));
                view.put("high", Rupees.of(q.high()));
                view.put("low", Rupees.of(q.low()));
                view.put("volume", q.volume());
                quotes.add(view);
            });
        }
        ctx.json(items(quotes));
    }

    private void bars(Context ctx) {
        Symbol symbol = Requests.knownSymbol(market, "symbol", ctx.pathParam("symbol"), true);
        String intervalText = Requests.query(ctx, "interval", 8).orElse("5m");
        BarInterval interval;
        try {
            interval = Intervals.parse(intervalText);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("interval", e.getMessage());
        }
        if (!market.intervals().contains(interval)) {
            throw ApiError.invalidField("interval", "bars are kept for " + market.intervals().stream()
                    .map(Intervals::format).toList());
        }
        int limit = (int) Requests.longQuery(ctx, "limit", 1, 1000).orElse(200L).longValue();
        List<Map<String, Object>> bars = new ArrayList<>();
        market.bars(symbol, interval, limit).forEach(b -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("time", b.time().toString());
            view.put("open", Rupees.of(b.open()));
            view.put("high", Rupees.of(b.high()));
            view.put("low", Rupees.of(b.low()));
            view.put("close", Rupees.of(b.close()));
            view.put("volume", b.volume());
            bars.add(view);
        });
        ctx.json(Map.of("symbol", symbol.value(), "interval", Intervals.format(interval), "items", bars));
    }

    private Symbol symbol(Body body, String text) {
        try {
            return Requests.knownSymbol(market, "symbol", text, false);
        } catch (ApiError e) {
            e.errors().forEach(f -> body.fail(f.field(), f.message()));
            return null;
        }
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        return Requests.query(ctx, name, 10).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiError.invalidField(name, "must be a date like 2026-01-31");
            }
        });
    }

    private static String fieldOf(String message) {
        int space = message.indexOf(' ');
        return space > 0 ? message.substring(0, space) : "order";
    }
}
