package com.quantdesk.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Hashes and checks account passwords with bcrypt.
 *
 * <p>bcrypt reads at most 72 bytes of a password ({@code $2a$} counts the terminating zero byte, so
 * 71 of the password's own). Many implementations silently ignore the rest, so two long passphrases
 * that share their first 72 bytes would match each other. Here a password longer than 71 UTF-8 bytes
 * is first replaced by the base64 of its SHA-384 (64 characters), the same rule on hashing and on
 * checking, so every byte counts. Any password of 71 bytes or fewer is hashed as it is, which keeps the
 * hashes readable by any bcrypt implementation.
 *
 * <p>Thread-safe.
 */
public final class Passwords {

    /** The cost of {@link #standard()}: about a quarter of a second per hash on a current server core. */
    public static final int STANDARD_COST = 12;
    private static final int MIN_COST = 12;
    private static final int MAX_COST = 16;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final int MAX_BYTES = BCrypt.Version.DEFAULT_MAX_PW_LENGTH_BYTE;

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;
    private final String dummyHash;

    /**
     * Passwords hashed at {@code cost} (each step doubles the work).
     *
     * @throws IllegalArgumentException if {@code cost} is outside 12..16
     */
    public Passwords(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + MIN_COST + " and " + MAX_COST);
        }
        this.cost = cost;
        // strict(): should a password ever reach bcrypt longer than it reads, fail rather than truncate.
        this.hasher = BCrypt.with(VERSION, new SecureRandom(), LongPasswordStrategies.strict(VERSION));
        this.verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.strict(VERSION));
        // Hashed once here, so burn() costs exactly what checking a real account's password costs.
        this.dummyHash = hash("quantdesk: no such account");
    }

    /** Passwords at cost {@value #STANDARD_COST}. */
    public static Passwords standard() {
        return new Passwords(STANDARD_COST);
    }

    /** The bcrypt cost new hashes get. */
    public int cost() {
        return cost;
    }

    /** A new salted bcrypt hash of {@code password}, in the {@code $2a$} format. */
    public String hash(String password) {
        return new String(hasher.hash(cost, bcryptInput(password)), StandardCharsets.US_ASCII);
    }

    /**
     * Whether {@code password} is the one {@code hash} was made from. The library compares in
     * constant time.
     *
     * @return false, never an exception, when {@code hash} is not a bcrypt hash
     */
    public boolean verify(String password, String hash) {
        Objects.requireNonNull(password, "password");
        if (hash == null) {
            return false;
        }
        try {
            BCrypt.Result result = verifyer.verify(bcryptInput(password), hash.getBytes(StandardCharsets.UTF_8));
            return result.validFormat && result.verified;
        } catch (IllegalArgumentException e) {
            // The parser rejects some malformed hashes (an impossible cost, a bad salt) by throwing.
            return false;
        }
    }

    /**
     * Does the work of one {@link #verify} against a hash no password matches, so that a login for an
     * unknown username takes as long as one with a wrong password and does not reveal which
     * usernames exist.
     */
    public void burn(String password) {
        verify(password, dummyHash);
    }

    /** Whether {@code hash} was made at another cost than this and should be replaced at the next login. */
    public boolean needsRehash(String hash) {
        try {
            return Integer.parseInt(hash.substring(4, 6)) != cost;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The bytes given to bcrypt for {@code password}: its UTF-8, or the digest described above. */
    private static byte[] bcryptInput(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_BYTES) {
            return utf8;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-384").digest(utf8);
            return Base64.getEncoder().encode(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform provides SHA-384.
            throw new IllegalStateException(e);
        }
    }
}
