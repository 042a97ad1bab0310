package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Market data: {@code GET /quote}, {@code /quote/ohlc}, {@code /quote/ltp} (keyed by the exact
 * {@code i} asked for; unknown instruments are left out, as Kite does), {@code GET /instruments[/:exchange]}
 * (CSV) and {@code GET /instruments/historical/:token/:interval}.
 */
final class MarketRoutes {

    private static final String CSV_HEADER =
            "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,"
                    + "instrument_type,segment,exchange";
    private static final Set<String> EXCHANGES = Set.of("NSE", "BSE", "NFO", "BFO", "CDS", "BCD", "MCX");
    private static final int MAX_FULL_QUOTES = 500;
    private static final int MAX_SHORT_QUOTES = 1000;

    private final SandboxMarket market;
    private final HistoricalCandles historical;

    MarketRoutes(SandboxMarket market, HistoricalCandles historical) {
        this.market = market;
        this.historical = historical;
    }

    void register(RoutesConfig routes) {
        routes.get("/quote", ctx -> quotes(ctx, MAX_FULL_QUOTES, QuoteSnapshot::fullJson));
        routes.get("/quote/ohlc", ctx -> quotes(ctx, MAX_SHORT_QUOTES, QuoteSnapshot::ohlcJson));
        routes.get("/quote/ltp", ctx -> quotes(ctx, MAX_SHORT_QUOTES, QuoteSnapshot::ltpJson));
        routes.get("/instruments", ctx -> csv(ctx, "NSE"));
        routes.get("/instruments/{exchange}", ctx -> {
            String exchange = ctx.pathParam("exchange");
            if (!EXCHANGES.contains(exchange)) {
                throw KiteError.input("Invalid exchange: " + exchange);
            }
            csv(ctx, exchange);
        });
        routes.get("/instruments/historical/{token}/{interval}", ctx -> {
            Symbol symbol = token(ctx.pathParam("token"));
            boolean oi = "1".equals(ctx.queryParam("oi"));
            RestServer.success(ctx, Map.of("candles", historical.candles(symbol, ctx.pathParam("interval"),
                    ctx.queryParam("from"), ctx.queryParam("to"), oi)));
        });
    }

    private void quotes(Context ctx, int limit, Function<QuoteSnapshot, Map<String, Object>> shape) {
        List<String> keys = ctx.queryParams("i");
        if (keys.isEmpty()) {
            throw KiteError.input("No instruments specified: send one or more `i`.");
        }
        if (keys.size() > limit) {
            throw KiteError.input("Too many instruments: at most " + limit + ".");
        }
        Map<String, Object> data = market.call(() -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            for (String key : keys) {
                Optional<Symbol> symbol = market.instruments().resolve(key);
                symbol.ifPresent(s -> answer.put(key, shape.apply(market.quote(s))));
            }
            return answer;
        });
        RestServer.success(ctx, data);
    }

    private void csv(Context ctx, String exchange) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        if (exchange.equals("NSE")) {
            Map<Symbol, Long> closes = market.call(() -> {
                Map<Symbol, Long> c = new LinkedHashMap<>();
                for (Instrument instrument : market.instruments().all()) {
                    c.put(instrument.symbol(), market.quote(instrument.symbol()).close());
                }
                return c;
            });
            for (Instrument instrument : market.instruments().all()) {
                long token = market.instruments().token(instrument.symbol());
                csv.append(token).append(',').append(token >> 8).append(',')
                        .append(instrument.symbol().value()).append(',')
                        .append(instrument.symbol().value()).append(',')
                        .append(KiteJson.rupees(closes.get(instrument.symbol())).toPlainString()).append(",,,")
                        .append(KiteJson.rupees(instrument.tickSizePaise()).stripTrailingZeros().toPlainString())
                        .append(',').append(instrument.lotSize()).append(",EQ,NSE,NSE\n");
            }
        }
        ctx.contentType("text/csv").result(csv.toString());
    }

    private Symbol token(String text) {
        try {
            return market.instruments().symbol(Long.parseLong(text))
                    .orElseThrow(() -> KiteError.input("Invalid instrument token: " + text));
        } catch (NumberFormatException e) {
            throw KiteError.input("Invalid instrument token: " + text);
        }
    }
}
