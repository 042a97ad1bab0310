package com.quantdesk.server.auth;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, a 30-second
 * step, 6 digits. A code is accepted for the current step or one step either side, which covers a
 * phone clock some seconds off and a code typed as the step turns, and only once: the caller keeps
 * the last step used per account and passes it back, so a code seen over someone's shoulder cannot be
 * replayed within its minute and a half.
 *
 * <p>Thread-safe.
 */
public final class Totp {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int DIGITS = 6;
    private static final int SECRET_BYTES = 20;
    /** Steps either side of the current one whose codes are still accepted. */
    private static final int WINDOW = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstantSource clock;
    private final TimeBasedOneTimePasswordGenerator generator;

    /** Codes checked against the time {@code clock} shows. */
    public Totp(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
                TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    /** A new random secret: 20 bytes (the HMAC-SHA1 block the RFC recommends), base32 without padding. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base32.encode(secret);
    }

    /**
     * The {@code otpauth://} URI an authenticator app reads from a QR code, e.g.
     * {@code otpauth://totp/Quantdesk:priya?secret=...&issuer=Quantdesk&algorithm=SHA1&digits=6&period=30}.
     * The issuer appears both in the label and as a parameter, since apps differ in which they read.
     */
    public static String uri(String issuer, String account, String secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
                + "?secret=" + encode(secret)
                + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    /**
     * Checks {@code code} against {@code secret} at the current time.
     *
     * @param lastUsedStep the step of the last code this account used ({@code -1} or less if none):
     *                     a code for that step or an earlier one is refused
     * @return the step the code belongs to, to store as the new last used step; empty if the code is
     *         wrong, not exactly 6 digits, or already used
     * @throws IllegalArgumentException if {@code secret} is not base32
     */
    public OptionalLong verify(String secret, String code, long lastUsedStep) {
        Key key = key(secret);
        if (code == null || !isSixDigits(code)) {
            return OptionalLong.empty();
        }
        byte[] offered = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(clock.instant());
        long matched = -1;
        boolean found = false;
        // Every candidate is computed and compared, in constant time, so the time taken says nothing
        // about which step (if any) matched.
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            byte[] expected = codeAtStep(key, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, offered) && step > lastUsedStep && !found) {
                matched = step;
                found = true;
            }
        }
        return found ? OptionalLong.of(matched) : OptionalLong.empty();
    }

    /** The code for {@code secret} at {@code time}; for tests and tools. */
    public String codeAt(String secret, Instant time) {
        return codeAtStep(key(secret), step(time));
    }

    /** The number of the 30-second step {@code time} falls in, counted from the epoch. */
    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP.toSeconds());
    }

    private String codeAtStep(Key key, long step) {
        try {
            int code = generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
            // Formatted here in the root locale: some default locales would write non-ASCII digits.
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", code);
        } catch (InvalidKeyException e) {
            // HmacSHA1 takes a key of any length; a decoded secret is never refused.
            throw new IllegalStateException(e);
        }
    }

    private static Key key(String secret) {
        byte[] bytes = Base32.decode(Objects.requireNonNull(secret, "secret"));
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the TOTP secret is empty");
        }
        return new SecretKeySpec(bytes, "HmacSHA1");
    }

    private static boolean isSixDigits(String code) {
        if (code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters; a space becomes %20, not '+'. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
