package com.quantdesk.store.backup;

import com.quantdesk.store.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key backups are sealed with (AES-256-GCM): 32 bytes from {@value #ENV} (64 hex digits) or a key
 * file, never from the data directory and never written into a backup. A backup is useless without
 * it, so it is kept apart from the backups (a password manager, a second machine).
 */
public final class BackupKey {

    /** Environment variable that may hold the key, as 64 hex digits. */
    public static final String ENV = "QD_BACKUP_KEY";

    private static final int BYTES = 32;
    private final byte[] key;
    private final String source;

    private BackupKey(byte[] key, String source) {
        this.key = key.clone();
        this.source = source;
    }

    /**
     * The key from {@code keyFile} if given, else from {@value #ENV}.
     *
     * @throws IllegalArgumentException naming the file or the variable when the key is missing or is
     *                                  not 64 hex digits (the value is never repeated)
     */
    public static BackupKey load(Optional<Path> keyFile, Optional<String> envValue) {
        if (keyFile.isPresent()) {
            Path file = keyFile.get();
            try {
                SecretFiles.requireOwnerOnly(file, "the backup key file");
                return parse(Files.readString(file, StandardCharsets.ISO_8859_1), "the key file " + file);
            } catch (IOException e) {
                throw new IllegalArgumentException("--key-file: cannot read " + file + ": " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("--key-file: " + e.getMessage(), e);
            }
        }
        String hex = envValue.map(String::strip).orElse("");
        if (hex.isEmpty()) {
            throw new IllegalArgumentException(ENV + ": not set (or pass --key-file); backups are sealed with it. "
                    + "Create one with 'quantdesk backup key FILE' or 'openssl rand -hex 32', and keep it away from "
                    + "the backups");
        }
        return parse(hex, ENV);
    }

    /** A key from its 64 hex digits. */
    public static BackupKey parse(String text, String source) {
        String hex = text.strip();
        if (hex.length() != 2 * BYTES || !hex.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException(source + ": the backup key must be " + 2 * BYTES + " hex digits ("
                    + BYTES + " bytes)");
        }
        return new BackupKey(HexFormat.of().parseHex(hex), source);
    }

    /** Writes a fresh random key to {@code file}, readable by the owner only; an existing file is refused. */
    public static BackupKey generate(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + ": exists; a backup key is never overwritten");
        }
        byte[] fresh = new byte[BYTES];
        new SecureRandom().nextBytes(fresh);
        SecretFiles.writeOwnerOnly(file, HexFormat.of().formatHex(fresh) + "\n");
        return load(Optional.of(file), Optional.empty());
    }

    /** The AES key. */
    SecretKeySpec aes() {
        return new SecretKeySpec(key, "AES");
    }

    /** The key's public fingerprint: 16 hex digits of HMAC-SHA256 of a fixed label under the key. */
    public String id() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal("quantdesk backup key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(tag, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Where the key came from (a variable or a file name, never the key). */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "BackupKey[" + id() + " from " + source + "]";
    }
}
