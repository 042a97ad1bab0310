package com.quantdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.app.paper.PaperConfig;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.app.paper.PaperTrading;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.auth.Totp;
import com.quantdesk.server.api.ApiServer;
import com.quantdesk.server.backtest.BacktestData;
import com.quantdesk.sim.data.SyntheticMarket;
import com.quantdesk.sim.data.SyntheticMarketConfig;
import com.quantdesk.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the API tests start: a paper runtime on an accelerated demo market, and a server in front of it. */
public final class ApiTests {

    public static final String ADMIN_PASSWORD = "Violet-Harbour-Engine-2031";
    public static final String PASSWORD = "Slow-Copper-Lantern-774";
    /** For servers whose tests start no backtest. */
    public static final BacktestData NO_BACKTESTS = (symbols, from, to, interval, seed) -> {
        throw new IllegalArgumentException("no backtests here");
    };

    private ApiTests() {
    }

    /** A paper runtime on SQLite in {@code dir}: no bots, ₹10 lakh per account, 600 paper seconds a second. */
    public static PaperRuntime runtime(Path dir, List<String> symbols, String... accounts) {
        PaperConfig config = new PaperConfig(dir, Optional.empty(),
                new PaperConfig.Feed(PaperConfig.FeedMode.DEMO, Duration.ofSeconds(1), 7,
                        symbols.stream().map(Symbol::of).toList(), List.of()),
                new PaperConfig.Venue(Duration.ofMillis(200), Duration.ofMillis(200), 0, 1.0),
                Arrays.stream(accounts).map(a -> new PaperConfig.Account(AccountId.of(a), Paise.ofRupees(10_00_000),
                        Map.<String, String>of())).toList(),
                List.of());
        return PaperRuntime.start(config, StoreConfig.resolve(dir, null, Map.of()), 600, notice -> { });
    }

    /** A server in front of {@code runtime}; the first administrator's password is {@link #ADMIN_PASSWORD}. */
    public static ApiServer server(ServerConfig config, PaperRuntime runtime, BacktestData backtests) {
        return ApiServer.start(config, new PaperTrading(runtime), backtests, StrategyCatalog.builtIns(),
                InstantSource.system(), "test", Optional.of(ADMIN_PASSWORD), Optional.empty(), Optional.empty());
    }

    /** Stops a receiver, the server, then the runtime; any may be null when the start failed before it. */
    public static void stop(com.sun.net.httpserver.HttpServer receiver, ApiServer server, PaperRuntime runtime) {
        if (receiver != null) {
            receiver.stop(0);
        }
        stop(server, runtime);
    }

    /** Stops the server, then the runtime; either may be null when the start failed before it. */
    public static void stop(ApiServer server, PaperRuntime runtime) {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (runtime != null) {
                runtime.close();
            }
        }
    }

    /** Backtests on the seeded synthetic market. */
    public static BacktestData syntheticData() {
        return (symbols, from, to, interval, seed) -> {
            SyntheticMarket market = new SyntheticMarket(SyntheticMarketConfig.defaults(symbols, from, to)
                    .withBarSize(interval.length()).withSeed(seed));
            return new BacktestData.Loaded(market.generate(), market.instruments()::find, List.of());
        };
    }

    /** Signs in a user holding ADMIN: enrols a second factor, then signs in again with the next step's code. */
    static String withSecondFactor(Http from, String name, String password) {
        String enrolOnly = from.post("/api/v1/auth/login", null, Map.of("username", name, "password", password))
                .json().path("accessToken").asText();
        String secret = from.post("/api/v1/auth/totp/enrol", enrolOnly, Map.of()).json().path("secret").asText();
        Totp totp = new Totp(InstantSource.system());
        Instant now = Instant.now();
        assertThat(from.post("/api/v1/auth/totp/confirm", enrolOnly, Map.of("code", totp.codeAt(secret, now)))
                .status()).isEqualTo(204);
        Http.Answer login = from.post("/api/v1/auth/login", null, Map.of("username", name, "password", password,
                "totp", totp.codeAt(secret, now.plusSeconds(30))));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().path("accessToken").asText();
    }

    /** Creates a user with {@link #PASSWORD} (through {@code admin}'s token) and signs them in from {@code from}. */
    static String user(Http from, String admin, String name, List<String> roles, List<String> accounts) {
        Http.Answer created = from.post("/api/v1/users", admin, Map.of("username", name, "password", PASSWORD,
                "roles", roles, "accounts", accounts));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Http.Answer login = from.post("/api/v1/auth/login", null, Map.of("username", name, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().path("accessToken").asText();
    }

    /** An HTTP receiver on loopback that hands every request body to {@code bodies} and answers 204. */
    static com.sun.net.httpserver.HttpServer receiver(java.util.function.Consumer<String> bodies)
            throws java.io.IOException {
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            bodies.accept(new String(exchange.getRequestBody().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }
}
