package com.quantdesk.kite.ticker;

import java.util.Objects;

/**
 * A part of a binary ticker message the decoder could not use, and why.
 *
 * @param offset where the skipped part starts in the message
 * @param length how many bytes were skipped
 * @param reason why
 * @param detail what was found, for a log line
 */
public record SkippedBytes(int offset, int length, Reason reason, String detail) {

    /** Validates the fields. */
    public SkippedBytes {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Why bytes were skipped. */
    public enum Reason {
        /** The message ended inside a packet's length prefix or its body; the rest is dropped. */
        TRUNCATED,
        /** A packet's length is none of 8, 28, 32, 44 or 184; that packet is dropped. */
        UNKNOWN_PACKET_LENGTH,
        /** Bytes follow the last packet the header announced. */
        TRAILING_BYTES
    }
}
