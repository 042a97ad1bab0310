package com.quantdesk.server.trading;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.command.CancelOrder;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.ModifyOrder;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.audit.Caller;
import com.quantdesk.server.auth.KeyScope;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.db.Sql;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Json;
import com.quantdesk.server.limits.Decision;
import com.quantdesk.server.limits.RateLimiter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Placing, changing and cancelling orders, and reading them back. A placement answers only once its
 * {@code OrderSubmitted} (or its {@code OrderDenied}) is durable, with its audit record in the same
 * journal step; with an {@code Idempotency-Key} a retry gets the first answer instead of a second order.
 */
public final class Orders {

    /** An answer to a placement: its status and JSON body (kept as text for idempotent replays). */
    public record Placed(int status, String body, Optional<Long> orderId) {
    }

    private final EngineAccess engine;
    private final OrderQueries queries;
    private final IdempotencyKeys keys;
    private final RateLimiter limiter;
    private final ServerConfig.RateLimits limits;
    private final Sql sql;
    private final DeniedOrders denials = new DeniedOrders();

    /**
     * Orders are not on the account board (the portfolio moves with fills, which the board's own
     * refresh picks up), so a placement does not wait for the board: it answers as soon as it is
     * durable.
     */
    public Orders(EngineAccess engine, OrderQueries queries, IdempotencyKeys keys, RateLimiter limiter,
                  ServerConfig.RateLimits limits, Sql sql) {
        this.engine = engine;
        this.queries = queries;
        this.keys = keys;
        this.limiter = limiter;
        this.limits = limits;
        this.sql = sql;
        engine.read(e -> {
            e.addListener(denials);
            return null;
        });
    }

    /** Requires the TRADER role, a key that may trade, and the account granted (404 otherwise). */
    public static void requireTrading(Principal principal, AccountId account) {
        if (!principal.has(Role.TRADER)) {
            throw ApiError.forbidden("trading needs the TRADER role");
        }
        if (principal.keyScope() != KeyScope.TRADE) {
            throw ApiError.forbidden("this API key may only read");
        }
        if (!principal.sees(account)) {
            throw ApiError.notFound("no account " + account);
        }
    }

    /**
     * Places an order.
     *
     * @param idempotencyKey the client's key, if given
     * @param fingerprint    what the request asks, to tell a retry from another request under the same key
     */
    public Placed place(Principal principal, Caller caller, OrderRequest request, Optional<String> idempotencyKey,
                        String fingerprint) {
        requireTrading(principal, request.account());
        Decision rate = limiter.tryAcquire("account:" + request.account().value(), limits.orders());
        if (!rate.allowed()) {
            throw new ApiError(429, "rate-limited", "Too many requests", "at most " + limits.orders().capacity()
                    + " orders per " + limits.orders().period().toSeconds() + " s on account " + request.account(),
                    List.of(), Map.of("retryAfter", rate.retryAfterSeconds()));
        }
        if (idempotencyKey.isEmpty()) {
            return submit(principal, caller, request, Optional.empty());
        }
        String key = idempotencyKey.get();
        IdempotencyKeys.Claim claim = keys.claim(principal.username(), key, fingerprint, caller.correlationId());
        return switch (claim) {
            case IdempotencyKeys.Claim.Answered a -> new Placed(a.status(), a.body(), Optional.empty());
            case IdempotencyKeys.Claim.Running r -> throw ApiError.conflict("a request with this Idempotency-Key is "
                    + "still running; retry in a moment");
            case IdempotencyKeys.Claim.Mismatch m -> throw ApiError.refused("idempotency-mismatch",
                    "Idempotency-Key reused", "this Idempotency-Key was used for a different request", Map.of());
            case IdempotencyKeys.Claim.Abandoned a -> settle(principal, caller, request, key, a.correlationId());
            case IdempotencyKeys.Claim.Fresh f -> submitKeyed(principal, caller, request, key);
        };
    }

    private Placed submitKeyed(Principal principal, Caller caller, OrderRequest request, String key) {
        Placed placed;
        try {
            placed = submit(principal, caller, request, Optional.of(key));
        } catch (ApiError e) {
            if (e.status() != 503) {
                // Refused before the engine did anything: a retry may run afresh.
                keys.release(principal.username(), key);
            }
            // A 503 leaves the claim: the order may be in the journal, and the audit trail will tell.
            throw e;
        }
        keys.answer(principal.username(), key, placed.status(), placed.body());
        return placed;
    }

