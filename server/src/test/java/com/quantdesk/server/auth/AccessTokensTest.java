package com.quantdesk.server.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.store.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:10.750Z");
    private static final Duration TTL = Duration.ofMinutes(15);

    @TempDir
    Path dataDirectory;

    private final ManualClock clock = new ManualClock(NOW);
    private final AccessTokens tokens = AccessTokens.of(TestKeys.SERVER, "https://quantdesk.example", "quantdesk-api",
            TTL, clock);

    @Test
    void verifiesATokenItIssuedAndReturnsItsClaims() {
        AccessTokens.Issued issued = tokens.issue("user-42", Map.of("role", "TRADER", "sid", "s-7"));

        AccessTokens.Verified verified = tokens.verify(issued.token());

        long issuedAt = Instant.parse("2026-03-02T09:15:10Z").getEpochSecond();
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-03-02T09:30:10Z"));
        assertThat(issued.jti()).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(verified.subject()).isEqualTo("user-42");
        assertThat(verified.jti()).isEqualTo(issued.jti());
        assertThat(verified.expiresAt()).isEqualTo(issued.expiresAt());
        assertThat(verified.claims()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "iss", "https://quantdesk.example",
                "aud", "quantdesk-api",
                "sub", "user-42",
                "iat", issuedAt,
                "nbf", issuedAt,
                "exp", issuedAt + TTL.toSeconds(),
                "jti", issued.jti(),
                "role", "TRADER",
                "sid", "s-7"));
    }

    @Test
    void signsRs256WithTheKeyThumbprintAsKidAndTheAccessTokenType() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.issue("user-42", Map.of()).token());
        JWSHeader header = jwt.getHeader();

        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(header.getType().getType()).isEqualTo("at+jwt");
        assertThat(header.getKeyID()).isEqualTo(tokens.keyId()).isEqualTo(thumbprint(TestKeys.SERVER));
        assertThat(header.toJSONObject()).containsOnlyKeys("alg", "typ", "kid");
    }

    @Test
    void givesEachTokenItsOwnId() {
        assertThat(tokens.issue("user-42", Map.of()).jti()).isNotEqualTo(tokens.issue("user-42", Map.of()).jti());
    }

    @Test
    void acceptsATokenUntilTheSecondBeforeItExpires() {
        AccessTokens.Issued issued = tokens.issue("user-42", Map.of());

        clock.set(issued.expiresAt().minusMillis(1));
        assertThat(tokens.verify(issued.token()).subject()).isEqualTo("user-42");
        clock.set(issued.expiresAt());
        assertThatThrownBy(() -> tokens.verify(issued.token())).isInstanceOf(InvalidTokenException.class)
                .hasMessage("token expired");
    }

    @Test
    void refusesExtraClaimsThatWouldOverrideRegisteredOnes() {
        for (String claim : List.of("iss", "aud", "sub", "iat", "nbf", "exp", "jti")) {
            assertThatThrownBy(() -> tokens.issue("user-42", Map.of(claim, "x"))).as(claim)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the claim " + claim + " is set by AccessTokens, not by the caller");
        }
    }

    @Test
    void refusesToIssueATokenTooLongToBeAccepted() {
        assertThatThrownBy(() -> tokens.issue("user-42", Map.of("notes", "x".repeat(8000))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the access token would be ");
    }

    @Test
    void refusesABlankSubject() {
        assertThatThrownBy(() -> tokens.issue(" ", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the subject must not be blank");
    }

    @Test
    void replacesTheKeysOwnKidWithItsThumbprint() {
        RSAKey named = new RSAKey.Builder(TestKeys.SERVER).keyID("my-key").build();

        assertThat(AccessTokens.of(named, "i", "a", TTL, clock).keyId()).isEqualTo(tokens.keyId());
    }

    @Test
    void publishesOnlyThePublicHalfOfTheKey() throws Exception {
        String json = tokens.publicJwksJson();
        List<JWK> keys = JWKSet.parse(json).getKeys();

        assertThat(keys).hasSize(1);
        RSAKey published = keys.getFirst().toRSAKey();
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.getKeyID()).isEqualTo(tokens.keyId());
        assertThat(published.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(published.getModulus()).isEqualTo(TestKeys.SERVER.getModulus());
        assertThat(json).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
    }

    @Test
    void refusesAPublicOnlyOrShortKey() {
        assertThatThrownBy(() -> AccessTokens.of(TestKeys.SERVER.toPublicJWK(), "i", "a", TTL, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the JWT signing key must include its private part");
        assertThatThrownBy(() -> AccessTokens.of(TestKeys.generate(1024), "i", "a", TTL, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the JWT signing key has 1024 bits; at least 2048 are needed");
    }

    @Test
    void refusesALifetimeUnderOneSecond() {
        assertThatThrownBy(() -> AccessTokens.of(TestKeys.SERVER, "i", "a", Duration.ofMillis(999), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tokens.ttl()).isEqualTo(TTL);
    }

    @Test
    void generatesAnOwnerOnlyKeyFileAndReusesIt() throws Exception {
        AccessTokens first = AccessTokens.load(dataDirectory, Optional.empty(), "i", "a", TTL, clock);
        String token = first.issue("user-42", Map.of()).token();
        Path file = dataDirectory.resolve(AccessTokens.FILE);

        RSAKey stored = RSAKey.parse(Files.readString(file));
        assertThat(stored.isPrivate()).isTrue();
        assertThat(stored.size()).isEqualTo(2048);
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        AccessTokens again = AccessTokens.load(dataDirectory, Optional.empty(), "i", "a", TTL, clock);
        assertThat(again.keyId()).isEqualTo(first.keyId()).isEqualTo(thumbprint(stored));
        assertThat(again.verify(token).subject()).isEqualTo("user-42");
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path file = dataDirectory.resolve(AccessTokens.FILE);
        SecretFiles.writeOwnerOnly(file, TestKeys.SERVER.toJSONString());
        assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null, "POSIX permissions");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));

        assertThatThrownBy(() -> AccessTokens.load(dataDirectory, Optional.empty(), "i", "a", TTL, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the JWT signing key file " + file + " is readable or writable by others (rw-rw----); "
                        + "run: chmod 600 " + file);
    }

    @Test
    void takesTheKeyFromTheEnvironmentWithoutWritingAFile() {
        AccessTokens fromEnv = AccessTokens.load(dataDirectory, Optional.of(TestKeys.SERVER.toJSONString()), "i", "a",
                TTL, clock);

        assertThat(fromEnv.keyId()).isEqualTo(tokens.keyId());
        assertThat(Files.exists(dataDirectory.resolve(AccessTokens.FILE))).isFalse();
    }

    @Test
    void namesTheVariableOrFileHoldingAnUnusableKeyWithoutQuotingIt() throws Exception {
        assertThatThrownBy(() -> AccessTokens.load(dataDirectory, Optional.of("{\"kty\":\"RSA\",\"d\":\"secret\"}"),
                "i", "a", TTL, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the JWT signing key in the QD_JWT_KEY environment variable is not an RSA JWK");
        assertThatThrownBy(() -> AccessTokens.load(dataDirectory, Optional.of(TestKeys.SERVER.toPublicJWK().toJSONString()),
                "i", "a", TTL, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the JWT signing key must include its private part (in the QD_JWT_KEY environment variable)");

        Path file = dataDirectory.resolve(AccessTokens.FILE);
        SecretFiles.writeOwnerOnly(file, "not json");
        assertThatThrownBy(() -> AccessTokens.load(dataDirectory, Optional.empty(), "i", "a", TTL, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the JWT signing key in the JWT signing key file " + file + " is not an RSA JWK");
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
    private static String thumbprint(RSAKey key) throws Exception {
        String json = "{\"e\":\"" + key.getPublicExponent() + "\",\"kty\":\"RSA\",\"n\":\"" + key.getModulus() + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
