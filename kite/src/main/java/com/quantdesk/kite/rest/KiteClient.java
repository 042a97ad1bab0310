package com.quantdesk.kite.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Kite Connect REST endpoints of one session, parsed into typed records. Reads are retried on
 * retryable errors by the {@link KiteTransport}; order writes are sent once and, when their answer
 * is lost, settled by looking the order up (see {@link #placeOrder(OrderRequest)}).
 */
public final class KiteClient {

    private static final int MAX_QUOTE = 500;
    private static final int MAX_LTP_OHLC = 1000;

    private final KiteTransport transport;
    private final KiteSession session;
    private final KiteOrderEntry orders;

    /** A client for {@code session} over {@code transport}. */
    public KiteClient(KiteTransport transport, KiteSession session) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.session = Objects.requireNonNull(session, "session");
        this.orders = new KiteOrderEntry(transport, session, this);
    }

    /** The session this client calls with. */
    public KiteSession session() {
        return session;
    }

    /** {@code GET /user/profile}. */
    public KiteProfile profile() {
        return KiteProfile.from(get("/user/profile", EndpointClass.OTHER));
    }

    /** {@code GET /user/margins}: margins keyed by segment ({@code equity}, {@code commodity}). */
    public Map<String, KiteSegmentMargins> margins() {
        Map<String, KiteSegmentMargins> out = new LinkedHashMap<>();
        get("/user/margins", EndpointClass.OTHER).properties()
                .forEach(e -> out.put(e.getKey(), KiteSegmentMargins.from(e.getValue())));
        return Map.copyOf(out);
    }

    /** {@code GET /user/margins/:segment}, segment {@code equity} or {@code commodity}. */
    public KiteSegmentMargins margins(String segment) {
        if (!segment.equals("equity") && !segment.equals("commodity")) {
            throw new IllegalArgumentException("segment must be equity or commodity, was " + segment);
        }
        return KiteSegmentMargins.from(get("/user/margins/" + segment, EndpointClass.OTHER));
    }

    /**
     * {@code POST /orders/regular}, never sent twice: see {@link KiteOrderEntry#place(OrderRequest)}.
     *
     * @throws KiteException when Kite or the client refused the order for certain
     */
    public OrderPlacement placeOrder(OrderRequest order) {
        return orders.place(order);
    }

    /** {@code PUT /orders/regular/:order_id}; answers the order id. */
    public KiteOrderId modifyOrder(KiteOrderId orderId, ModifyRequest modification) {
        return orders.modify(orderId, modification);
    }

    /** {@code DELETE /orders/regular/:order_id}; answers the order id. */
    public KiteOrderId cancelOrder(KiteOrderId orderId) {
        return orders.cancel(orderId);
    }

    /** {@code GET /orders}: today's orders. */
    public List<KiteOrder> orders() {
        return list(get("/orders", EndpointClass.OTHER), KiteOrder::from);
    }

    /** The order carrying {@code tag} in today's order book (the first, if several do). */
    public Optional<KiteOrder> findOrderByTag(OrderTag tag) {
        return orders().stream().filter(o -> o.tag().equals(tag.value())).findFirst();
    }

    /** {@code GET /orders/:order_id}: the order's states, oldest first. */
    public List<KiteOrder> orderHistory(KiteOrderId orderId) {
        return list(get("/orders/" + orderId.value(), EndpointClass.OTHER), KiteOrder::from);
    }

    /** {@code GET /trades}: today's fills. */
    public List<KiteTrade> trades() {
        return list(get("/trades", EndpointClass.OTHER), KiteTrade::from);
    }

    /** {@code GET /orders/:order_id/trades}: the fills of one order. */
    public List<KiteTrade> orderTrades(KiteOrderId orderId) {
        return list(get("/orders/" + orderId.value() + "/trades", EndpointClass.OTHER), KiteTrade::from);
    }

    /** {@code GET /portfolio/positions}. */
    public KitePositions positions() {
        return KitePositions.from(get("/portfolio/positions", EndpointClass.OTHER));
    }

    /** {@code GET /portfolio/holdings}. */
    public List<KiteHolding> holdings() {
        return list(get("/portfolio/holdings", EndpointClass.OTHER), KiteHolding::from);
    }

    /** {@code GET /quote}: full quotes of up to 500 instruments; unknown instruments are absent. */
    public Map<InstrumentKey, KiteQuote> quote(Collection<InstrumentKey> instruments) {
        return quotes("/quote", instruments, MAX_QUOTE, KiteQuote::from);
    }

    /** {@code GET /quote/ltp}: last prices of up to 1,000 instruments. */
    public Map<InstrumentKey, KiteLtp> ltp(Collection<InstrumentKey> instruments) {
        return quotes("/quote/ltp", instruments, MAX_LTP_OHLC, KiteLtp::from);
    }

    /** {@code GET /quote/ohlc}: OHLC quotes of up to 1,000 instruments. */
    public Map<InstrumentKey, KiteOhlcQuote> ohlc(Collection<InstrumentKey> instruments) {
        return quotes("/quote/ohlc", instruments, MAX_LTP_OHLC, KiteOhlcQuote::from);
    }

    /**
     * {@code GET /instruments/:exchange}: the day's instrument dump of one exchange. Currency
     * exchanges (CDS, BCD) are refused: their ticks are below a paisa.
     */
    public List<KiteInstrument> instruments(String exchange) {
        if (!List.of("NSE", "BSE", "NFO", "BFO", "MCX").contains(exchange)) {
            throw new IllegalArgumentException("instruments of NSE, BSE, NFO, BFO or MCX; currency ticks are below a"
                    + " paisa; got " + exchange);
        }
        String csv = transport.callText(KiteRequest.get("/instruments/" + exchange, EndpointClass.OTHER), session);
        return InstrumentsCsv.parse(csv);
    }

    /**
     * {@code GET /instruments/historical/:token/:interval}, split into requests no longer than the
     * interval's span limit ({@link HistoricalRange#split}); candles in time order, each once.
     *
     * @param from       first instant, inclusive (sent as IST)
     * @param to         last instant, inclusive
     * @param continuous stitch expired futures ({@code continuous=1})
     * @param oi         include open interest ({@code oi=1})
     */
    public List<KiteCandle> historical(long instrumentToken, CandleInterval interval, Instant from, Instant to,
                                       boolean continuous, boolean oi) {
        String path = "/instruments/historical/" + instrumentToken + "/" + interval.wireName();
        List<KiteCandle> candles = new ArrayList<>();
        for (HistoricalRange range : HistoricalRange.split(from, to, interval)) {
            JsonNode data = transport.call(new KiteRequest("GET", path, List.of(
                    Map.entry("from", KiteJson.formatTimestamp(range.from())),
                    Map.entry("to", KiteJson.formatTimestamp(range.to())),
                    Map.entry("continuous", continuous ? "1" : "0"),
                    Map.entry("oi", oi ? "1" : "0")), EndpointClass.HISTORICAL), session);
            for (JsonNode row : data.path("candles")) {
                KiteCandle candle = KiteCandle.from(row);
                if (candles.isEmpty() || candle.start().isAfter(candles.getLast().start())) {
                    candles.add(candle);
                }
            }
        }
        return List.copyOf(candles);
    }

    private JsonNode get(String path, EndpointClass endpointClass) {
        return transport.call(KiteRequest.get(path, endpointClass), session);
    }

    private <T> Map<InstrumentKey, T> quotes(String path, Collection<InstrumentKey> instruments, int max,
                                             Function<JsonNode, T> parse) {
        if (instruments.isEmpty() || instruments.size() > max) {
            throw new IllegalArgumentException(path + " takes 1.." + max + " instruments, got " + instruments.size());
        }
        List<Map.Entry<String, String>> params = instruments.stream()
                .map(i -> Map.entry("i", i.toString())).toList();
        JsonNode data = transport.call(new KiteRequest("GET", path, params, EndpointClass.QUOTE), session);
        Map<InstrumentKey, T> out = new LinkedHashMap<>();
        data.properties().forEach(e -> out.put(InstrumentKey.parse(e.getKey()), parse.apply(e.getValue())));
        return out;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> parse) {
        if (!array.isArray()) {
            throw KiteException.data(200, "expected a list, got " + array.getNodeType());
        }
        List<T> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(parse.apply(n)));
        return List.copyOf(out);
    }
}
