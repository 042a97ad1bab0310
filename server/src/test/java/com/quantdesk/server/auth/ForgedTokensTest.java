package com.quantdesk.server.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.quantdesk.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens an attacker could make or change, each of which the server must refuse for the right reason. */
class ForgedTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:10Z");
    private static final String ISSUER = "https://quantdesk.example";
    private static final String AUDIENCE = "quantdesk-api";

    private final ManualClock clock = new ManualClock(NOW);
    private final AccessTokens tokens = AccessTokens.of(TestKeys.SERVER, ISSUER, AUDIENCE, Duration.ofMinutes(15), clock);
    private final String kid = tokens.keyId();

    @Test
    void acceptsTheUnchangedBaselineToken() {
        // Every forgery below starts from this token's header and claims, so each refusal has one cause.
        assertThat(tokens.verify(sign(header(JWSAlgorithm.RS256).build(), claims().build(), serverSigner())).subject())
                .isEqualTo("user-42");
    }

    @Test
    void refusesAnUnsecuredToken() {
        String payload = encode(claims().build().toString());
        for (String alg : List.of("none", "None", "NONE")) {
            String header = encode("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}");

            assertRefused(header + "." + payload + ".", "token algorithm not accepted");
        }
    }

    @Test
    void refusesAnUnsecuredTokenCarryingAValidSignature() {
        String[] valid = tokens.issue("user-42", Map.of()).token().split("\\.");
        String header = encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}");

        assertRefused(header + "." + valid[1] + "." + valid[2], "token algorithm not accepted");
    }

    @Test
    void refusesHmacTokensKeyedWithThePublicKey() throws Exception {
        byte[] der = TestKeys.SERVER.toRSAPublicKey().getEncoded();
        byte[] pem = ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] jwk = TestKeys.SERVER.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        for (byte[] secret : List.of(der, pem, jwk)) {
            for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
                String token = sign(header(alg).build(), claims().build(), new MACSigner(secret));

                assertRefused(token, "token algorithm not accepted");
            }
        }
    }

    @Test
    void refusesAnRs256HeaderOverAnHmacSignatureKeyedWithThePublicKey() throws Exception {
        String signingInput = encode(header(JWSAlgorithm.RS256).build().toString()) + "."
                + encode(claims().build().toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestKeys.SERVER.toRSAPublicKey().getEncoded(), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        assertRefused(signingInput + "." + signature, "token signature invalid");
    }

    @Test
    void refusesOtherAlgorithmsEvenWithTheServersOwnKey() throws Exception {
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.PS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512)) {
            assertRefused(sign(header(alg).build(), claims().build(), serverSigner()), "token algorithm not accepted");
        }
        ECDSASigner ec = new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate());
        assertRefused(sign(header(JWSAlgorithm.ES256).build(), claims().build(), ec), "token algorithm not accepted");
    }

    @Test
    void refusesATokenSignedByAnotherKeyUnderTheServersKid() throws Exception {
        String token = sign(header(JWSAlgorithm.RS256).build(), claims().build(), new RSASSASigner(TestKeys.STRANGER));

        assertRefused(token, "token signature invalid");
    }

    @Test
    void ignoresAKeyEmbeddedInTheHeader() throws Exception {
        JWSHeader header = header(JWSAlgorithm.RS256).jwk(TestKeys.STRANGER.toPublicJWK())
                .jwkURL(java.net.URI.create("https://attacker.example/jwks.json")).build();

        assertRefused(sign(header, claims().build(), new RSASSASigner(TestKeys.STRANGER)), "token signature invalid");
    }

    @Test
    void refusesAnUnknownOrMissingKid() {
        assertRefused(sign(header(JWSAlgorithm.RS256).keyID("another").build(), claims().build(), serverSigner()),
                "token key unknown");
        assertRefused(sign(header(JWSAlgorithm.RS256).keyID(null).build(), claims().build(), serverSigner()),
                "token key unknown");
    }

    @Test
    void refusesATokenOfAnotherType() {
        assertRefused(sign(header(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims().build(),
                serverSigner()), "token type not accepted");
        assertRefused(sign(header(JWSAlgorithm.RS256).type(null).build(), claims().build(), serverSigner()),
                "token type not accepted");
    }

    @Test
    void refusesAChangedPayloadUnderTheOriginalSignature() {
        String[] parts = tokens.issue("user-42", Map.of("role", "VIEWER")).token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = payload.replace("\"VIEWER\"", "\"ADMIN\"");
        assertThat(promoted).isNotEqualTo(payload);

        assertRefused(parts[0] + "." + encode(promoted) + "." + parts[2], "token signature invalid");
        assertRefused(parts[0] + "." + encode(payload.replace("user-42", "user-1")) + "." + parts[2],
                "token signature invalid");
    }

    @Test
    void refusesAChangedHeaderUnderTheOriginalSignature() {
        String[] parts = tokens.issue("user-42", Map.of()).token().split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String changed = header.replace("}", ",\"x5u\":\"https://attacker.example/cert\"}");

        assertRefused(encode(changed) + "." + parts[1] + "." + parts[2], "token signature invalid");
    }

    @Test
    void refusesACriticalHeaderItDoesNotUnderstand() {
        JWSHeader header = header(JWSAlgorithm.RS256).criticalParams(Set.of("exp")).customParam("exp", 1).build();

        assertRefused(sign(header, claims().build(), serverSigner()), "token signature invalid");
    }

    @Test
    void refusesAnExpiredToken() {
        assertRefused(signed(claims().expirationTime(Date.from(NOW))), "token expired");
        assertRefused(signed(claims().expirationTime(Date.from(NOW.minusSeconds(3600)))), "token expired");
    }

    @Test
    void refusesATokenNotYetValid() {
        assertRefused(signed(claims().notBeforeTime(Date.from(NOW.plusSeconds(1)))), "token not yet valid");
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertRefused(signed(claims().audience("another-api")), "token audience not accepted");
        assertRefused(signed(claims().audience((String) null)), "token audience not accepted");
        assertThat(tokens.verify(signed(claims().audience(List.of("another-api", AUDIENCE)))).subject())
                .isEqualTo("user-42");
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        assertRefused(signed(claims().issuer("https://attacker.example")), "token issuer not accepted");
        assertRefused(signed(claims().issuer(null)), "token issuer not accepted");
    }

    @Test
    void refusesATokenMissingARequiredClaim() {
        assertRefused(signed(claims().jwtID(null)), "token missing claim jti");
        assertRefused(signed(claims().subject(null)), "token missing claim sub");
        assertRefused(signed(claims().expirationTime(null)), "token missing claim exp");
    }

    @Test
    void refusesGarbageAndTruncatedTokens() {
        String token = tokens.issue("user-42", Map.of()).token();
        String[] parts = token.split("\\.");

        for (String garbage : List.of("", "garbage", "a.b", "a.b.c", "...", parts[0] + "." + parts[1],
                "%%%." + parts[1] + "." + parts[2], token + ".extra.parts", parts[0] + "." + parts[1] + ".",
                "x".repeat(10_000))) {
            assertRefused(garbage, "token malformed");
        }
        assertRefused(null, "token malformed");
        assertRefused(token.substring(0, token.length() - 10), "token signature invalid");
    }

    @Test
    void refusesASignedPayloadThatIsNotAClaimsObject() throws Exception {
        JWSObject object = new JWSObject(header(JWSAlgorithm.RS256).build(), new Payload("[\"user-42\"]"));
        object.sign(serverSigner());

        assertRefused(object.serialize(), "token malformed");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class).hasMessage(reason);
    }

    private JWSHeader.Builder header(JWSAlgorithm alg) {
        return new JWSHeader.Builder(alg).type(new JOSEObjectType("at+jwt")).keyID(kid);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("user-42")
                .issueTime(Date.from(NOW)).notBeforeTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(900))).jwtID("jti-1");
    }

    private String signed(JWTClaimsSet.Builder claims) {
        return sign(header(JWSAlgorithm.RS256).build(), claims.build(), serverSigner());
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JWSSigner serverSigner() {
        try {
            return new RSASSASigner(TestKeys.SERVER);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