    /**
     * A claim whose request died: the audit trail says whether its order reached the journal. The
     * record is found by the request's correlation id, its user and its key together (a client chooses
     * its correlation ids, so that alone could name another request). With no record, the request is
     * run afresh only once everything the engine has done is durable: until then the first one may
     * still reach the journal, and running it again could place the order twice.
     */
    private Placed settle(Principal principal, Caller caller, OrderRequest request, String key, String correlationId) {
        Optional<String> target = sql.one("SELECT target FROM audit_log WHERE correlation_id = ? AND action = "
                + "'order.place' AND actor = ? AND detail = ? ORDER BY sequence DESC", r -> r.getString(1),
                correlationId, principal.username(), "Idempotency-Key " + key);
        if (target.isEmpty() || target.get().isEmpty()) {
            if (!engine.everythingDurable()) {
                throw ApiError.conflict("the first request with this Idempotency-Key has no known outcome yet (the "
                        + "journal is catching up); retry in a moment");
            }
            return submitKeyed(principal, caller, request, key);
        }
        long id = Long.parseLong(target.get());
        OrderView order = queries.order(principal.accounts(), id).orElseThrow(() -> ApiError.conflict(
                "the first request with this Idempotency-Key placed order " + id + ", which you can no longer see"));
        Placed placed = order.status().equals("DENIED")
                ? new Placed(422, deniedBody(order.id(), order.reasonCode(), order.reason(), 0, 0), Optional.of(id))
                : new Placed(201, Json.write(order), Optional.of(id));
        keys.answer(principal.username(), key, placed.status(), placed.body());
        return placed;
    }

    private Placed submit(Principal principal, Caller caller, OrderRequest request, Optional<String> key) {
        AccountId account = request.account();
        Function<CommandResult, AuditEntry> audit = result -> caller.entry(account, "order.place",
                result.orderId().map(id -> Long.toString(id.value())).orElse(""), result.accepted() ? "201 submitted"
                        : "422 " + result.reasonCode(), key.map(k -> "Idempotency-Key " + k).orElse(""));
        record Outcome(CommandResult result, Optional<OrderDenied> denial) {
        }
        Outcome outcome = engine.change(e -> {
            CommandResult result = e.execute(new SubmitOrder(request), audit);
            return new Outcome(result, result.orderId().flatMap(denials::of));
        }).value();
        CommandResult result = outcome.result();
        long id = result.orderId().map(OrderId::value).orElse(0L);
        if (!result.accepted()) {
            long limit = outcome.denial().map(OrderDenied::limit).orElse(0L);
            long attempted = outcome.denial().map(OrderDenied::attempted).orElse(0L);
            return new Placed(422, deniedBody(id, result.reasonCode(), result.message(), limit, attempted),
                    result.orderId().map(OrderId::value));
        }
        OrderView view = queries.order(List.of(account), id).orElseThrow(() -> ApiError.unavailable(
                "order " + id + " is durable but its query row is not readable yet"));
        return new Placed(201, Json.write(view), Optional.of(id));
    }

    private String deniedBody(long orderId, String reasonCode, String message, long limit, long attempted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:quantdesk:problem:risk-denied");
        body.put("title", "Order denied by risk");
        body.put("status", 422);
        body.put("detail", message);
        body.put("reasonCode", reasonCode);
        body.put("orderId", orderId);
        body.put("limit", limit);
        body.put("attempted", attempted);
        return Json.write(body);
    }

    /** Asks the venue to change an open order; answers with the order as it stands. */
    public OrderView modify(Principal principal, Caller caller, long id, long quantity, long limitPrice,
                            long triggerPrice) {
        OrderView order = visible(principal, id);
        requireTrading(principal, AccountId.of(order.account()));
        CommandResult result = engine.change(e -> e.execute(new ModifyOrder(OrderId.of(id), quantity, limitPrice,
                triggerPrice), r -> caller.entry(AccountId.of(order.account()), "order.modify", Long.toString(id),
                r.accepted() ? "202 sent" : "409 " + r.reasonCode(), "quantity " + quantity + ", limit " + limitPrice
                        + ", trigger " + triggerPrice))).value();
        refuse(result);
        return visible(principal, id);
    }

    /** Asks the venue to cancel an open order; the request is durable when this returns. */
    public OrderView cancel(Principal principal, Caller caller, long id) {
        OrderView order = visible(principal, id);
        requireTrading(principal, AccountId.of(order.account()));
        CommandResult result = engine.change(e -> e.execute(new CancelOrder(OrderId.of(id), "cancelled by "
                + principal.username()), r -> caller.entry(AccountId.of(order.account()), "order.cancel",
                Long.toString(id), r.accepted() ? "202 cancel asked" : "409 " + r.reasonCode(), ""))).value();
        refuse(result);
        return visible(principal, id);
    }

    /** An order of one of the caller's accounts (404 otherwise, whether or not it exists). */
    public OrderView visible(Principal principal, long id) {
        return queries.order(principal.accounts(), id).orElseThrow(() -> ApiError.notFound("no order " + id));
    }

    /** A page of the caller's orders. */
    public Page<OrderView> list(Principal principal, OrderQueries.OrderFilter filter) {
        return queries.orders(principal.accounts(), filter);
    }

    /** A page of the caller's fills. */
    public Page<FillView> fills(Principal principal, OrderQueries.FillFilter filter) {
        return queries.fills(principal.accounts(), filter);
    }

    private static void refuse(CommandResult result) {
        if (!result.accepted()) {
            throw new ApiError(409, "order-not-changeable", "Order cannot be changed", result.message(), List.of(),
                    Map.of("reasonCode", result.reasonCode()));
        }
    }
}
