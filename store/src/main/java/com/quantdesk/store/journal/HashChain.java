package com.quantdesk.store.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The journal's hash chain: every row stores the hash of the row before it and its own hash over
 * that and all its columns, so changing, deleting or reordering a row breaks the chain from there on.
 */
public final class HashChain {

    /** The {@code prev_hash} of the first row: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /**
     * SHA-256 hex of {@code prev|sequence|time|type|account|bot|causation|payload}.
     *
     * @param previousHash hash of the row before, or {@link #GENESIS}
     * @param event        the row
     */
    public static String hash(String previousHash, EncodedEvent event) {
        String text = previousHash + '|' + event.sequence() + '|' + event.time() + '|' + event.type() + '|'
                + event.account() + '|' + event.bot() + '|' + event.causationId() + '|' + event.payload();
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc), so this cannot happen.
            throw new IllegalStateException(e);
        }
    }
}
