package com.quantdesk.kite.ticker;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TickerDecoder} made of one binary ticker message.
 *
 * @param heartbeat whether the message was a keep-alive (shorter than 2 bytes), carrying nothing
 * @param packets   the packets decoded, in message order (those before a defect are kept)
 * @param skipped   the defects found; empty for a well-formed message
 */
public record DecodedMessage(boolean heartbeat, List<TickerPacket> packets, List<SkippedBytes> skipped) {

    /** Copies the lists. */
    public DecodedMessage {
        packets = List.copyOf(Objects.requireNonNull(packets, "packets"));
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
    }

    /** Whether any part of the message had to be skipped. */
    public boolean malformed() {
        return !skipped.isEmpty();
    }
}
