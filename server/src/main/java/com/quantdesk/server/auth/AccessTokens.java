package com.quantdesk.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Short-lived access tokens: JWTs signed RS256 with the server's RSA key, typed {@code at+jwt}
 * (RFC 9068), named by the key's SHA-256 thumbprint in {@code kid}.
 *
 * <p>Verification trusts nothing the token says about how to check it. The algorithm must be RS256
 * (so {@code none}, HMAC with the public key as the secret, and every other algorithm are refused
 * before any cryptography), the type {@code at+jwt} and the key id this server's; the signature is
 * checked with the server's own public key only (a key embedded in the header is ignored); then
 * issuer, audience, subject, id and times are checked against the injected clock. There is no clock
 * leeway: tokens are issued and checked by the same server's clock, so a token is expired from the
 * second {@code exp} names.
 *
 * <p>The key comes from the environment variable {@value #ENV} (an RSA JWK with its private part),
 * else from {@value #FILE} in the data directory, generated on the first start. Thread-safe.
 */
public final class AccessTokens {

    /** Environment variable that may hold the signing key as an RSA JWK (JSON, with the private part). */
    public static final String ENV = "QD_JWT_KEY";
    /** Name of the signing key file in the data directory. */
    public static final String FILE = "jwt-signing-key.json";

    private static final int MIN_KEY_BITS = 2048;
    /** Far above any token this class issues; refusing longer input bounds the work of parsing it. */
    private static final int MAX_TOKEN_CHARS = 8192;
    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private static final Set<String> REGISTERED = Set.of(JWTClaimNames.ISSUER, JWTClaimNames.AUDIENCE,
            JWTClaimNames.SUBJECT, JWTClaimNames.ISSUED_AT, JWTClaimNames.NOT_BEFORE, JWTClaimNames.EXPIRATION_TIME,
            JWTClaimNames.JWT_ID);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final InstantSource clock;
    private final JWSSigner signer;
    private final JWSVerifier verifier;

    private AccessTokens(RSAKey key, String issuer, String audience, Duration ttl, InstantSource clock) {
        this.key = key;
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("the access-token lifetime must be at least one second, not " + ttl);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signer = new RSASSASigner(key);
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the JWT signing key cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Tokens signed with {@code jwk}, an RSA key of at least 2048 bits with its private part. Its own
     * {@code kid}, if any, is replaced by its thumbprint.
     *
     * @throws IllegalArgumentException if the key is public only or too short, or the lifetime under a second
     */
    public static AccessTokens of(RSAKey jwk, String issuer, String audience, Duration ttl, InstantSource clock) {
        Objects.requireNonNull(jwk, "jwk");
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("the JWT signing key must include its private part");
        }
        if (jwk.size() < MIN_KEY_BITS) {
            throw new IllegalArgumentException("the JWT signing key has " + jwk.size() + " bits; at least "
                    + MIN_KEY_BITS + " are needed");
        }
        try {
            RSAKey named = new RSAKey.Builder(jwk).keyID(jwk.computeThumbprint().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            return new AccessTokens(named, issuer, audience, ttl, clock);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the JWT signing key cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Tokens signed with the key from {@value #ENV} if set, else from {@code <dataDirectory>/}{@value #FILE},
     * which is generated if missing.
     *
     * @param envValue the environment variable's value, if set
     * @throws IllegalStateException naming the variable or the file when it holds no usable key, or the
     *                               file cannot be read or is readable by others
     */
    public static AccessTokens load(Path dataDirectory, Optional<String> envValue, String issuer, String audience,
            Duration ttl, InstantSource clock) {
        SigningKeyFile.Loaded loaded = SigningKeyFile.load(dataDirectory, envValue);
        try {
            return of(loaded.key(), issuer, audience, ttl, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " (in " + loaded.source() + ")", e);
        }
    }

    /** A token just issued: the compact JWT, its id (for revocation) and when it expires. */
    public record Issued(String token, String jti, Instant expiresAt) {
    }

    /**
     * What a valid token says.
     *
     * @param claims every claim as plain JSON values (times as epoch seconds, {@code aud} a string or a list)
     */
    public record Verified(String subject, String jti, Instant expiresAt, Map<String, Object> claims) {
        /** Keeps an unmodifiable copy of {@code claims} (a claim's value may be JSON null). */
        public Verified {
            claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        }
    }

    /**
     * A new token for {@code subject}, valid from now (to the second) for {@link #ttl()}.
     *
     * @param extraClaims further claims (roles, a session id); they may not set a registered claim
     * @throws IllegalArgumentException if {@code subject} is blank, {@code extraClaims} names a registered claim,
     *                                  or the token would be too long for {@link #verify} to accept
     */
    public Issued issue(String subject, Map<String, Object> extraClaims) {
        requireText(subject, "subject");
        Objects.requireNonNull(extraClaims, "extraClaims");
        for (String name : extraClaims.keySet()) {
            if (REGISTERED.contains(name)) {
                throw new IllegalArgumentException("the claim " + name + " is set by AccessTokens, not by the caller");
            }
        }
        // JWT times are whole seconds; cutting here makes expiresAt match what the token says.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String jti = newJti();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        extraClaims.forEach(claims::claim);
        claims.issuer(issuer).audience(audience).subject(subject).issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).jwtID(jti);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(TYPE).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token: " + e.getMessage(), e);
        }
        String token = jwt.serialize();
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new IllegalArgumentException("the access token would be " + token.length()
                    + " characters, more than the " + MAX_TOKEN_CHARS + " verify accepts: too many extra claims");
        }
        return new Issued(token, jti, expiresAt);
    }

    /**
     * Checks {@code token} and returns what it says.
     *
     * @throws InvalidTokenException with a client-safe reason if the token is not one this server issued
     *                               and still valid
     */
    public Verified verify(String token) {
        SignedJWT jwt = parseSigned(token);
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new InvalidTokenException("token algorithm not accepted");
        }
        if (!TYPE.equals(header.getType())) {
            throw new InvalidTokenException("token type not accepted");
        }
        if (!key.getKeyID().equals(header.getKeyID())) {
            throw new InvalidTokenException("token key unknown");
        }
        if (!signatureValid(jwt)) {
            throw new InvalidTokenException("token signature invalid");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("token malformed");
        }
        return checkClaims(claims);
    }

    private static SignedJWT parseSigned(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException("token malformed");
        }
        requireRs256(token);
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("token malformed");
        }
    }

    /**
     * Reads the header's {@code alg} before the token is parsed as anything: the library would parse
     * {@code none} as an unsecured JWT and an unknown spelling like {@code None} as malformed, while
     * both are the same attack and get the same answer here.
     */
    private static void requireRs256(String token) {
        int dot = token.indexOf('.');
        Map<String, Object> header;
        try {
            header = JSONObjectUtils.parse(new Base64URL(token.substring(0, Math.max(dot, 0))).decodeToString());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("token malformed");
        }
        if (!JWSAlgorithm.RS256.getName().equals(header.get("alg"))) {
            throw new InvalidTokenException("token algorithm not accepted");
        }
    }

    private boolean signatureValid(SignedJWT jwt) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private Verified checkClaims(JWTClaimsSet claims) {
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException("token issuer not accepted");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw new InvalidTokenException("token audience not accepted");
        }
        String subject = claims.getSubject();
        String jti = claims.getJWTID();
        Date expiry = claims.getExpirationTime();
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenException("token missing claim sub");
        }
        if (jti == null || jti.isBlank()) {
            throw new InvalidTokenException("token missing claim jti");
        }
        if (expiry == null) {
            throw new InvalidTokenException("token missing claim exp");
        }
        Instant now = clock.instant();
        Instant expiresAt = expiry.toInstant();
        if (!expiresAt.isAfter(now)) {
            throw new InvalidTokenException("token expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now)) {
            throw new InvalidTokenException("token not yet valid");
        }
        return new Verified(subject, jti, expiresAt, claims.toJSONObject());
    }

    /** How long an issued token is valid. */
    public Duration ttl() {
        return ttl;
    }

    /** The signing key's id: its RFC 7638 SHA-256 thumbprint, as written in each token's {@code kid}. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The public half of the signing key as a JWK set, for {@code /.well-known/jwks.json}. */
    public String publicJwksJson() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    private static String newJti() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + name + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "AccessTokens[kid=" + keyId() + ", issuer=" + issuer + ", audience=" + audience + ", ttl=" + ttl + "]";
    }
}
