package com.quantdesk.app.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A local Kite Connect v3 look-alike for rehearsing live trading and testing Kite clients: the REST
 * API and the WebSocket ticker, speaking Kite's wire protocol, backed by the seeded synthetic NSE
 * market and the simulated venue of {@code sim}, with faults that can be switched on at run time.
 *
 * <pre>{@code
 * try (KiteSandbox sandbox = KiteSandbox.start(SandboxConfig.defaults("key", "secret"))) {
 *     String requestToken = sandbox.issueRequestToken();
 *     // point a Kite client at sandbox.restUrl() and sandbox.tickerUrl()
 *     sandbox.faults().tooManyRequests(0.2);
 * }
 * }</pre>
 *
 * This class is the composition root of the sandbox; it is thread-safe.
 */
public final class KiteSandbox implements AutoCloseable {

    private final SandboxConfig config;
    private final SandboxMarket market;
    private final Sessions sessions;
    private final FaultSwitches faults;
    private final TickerServer ticker;
    private final RestServer rest;
    private final OrderBook book;

    private KiteSandbox(SandboxConfig config) {
        this.config = config;
        this.market = new SandboxMarket(config);
        this.sessions = new Sessions(config);
        this.faults = new FaultSwitches(config.seed());
        this.ticker = new TickerServer(config, market, sessions);
        this.book = new OrderBook(market, config.openingCashPaise(), ticker::orderUpdate);
        Portfolio portfolio = new Portfolio(market, config.holdingsQuantity(), config.seed());
        this.rest = new RestServer(config, faults, sessions,
                new SessionRoutes(config, sessions, market, book),
                new OrderRoutes(config, market, book, portfolio),
                new MarketRoutes(market, new HistoricalCandles(config.seed(), market.clock())),
                new AdminRoutes(faults, ticker, sessions));
    }

    /** Starts the market, the ticker and the REST API. */
    public static KiteSandbox start(SandboxConfig config) {
        KiteSandbox sandbox = new KiteSandbox(Objects.requireNonNull(config, "config"));
        try {
            sandbox.market.start();
            sandbox.ticker.start();
            sandbox.rest.start();
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    /** The REST root to configure as {@code kite.apiUrl}, e.g. {@code http://127.0.0.1:8300}. */
    public URI restUrl() {
        return URI.create("http://" + host() + ":" + rest.port());
    }

    /** The ticker URL to configure as {@code kite.tickerUrl}, e.g. {@code ws://127.0.0.1:8301}. */
    public URI tickerUrl() {
        return URI.create("ws://" + host() + ":" + ticker.port());
    }

    /** The login page a user is sent to; it redirects to the configured redirect URL with a request_token. */
    public URI loginUrl() {
        return URI.create(restUrl() + "/connect/login?v=3&api_key=" + config.apiKey());
    }

    /** A fresh single-use request token to exchange at {@code POST /session/token}. */
    public String issueRequestToken() {
        return sessions.issueRequestToken();
    }

    /** The REST fault switches. */
    public FaultSwitches faults() {
        return faults;
    }

    /** Drops every ticker connection abruptly (no close frame). */
    public void dropTickerConnections() {
        ticker.dropAll();
    }

    /** Sends every ticker client one malformed binary frame. */
    public void sendMalformedFrame() {
        ticker.sendMalformedFrame();
    }

    /**
     * Every order of the day as {@code GET /orders} shows it, read in-process (no fault applies):
     * for an operator's or a test's view of what reached the sandbox.
     */
    public List<Map<String, Object>> orders() {
        return market.call(book::orders);
    }

    /** Every trade of the day as {@code GET /trades} shows it, read in-process. */
    public List<Map<String, Object>> trades() {
        return market.call(() -> book.trades().stream().map(SandboxTrade::json).toList());
    }

    /** How many ticker clients are connected now. */
    public int tickerConnections() {
        return ticker.connectionCount();
    }

    /** The configuration it runs with. */
    public SandboxConfig config() {
        return config;
    }

    private String host() {
        return config.bind().equals("0.0.0.0") || config.bind().equals("::") ? "127.0.0.1" : config.bind();
    }

    /** Stops serving: held requests are released, connections dropped, the market stopped. */
    @Override
    public void close() {
        faults.release();
        ticker.close();
        rest.close();
        market.close();
    }
}
