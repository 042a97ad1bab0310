package com.quantdesk.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login, session and user endpoints of the sandbox over real HTTP, and Kite's error envelope. */
class SandboxSessionTest {

    static final String KEY = "test_key";
    static final String SECRET = "test_secret";
    static KiteSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = KiteSandbox.start(config()
                .withRedirectUrl(URI.create("https://app.example/callback?x=1")));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** A sandbox with the test credentials, ticking every 100 ms. */
    static SandboxConfig config() {
        return SandboxConfig.defaults(KEY, SECRET).withTickInterval(Duration.ofMillis(100));
    }

    /** A client of {@code sandbox} signed in with the test credentials. */
    static KiteHttp signedIn(KiteSandbox sandbox) throws Exception {
        return new KiteHttp(sandbox.restUrl(), KEY).login(sandbox, SECRET);
    }

    static void assertError(KiteHttp.Answer answer, int status, String errorType) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.response().headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(answer.json()).containsEntry("status", "error").containsEntry("error_type", errorType)
                .containsKey("message");
        assertThat((String) answer.json().get("message")).isNotBlank();
    }

    @Test
    void exchangesARequestTokenWithTheRightChecksumForASession() throws Exception {
        KiteHttp client = new KiteHttp(sandbox.restUrl(), KEY);
        String requestToken = sandbox.issueRequestToken();

        KiteHttp.Answer answer = client.post("/session/token", Map.of("api_key", KEY, "request_token", requestToken,
                "checksum", Sessions.checksum(KEY + requestToken + SECRET)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("status", "success");
        assertThat(answer.data()).containsKeys("user_type", "email", "user_name", "user_shortname", "broker",
                "exchanges", "products", "order_types", "avatar_url", "user_id", "api_key", "access_token",
                "public_token", "enctoken", "refresh_token", "silo", "login_time", "meta");
        assertThat((String) answer.data().get("access_token")).hasSize(32);
        assertThat(answer.data()).containsEntry("api_key", KEY).containsEntry("user_id", "QD0001");
        assertThat((String) answer.data().get("login_time")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void checksumIsSha256OfKeyTokenAndSecretInLowercaseHex() {
        // Known vector: sha256("abc").
        assertThat(Sessions.checksum("a" + "b" + "c"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void refusesAWrongChecksumAndAReusedRequestToken() throws Exception {
        KiteHttp client = new KiteHttp(sandbox.restUrl(), KEY);
        String requestToken = sandbox.issueRequestToken();

        assertError(client.post("/session/token", Map.of("api_key", KEY, "request_token", requestToken,
                "checksum", Sessions.checksum(KEY + requestToken + "wrong_secret"))), 403, "TokenException");
        assertError(client.post("/session/token", Map.of("api_key", KEY, "request_token", requestToken,
                "checksum", Sessions.checksum(requestToken + KEY + SECRET))), 403, "TokenException");
        assertThat(client.post("/session/token", Map.of("api_key", KEY, "request_token", requestToken,
                "checksum", Sessions.checksum(KEY + requestToken + SECRET))).status()).isEqualTo(200);
        assertError(client.post("/session/token", Map.of("api_key", KEY, "request_token", requestToken,
                "checksum", Sessions.checksum(KEY + requestToken + SECRET))), 403, "TokenException");
        assertError(client.post("/session/token", Map.of("api_key", KEY, "request_token", requestToken)), 400,
                "InputException");
    }

    @Test
    void loginPageRedirectsWithARequestTokenThatExchanges() throws Exception {
        KiteHttp client = new KiteHttp(sandbox.restUrl(), KEY);

        KiteHttp.Answer answer = client.raw(HttpRequest.newBuilder(
                client.uri("/connect/login?v=3&api_key=" + KEY + "&redirect_params=foo%3Dbar")).GET());

        assertThat(answer.status()).isEqualTo(302);
        String location = answer.response().headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://app.example/callback?x=1&").contains("status=success")
                .contains("action=login").endsWith("&foo=bar");
        String requestToken = location.replaceAll(".*request_token=([A-Za-z0-9]+).*", "$1");
        assertThat(client.post("/session/token", Map.of("api_key", KEY, "request_token", requestToken,
                "checksum", Sessions.checksum(KEY + requestToken + SECRET))).status()).isEqualTo(200);
    }

    @Test
    void refusesCallsWithoutAValidSession() throws Exception {
        KiteHttp anonymous = new KiteHttp(sandbox.restUrl(), KEY);
        assertError(anonymous.get("/user/profile"), 403, "TokenException");

        KiteHttp forged = new KiteHttp(sandbox.restUrl(), KEY);
        assertError(forged.raw(HttpRequest.newBuilder(forged.uri("/orders")).header("X-Kite-Version", "3")
                .header("Authorization", "token " + KEY + ":not-a-token").GET()), 403, "TokenException");
    }

    @Test
    void requiresKiteVersionThree() throws Exception {
        KiteHttp client = signedIn(sandbox);

        assertError(client.raw(HttpRequest.newBuilder(client.uri("/user/profile"))
                .header("Authorization", "token " + KEY + ":" + client.accessToken()).GET()), 400, "InputException");
    }

    @Test
    void logoutInvalidatesTheAccessToken() throws Exception {
        KiteHttp client = signedIn(sandbox);

        KiteHttp.Answer logout = client.delete("/session/token?api_key=" + KEY + "&access_token=" + client.accessToken());

        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.json()).containsEntry("data", true);
        assertError(client.get("/user/profile"), 403, "TokenException");
    }

    @Test
    void answersProfileAndMarginsInKitesShape() throws Exception {
        KiteHttp client = signedIn(sandbox);

        Map<String, Object> profile = client.get("/user/profile").data();
        assertThat(profile).containsKeys("user_id", "user_type", "email", "user_name", "user_shortname", "broker",
                "exchanges", "products", "order_types", "avatar_url", "meta");

        Map<String, Object> margins = client.get("/user/margins").data();
        assertThat(margins).containsOnlyKeys("equity", "commodity");
        @SuppressWarnings("unchecked")
        Map<String, Object> equity = (Map<String, Object>) margins.get("equity");
        assertThat(equity).containsOnlyKeys("enabled", "net", "available", "utilised");
        assertThat(KiteHttp.map(equity.get("available"))).containsOnlyKeys("adhoc_margin", "cash", "opening_balance",
                "live_balance", "collateral", "intraday_payin");
        assertThat(KiteHttp.map(equity.get("utilised"))).containsOnlyKeys("debits", "exposure", "m2m_realised",
                "m2m_unrealised", "option_premium", "payout", "span", "holding_sales", "turnover",
                "liquid_collateral", "stock_collateral", "delivery");
        assertThat(((Number) (KiteHttp.map(equity.get("available"))).get("opening_balance")).doubleValue())
                .isEqualTo(1_000_000.0);
        assertThat(client.get("/user/margins/equity").data()).containsKeys("enabled", "net");
        assertError(client.get("/user/margins/forex"), 400, "InputException");
    }

    @Test
    void answersUnknownRoutesInTheEnvelope() throws Exception {
        KiteHttp client = signedIn(sandbox);

        assertError(client.get("/no/such/route"), 404, "GeneralException");
    }
}
