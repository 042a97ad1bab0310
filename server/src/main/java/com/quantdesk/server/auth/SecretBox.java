package com.quantdesk.server.auth;

import com.quantdesk.store.SecretFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets kept in the database (TOTP secrets) with AES-256-GCM under the server key, so a
 * copy of the database or a backup alone does not give them away.
 *
 * <p>The key comes from the environment variable {@value #ENV} (64 hex digits), else from
 * {@value #FILE} in the data directory, generated on the first start and readable by the owner only.
 * Back it up with the database: without it, every sealed secret is lost and each user must enrol a new
 * authenticator. A sealed value reads {@code v1.} followed by the base64url (no padding) of a random
 * 12-byte IV and the ciphertext with its 16-byte tag. {@link #toString()} never shows the key.
 *
 * <p>Thread-safe.
 */
public final class SecretBox {

    /** Environment variable that may hold the key, as 64 hex digits. */
    public static final String ENV = "QD_SERVER_KEY";
    /** Name of the key file in the data directory. */
    public static final String FILE = "server.key";

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1.";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final String CANNOT_OPEN = "cannot open a sealed secret: wrong server key or damaged value";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    private SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the server key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = fingerprint(key);
    }

    /** A box sealing with {@code key} (32 bytes). */
    public static SecretBox of(byte[] key) {
        return new SecretBox(Objects.requireNonNull(key, "key"));
    }

    /**
     * The box a server uses: the key from {@value #ENV} if set, else from {@code <dataDirectory>/server.key},
     * which is generated if missing.
     *
     * @param envValue the environment variable's value, if set
     * @throws IllegalStateException naming the variable or the file when the key in it is not 64 hex
     *                               digits, or the file cannot be read or is readable by others
     */
    public static SecretBox load(Path dataDirectory, Optional<String> envValue) {
        if (envValue.isPresent() && !envValue.get().isBlank()) {
            return new SecretBox(parse(envValue.get(), "the " + ENV + " environment variable"));
        }
        Path file = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                SecretFiles.requireOwnerOnly(file, "the server's key file");
            } else {
                byte[] generated = new byte[KEY_BYTES];
                RANDOM.nextBytes(generated);
                SecretFiles.writeOwnerOnly(file, HexFormat.of().formatHex(generated) + "\n");
            }
            // Read back even just after writing: another process starting at the same moment may have won.
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return new SecretBox(parse(text, "the server's key file " + file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the server's key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] parse(String text, String source) {
        String hex = text.strip();
        if (hex.length() != 2 * KEY_BYTES || !hex.matches("[0-9a-fA-F]+")) {
            // The message never repeats the value: it may be a real key with a typo.
            throw new IllegalStateException("the server key in " + source + " must be " + 2 * KEY_BYTES
                    + " hex digits (" + KEY_BYTES + " bytes)");
        }
        return HexFormat.of().parseHex(hex);
    }

    /** {@code plaintext} sealed under a fresh random IV: sealing the same text twice gives different values. */
    public String seal(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            // AES-GCM with a 256-bit key is on every Java platform.
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plaintext {@code sealed} holds.
     *
     * @throws IllegalStateException if it was sealed under another key, was changed, or is not a sealed value
     */
    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalStateException(CANNOT_OPEN);
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
            if (bytes.length < IV_BYTES + TAG_BITS / 8) {
                throw new IllegalStateException(CANNOT_OPEN);
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
            byte[] plaintext = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(CANNOT_OPEN, e);
        }
    }

    /** The key's public fingerprint: 16 hex digits of HMAC-SHA256 of a fixed label under the key. */
    public String keyId() {
        return keyId;
    }

    private static String fingerprint(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("quantdesk server key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            // Every Java platform provides HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[keyId=" + keyId + "]";
    }
}
