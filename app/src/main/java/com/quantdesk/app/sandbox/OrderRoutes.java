package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.AccountId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Orders, trades and the portfolio: {@code POST/PUT/DELETE /orders/:variety[/:order_id]},
 * {@code GET /orders}, {@code /orders/:order_id}, {@code /orders/:order_id/trades}, {@code /trades},
 * {@code /portfolio/positions}, {@code /portfolio/holdings}. Every call runs on the market thread.
 */
final class OrderRoutes {

    private final SandboxConfig config;
    private final SandboxMarket market;
    private final OrderBook book;
    private final Portfolio portfolio;
    private final AccountId account;

    OrderRoutes(SandboxConfig config, SandboxMarket market, OrderBook book, Portfolio portfolio) {
        this.config = config;
        this.market = market;
        this.book = book;
        this.portfolio = portfolio;
        this.account = AccountId.of(config.userId());
    }

    void register(RoutesConfig routes) {
        routes.post("/orders/{variety}", this::place);
        routes.put("/orders/{variety}/{order_id}", this::modify);
        routes.delete("/orders/{variety}/{order_id}", this::cancel);
        routes.get("/orders", ctx -> RestServer.success(ctx, market.call(book::orders)));
        routes.get("/orders/{order_id}", ctx -> RestServer.success(ctx,
                market.call(() -> book.find(ctx.pathParam("order_id")).history())));
        routes.get("/orders/{order_id}/trades", ctx -> RestServer.success(ctx, market.call(() -> {
            String id = book.find(ctx.pathParam("order_id")).orderId;
            return book.trades().stream().filter(t -> t.orderId().equals(id)).map(SandboxTrade::json).toList();
        })));
        routes.get("/trades", ctx -> RestServer.success(ctx,
                market.call(() -> book.trades().stream().map(SandboxTrade::json).toList())));
        routes.get("/portfolio/positions", ctx -> RestServer.success(ctx,
                market.call(() -> portfolio.positions(book.trades()))));
        routes.get("/portfolio/holdings", ctx -> RestServer.success(ctx, market.call(portfolio::holdings)));
    }

    private void place(Context ctx) {
        OrderForm.Placement p = OrderForm.place(ctx.pathParam("variety"), ctx::formParam, market.instruments(),
                account, config.requireMarketProtection());
        KiteOrder order = market.call(() -> book.place(p.request(), ctx.pathParam("variety"), p.product(),
                p.validity(), p.marketProtection(), p.disclosedQuantity()));
        RestServer.success(ctx, Map.of("order_id", order.orderId));
    }

    private void modify(Context ctx) {
        OrderForm.requireRegular(ctx.pathParam("variety"));
        long quantity = OrderForm.optionalQuantity(ctx.formParam("quantity"));
        long price = OrderForm.optionalPaise(ctx.formParam("price"), "price");
        long trigger = OrderForm.optionalPaise(ctx.formParam("trigger_price"), "trigger_price");
        String type = ctx.formParam("order_type");
        KiteOrder order = market.call(() -> {
            KiteOrder o = book.find(ctx.pathParam("order_id"));
            if (type != null && !type.isBlank() && !type.equals(o.order.type().wireName())) {
                throw KiteError.input("The sandbox cannot change `order_type` of an order.");
            }
            return book.modify(o.orderId, quantity, price, trigger);
        });
        RestServer.success(ctx, Map.of("order_id", order.orderId));
    }

    private void cancel(Context ctx) {
        OrderForm.requireRegular(ctx.pathParam("variety"));
        KiteOrder order = market.call(() -> book.cancel(ctx.pathParam("order_id")));
        RestServer.success(ctx, Map.of("order_id", order.orderId));
    }
}
