package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.FakeKite.Answer.error;
import static com.quantdesk.kite.rest.FakeKite.Answer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KiteLoginIT {

    private KiteTestbed bed;
    private KiteLogin login;

    @BeforeEach
    void start() throws Exception {
        bed = new KiteTestbed();
        login = new KiteLogin(bed.transport);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void checksumIsSha256HexOfKeyTokenAndSecret() {
        // Vectors computed outside Java: printf '%s' '<key><token><secret>' | sha256sum
        assertThat(KiteLogin.checksum("xyz123", "abcrequesttoken456", "secret789"))
                .isEqualTo("748b1c445c2042c05126b985e6e29fb2b699031ff0fd95bf4d9124e1e214b55b");
        assertThat(KiteLogin.checksum("kitefront", "req_tok_0001", "s3cr3t"))
                .isEqualTo("e4d6fa90d5dfb16509a86c180bedc4d917b38bca27848548904f4bdbf10c74e4");
    }

    @Test
    void loginUrlCarriesVersionAndApiKey() {
        assertThat(login.loginUrl())
                .isEqualTo(URI.create("https://kite.zerodha.com/connect/login?v=3&api_key=kitefront"));
        assertThat(login.loginUrl("account=main&x=1")).hasToString(
                "https://kite.zerodha.com/connect/login?v=3&api_key=kitefront&redirect_params=account%3Dmain%26x%3D1");
    }

    @Test
    void exchangesRequestTokenForSessionWithFormEncodedChecksum() {
        bed.kite.on("POST", "/session/token", success("""
                {"user_type":"individual","email":"x@y.in","user_name":"Some One","user_shortname":"One",
                 "broker":"ZERODHA","exchanges":["NSE"],"products":["CNC","MIS"],"order_types":["LIMIT"],
                 "user_id":"AB1234","api_key":"kitefront","access_token":"tok-abc","public_token":"p",
                 "refresh_token":"","login_time":"2026-12-03 08:45:12","meta":{"demat_consent":"consent"}}"""));

        KiteSession session = login.createSession("req_tok_0001");

        assertThat(session).isEqualTo(new KiteSession("tok-abc", "AB1234", Instant.parse("2026-12-03T03:15:12Z")));
        assertThat(session.toString()).doesNotContain("tok-abc");
        FakeKite.Request sent = bed.kite.only("POST", "/session/token");
        assertThat(sent.body()).isEqualTo("api_key=kitefront&request_token=req_tok_0001"
                + "&checksum=e4d6fa90d5dfb16509a86c180bedc4d917b38bca27848548904f4bdbf10c74e4");
        assertThat(sent.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.header("X-Kite-Version")).isEqualTo("3");
        assertThat(sent.header("Authorization")).isNull();
    }

    @Test
    void everyCallWithASessionCarriesVersionAndTokenAuthorization() {
        bed.kite.on("POST", "/session/token", success("""
                {"user_id":"AB1234","access_token":"tok-abc","login_time":"2026-12-03 08:45:12"}"""));
        bed.kite.on("GET", "/user/profile", success("{\"user_id\":\"AB1234\"}"));
        KiteSession session = login.createSession("req_tok_0001");

        new KiteClient(bed.transport, session).profile();

        FakeKite.Request sent = bed.kite.only("GET", "/user/profile");
        assertThat(sent.header("Authorization")).isEqualTo("token kitefront:tok-abc");
        assertThat(sent.header("X-Kite-Version")).isEqualTo("3");
    }

    @Test
    void staleRequestTokenIsAFatalTokenExceptionAndIsNotRetried() {
        bed.kite.on("POST", "/session/token", error(403, "TokenException", "Token is invalid or has expired."));

        assertThatThrownBy(() -> login.createSession("old"))
                .isInstanceOfSatisfying(KiteException.TokenException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("Token is invalid or has expired.");
                    assertThat(e.disposition()).isEqualTo(KiteException.Disposition.FATAL);
                });
        assertThat(bed.kite.requests()).hasSize(1);
    }

    @Test
    void invalidateSendsDeleteWithKeyAndTokenInQuery() {
        bed.kite.on("DELETE", "/session/token", success("true"));

        login.invalidate(bed.client.session());

        assertThat(bed.kite.only("DELETE", "/session/token").query())
                .containsExactly("api_key=kitefront", "access_token=acc355t0k3n");
    }
}
