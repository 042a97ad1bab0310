package com.quantdesk.store.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The journal's hash chain: every row stores the MAC of the row before it and its own MAC over that
 * and all its columns, so changing, deleting or reordering a row breaks the chain from there on. The
 * MAC is HMAC-SHA256 under the {@link JournalKey}, which is kept outside the database: without it
 * nobody can recompute a valid chain over edited rows. Thread-safe.
 */
public final class HashChain {

    /** The {@code prev_hash} of the first row: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private final JournalKey key;

    /** A chain keyed by {@code key}. */
    public HashChain(JournalKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * HMAC-SHA256 hex of {@code prev|sequence|time|type|account|bot|causation|payload}.
     *
     * @param previousHash hash of the row before, or {@link #GENESIS}
     * @param event        the row
     */
    public String hash(String previousHash, EncodedEvent event) {
        return HexFormat.of().formatHex(key.mac(text(previousHash, event)));
    }

    /**
     * The unkeyed SHA-256 of the same text: how journals written before the chain was keyed were
     * chained; {@code journal verify} still checks them.
     */
    public static String unkeyed(String previousHash, EncodedEvent event) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text(previousHash, event)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc), so this cannot happen.
            throw new IllegalStateException(e);
        }
    }

    private static byte[] text(String previousHash, EncodedEvent event) {
        String text = previousHash + '|' + event.sequence() + '|' + event.time() + '|' + event.type() + '|'
                + event.account() + '|' + event.bot() + '|' + event.causationId() + '|' + event.payload();
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
