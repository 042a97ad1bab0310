package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.app.sandbox.KiteSandbox;
import com.quantdesk.app.sandbox.SandboxConfig;
import com.quantdesk.kite.rest.KiteConfig;
import com.quantdesk.kite.rest.KiteLogin;
import com.quantdesk.kite.rest.KiteTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantdesk kite check} against the Kite sandbox, credentials through the environment seam. */
class KiteCheckCommandTest {

    private static final String KEY = "check_key";
    private static final String SECRET = "check_secret";
    private static final List<String> ENDPOINTS = List.of("profile", "margins", "orders", "trades", "positions",
            "holdings", "quote", "ltp", "ohlc", "instruments", "historical");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KiteSandbox sandbox;
    private static String accessToken;

    @BeforeAll
    static void startSandbox() {
        sandbox = KiteSandbox.start(SandboxConfig.defaults(KEY, SECRET).withSeed(11)
                .withTickInterval(Duration.ofMillis(100)));
        KiteConfig config = new KiteConfig(sandbox.restUrl(), URI.create(sandbox.restUrl() + "/connect/login"), KEY,
                SECRET, Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        try (KiteTransport transport = KiteTransport.create(config)) {
            accessToken = new KiteLogin(transport).createSession(sandbox.issueRequestToken()).accessToken();
        }
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void restoreEnvironment() {
        KiteCheckCommand.env = SecretEnvironment.process();
        KiteLoginCommand.env = SecretEnvironment.process();
    }

    @Test
    void withAnAccountItChecksWithTheLoginThatKiteLoginStoredSealed(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("quantdesk.yaml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\naccounts:\n  - id: main\n    capital: 100000\n"
                + "kite:\n  apiUrl: " + sandbox.restUrl() + "\n  apiKey: " + KEY + "\n");
        Map<String, String> variables = Map.of("KITE_API_SECRET", SECRET, "DATA_ENCRYPTION_KEY", "ab".repeat(32));
        environment(variables);
        KiteLoginCommand.env = variables::get;

        CliRun login = quantdesk("kite", "login", "--account", "main", "--config", config.toString(),
                "--request-token", sandbox.issueRequestToken());
        CliRun check = quantdesk("kite", "check", "--account", "main", "--config", config.toString());
        CliRun stranger = quantdesk("kite", "check", "--account", "other", "--config", config.toString());

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).contains("logged in: account main is Kite user QD0001");
        assertThat(check.errLines()).containsExactlyElementsOf(ENDPOINTS.stream().map(e -> e + ": ok").toList());
        assertThat(check.exitCode()).isZero();
        assertThat(stranger.exitCode()).isEqualTo(2);
        assertThat(stranger.err()).contains("--account: no Kite login stored for other: run 'quantdesk kite login "
                + "--account other'");
    }

    @Test
    void aLoginWithAnUnusableRequestTokenSaysToOpenTheLoginPageAgain(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("quantdesk.yaml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\naccounts:\n  - id: main\n    capital: 100000\n"
                + "kite:\n  apiUrl: " + sandbox.restUrl() + "\n  apiKey: " + KEY + "\n");
        KiteLoginCommand.env = Map.of("KITE_API_SECRET", SECRET, "DATA_ENCRYPTION_KEY", "ab".repeat(32))::get;

        CliRun login = quantdesk("kite", "login", "--account", "main", "--config", config.toString(),
                "--request-token", "usedOrMadeUp1");

        assertThat(login.exitCode()).isEqualTo(2);
        assertThat(login.err()).contains("Kite refused the request token").contains("open the login page again");
    }

    @Test
    void everyEndpointAnswersAndIsPrintedParsed() throws Exception {
        environment(Map.of("KITE_API_KEY", KEY, "KITE_ACCESS_TOKEN", accessToken,
                "KITE_API_URL", sandbox.restUrl().toString()));

        CliRun run = quantdesk("kite", "check");

        assertThat(run.errLines()).containsExactlyElementsOf(ENDPOINTS.stream().map(e -> e + ": ok").toList());
        assertThat(run.exitCode()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("symbol").asText()).isEqualTo("NSE:INFY");
        assertThat(doc.path("profile").path("user_id").asText()).isEqualTo("QD0001");
        assertThat(doc.path("margins").path("equity").path("enabled").asBoolean()).isTrue();
        assertThat(doc.path("orders").isArray()).isTrue();
        assertThat(doc.path("trades").isArray()).isTrue();
        assertThat(doc.path("positions").path("net").isArray()).isTrue();
        // The sandbox's default holdings: INFY 10, TCS 5.
        assertThat(doc.path("holdings")).extracting(h -> h.path("tradingsymbol").asText() + "="
                + h.path("quantity").asLong()).contains("INFY=10", "TCS=5");

        JsonNode ltp = doc.path("ltp").path("NSE:INFY");
        assertThat(ltp.path("last_price").isNumber()).isTrue();
        assertThat(ltp.path("last_price").asDouble()).isPositive();
        // Rupees, not paise: the sandbox's own answer is in rupees too (the market moves, so only the scale).
        double sandboxLtp = JSON.readTree(get("/quote/ltp?i=NSE:INFY")).path("data").path("NSE:INFY")
                .path("last_price").asDouble();
        assertThat(ltp.path("last_price").asDouble()).isBetween(sandboxLtp * 0.5, sandboxLtp * 1.5);
        JsonNode quote = doc.path("quote").path("NSE:INFY");
        assertThat(quote.path("timestamp").asText()).endsWith("+05:30");
        assertThat(quote.path("ohlc").path("high").asDouble()).isGreaterThanOrEqualTo(quote.path("ohlc").path("low")
                .asDouble());
        assertThat(doc.path("ohlc").path("NSE:INFY").path("instrument_token").asLong())
                .isEqualTo(ltp.path("instrument_token").asLong());

        long csvRows = get("/instruments/NSE").lines().filter(l -> !l.isBlank()).count() - 1;
        assertThat(doc.path("instruments").path("count").asLong()).isEqualTo(csvRows);
        assertThat(doc.path("instruments").path("first").path("exchange").asText()).isEqualTo("NSE");
        assertThat(doc.path("instruments").path("first").path("tick_size").asDouble()).isLessThan(1.0);

        JsonNode historical = doc.path("historical");
        assertThat(historical.path("instrument_token").asLong()).isEqualTo(ltp.path("instrument_token").asLong());
        assertThat(historical.path("interval").asText()).isEqualTo("5minute");
        assertThat(historical.path("candles")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.path("start").asText()).matches(historical.path("day").asText()
                    + "T\\d\\d:\\d\\d:\\d\\d\\+05:30");
            assertThat(c.path("close").isNumber()).isTrue();
        });
    }

    @Test
    void aBadTokenFailsEveryEndpointWithTokenException() throws Exception {
        environment(Map.of("KITE_API_KEY", KEY, "KITE_ACCESS_TOKEN", "not-a-token"));

        CliRun run = quantdesk("kite", "check", "--api-url", sandbox.restUrl().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(ENDPOINTS.size());
        for (int i = 0; i < ENDPOINTS.size(); i++) {
            assertThat(run.errLines().get(i)).startsWith(ENDPOINTS.get(i) + ": ").contains("TokenException");
        }
        JsonNode doc = JSON.readTree(run.out());
        assertThat(ENDPOINTS).allSatisfy(e -> assertThat(doc.path(e).isNull()).as(e).isTrue());
    }

    @Test
    void missingCredentialsAreAUsageError() {
        environment(Map.of("KITE_ACCESS_TOKEN", accessToken));
        CliRun noKey = quantdesk("kite", "check", "--api-url", sandbox.restUrl().toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("KITE_API_KEY");
        assertThat(noKey.out()).isEmpty();

        environment(Map.of("KITE_API_KEY", KEY));
        CliRun noToken = quantdesk("kite", "check", "--api-url", sandbox.restUrl().toString());
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("KITE_ACCESS_TOKEN");
    }

    private static void environment(Map<String, String> variables) {
        Function<String, String> env = variables::get;
        KiteCheckCommand.env = env;
    }

    private static String get(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.restUrl() + path))
                    .header("X-Kite-Version", "3").header("Authorization", "token " + KEY + ":" + accessToken).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
