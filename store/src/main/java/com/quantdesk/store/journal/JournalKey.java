package com.quantdesk.store.journal;

import com.quantdesk.store.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the journal's hash chain (HMAC-SHA256). It lives outside the database, so
 * someone who can write the {@code events} table cannot recompute the chain after changing a row.
 *
 * <p>It comes from the environment variable {@code QD_JOURNAL_KEY} (64 hex digits or base64 of at
 * least 32 bytes), else from {@code journal.key} in the data directory, which Quantdesk generates on
 * the first start (32 random bytes, hex, readable by the owner only). Its {@link #id()} is stored
 * in the database, so a start with the wrong key is refused by name instead of reported as tampering.
 * {@link #toString()} never shows the key.
 */
public final class JournalKey {

    /** Environment variable holding the key. */
    public static final String ENV = "QD_JOURNAL_KEY";
    /** Name of the key file in the data directory. */
    public static final String FILE = "journal.key";
    private static final int MIN_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final String source;
    private final String id;
    private final ThreadLocal<Mac> macs;

    private JournalKey(byte[] secret, String source) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("the journal key from " + source + " has " + secret.length
                    + " bytes; at least " + MIN_BYTES + " are needed");
        }
        this.secret = secret.clone();
        this.source = source;
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.id = HexFormat.of().formatHex(mac("quantdesk journal key id".getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** A key of {@code secret} (at least 32 bytes); {@code source} says where it came from, for messages. */
    public static JournalKey of(byte[] secret, String source) {
        return new JournalKey(secret, source);
    }

    /**
     * Parses a key written as 64 or more hex digits, or as base64 of at least 32 bytes.
     *
     * @throws IllegalArgumentException naming {@code source} when it is neither
     */
    public static JournalKey parse(String text, String source) {
        String trimmed = text.strip();
        if (trimmed.length() >= 2 * MIN_BYTES && trimmed.length() % 2 == 0 && trimmed.matches("[0-9a-fA-F]+")) {
            return new JournalKey(HexFormat.of().parseHex(trimmed), source);
        }
        try {
            return new JournalKey(Base64.getDecoder().decode(trimmed), source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the journal key from " + source + " is neither " + 2 * MIN_BYTES
                    + "+ hex digits nor base64 of " + MIN_BYTES + "+ bytes");
        }
    }

    /**
     * The key a process uses: {@code QD_JOURNAL_KEY} if set, else {@code <dataDirectory>/journal.key}.
     *
     * @param envValue the environment variable's value, if set
     * @param mayCreate whether a missing file may be generated (only for a journal that is still empty:
     *                  a key generated for a journal that has events would never verify it)
     * @throws IllegalStateException naming the file and what to do when there is no key to be had, or
     *                               the file is readable by others
     */
    public static JournalKey load(Path dataDirectory, Optional<String> envValue, boolean mayCreate) {
        if (envValue.isPresent() && !envValue.get().isBlank()) {
            return parse(envValue.get(), "the " + ENV + " environment variable");
        }
        Path file = dataDirectory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                if (!mayCreate) {
                    throw new IllegalStateException("the journal's key file " + file + " is missing, and the journal "
                            + "already holds events chained with a key: restore the file from your backup, or set "
                            + ENV);
                }
                return create(file);
            }
            SecretFiles.requireOwnerOnly(file, "the journal's key file");
            return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the journal's key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static JournalKey create(Path file) throws IOException {
        byte[] secret = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        // Written durably, so a power cut never leaves a journal whose key file is empty.
        SecretFiles.writeOwnerOnly(file, HexFormat.of().formatHex(secret) + "\n");
        // Read back rather than trusting the bytes above: if another process created the file first,
        // its key is the one on disk, and so the one the journal will be chained with.
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** The key's public fingerprint: 16 hex digits of an HMAC of a fixed text. */
    public String id() {
        return id;
    }

    /** Where the key came from. */
    public String source() {
        return source;
    }

    /** HMAC-SHA256 of {@code data} with this key. Thread-safe. */
    byte[] mac(byte[] data) {
        return macs.get().doFinal(data);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java platform provides HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalKey that && Arrays.equals(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "JournalKey[id=" + id + ", from " + source + "]";
    }
}
