package com.quantdesk.kite.ticker;

import java.util.List;

/**
 * Receives what a {@link KiteTicker} gets. Called on the WebSocket's thread, one call at a time;
 * implementations hand work to their own thread and return quickly. Every method does nothing by
 * default, so a listener overrides only what it needs. An exception thrown here is logged by the
 * ticker and the message it was handling is dropped; the connection stays up.
 */
public interface TickerListener {

    /** A listener passing every call to {@code first}, then to {@code second}. */
    static TickerListener both(TickerListener first, TickerListener second) {
        return new TickerListener() {
            @Override
            public void onPackets(List<TickerPacket> packets) {
                first.onPackets(packets);
                second.onPackets(packets);
            }

            @Override
            public void onOrderUpdate(OrderUpdate update) {
                first.onOrderUpdate(update);
                second.onOrderUpdate(update);
            }

            @Override
            public void onServerMessage(String text, boolean error) {
                first.onServerMessage(text, error);
                second.onServerMessage(text, error);
            }

            @Override
            public void onMalformedMessage(DecodedMessage message) {
                first.onMalformedMessage(message);
                second.onMalformedMessage(message);
            }

            @Override
            public void onMalformedText(TextMessage.Malformed message) {
                first.onMalformedText(message);
                second.onMalformedText(message);
            }

            @Override
            public void onStateChanged(TickerState state, String reason) {
                first.onStateChanged(state, reason);
                second.onStateChanged(state, reason);
            }
        };
    }

    /** The packets of one binary message (never empty). */
    default void onPackets(List<TickerPacket> packets) {
    }

    /** An order of the user changed. */
    default void onOrderUpdate(OrderUpdate update) {
    }

    /** The server sent an error, or a notice ({@code type} "message"); {@code error} tells which. */
    default void onServerMessage(String text, boolean error) {
    }

    /** A binary message had defects; the packets it still held went to {@link #onPackets}. */
    default void onMalformedMessage(DecodedMessage message) {
    }

    /** A text message could not be parsed; it was skipped. */
    default void onMalformedText(TextMessage.Malformed message) {
    }

    /** The connection state changed; {@code reason} says why, for a log line. */
    default void onStateChanged(TickerState state, String reason) {
    }
}
