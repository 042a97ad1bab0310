package com.quantdesk.server.api;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.server.MarketView;
import com.quantdesk.server.audit.Caller;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Body;
import com.quantdesk.server.http.ClientAddress;
import com.quantdesk.server.http.Correlation;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** What handlers read off a request: the caller, the body, and checked query and path values. */
final class Requests {

    static final String PRINCIPAL = "qd.principal";
    static final String AUDITED = "qd.audited";
    private static final int MAX_PAGE = 500;

    private Requests() {
    }

    /** The authenticated caller (set before the handler runs). */
    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw ApiError.unauthenticated("sign in first");
        }
        return principal;
    }

    /** The caller as the audit trail records them. */
    static Caller caller(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        return principal == null ? Caller.anonymous("", ClientAddress.of(ctx), Correlation.of(ctx))
                : Caller.of(principal, ClientAddress.of(ctx), Correlation.of(ctx));
    }

    /** Marks the request as audited by its handler (the generic audit of changes then skips it). */
    static void audited(Context ctx) {
        ctx.attribute(AUDITED, Boolean.TRUE);
    }

    /** The JSON body (the size limit is enforced before this). */
    static Body body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return Body.empty();
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json", java.util.List.of(), java.util.Map.of());
        }
        return Body.of(bytes);
    }

    /** A whole-number path parameter. */
    static long pathId(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.notFound("no " + name + " " + text);
    }

    /** An optional text query parameter of at most {@code max} plain characters. */
    static Optional<String> query(Context ctx, String name, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > max || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiError.invalidField(name, "must be at most " + max + " plain characters");
        }
        return Optional.of(value);
    }

    /** An optional account query parameter. */
    static Optional<AccountId> account(Context ctx) {
        return query(ctx, "account", 64).map(a -> {
            try {
                return AccountId.of(a);
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidField("account", e.getMessage());
            }
        });
    }

    /**
     * The instrument {@code text} names (any case): a name that is malformed or that the market does
     * not have is a 400 naming {@code field}, or, named in the path, a 404.
     */
    static Symbol knownSymbol(MarketView market, String field, String text, boolean inPath) {
        Symbol symbol;
        try {
            symbol = Symbol.of(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw inPath ? ApiError.notFound("no instrument " + text) : ApiError.invalidField(field, e.getMessage());
        }
        if (market.instrument(symbol).isEmpty()) {
            throw inPath ? ApiError.notFound("no instrument " + symbol.value())
                    : ApiError.invalidField(field, "no instrument " + symbol.value());
        }
        return symbol;
    }

    /** The page size: {@code limit}, 1 to 500, default 100. */
    static int limit(Context ctx) {
        return (int) longQuery(ctx, "limit", 1, MAX_PAGE).orElse(100L).longValue();
    }

    /** The page cursor: the id below which the next page starts. */
    static Optional<Long> cursor(Context ctx) {
        return longQuery(ctx, "cursor", 1, Long.MAX_VALUE);
    }

    /** An optional whole-number query parameter within bounds. */
    static Optional<Long> longQuery(Context ctx, String name, long min, long max) {
        Optional<String> text = query(ctx, name, 20);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(text.get());
            if (n >= min && n <= max) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalidField(name, "must be a whole number from " + min + " to " + max);
    }
}
