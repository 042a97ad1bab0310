package com.quantdesk.kite.ticker;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whole WebSocket messages into {@link TickerListener} calls: binary ones through
 * {@link TickerDecoder}, text ones through {@link TextMessageParser}. Counts the malformed ones.
 *
 * <p>Nothing escapes: an exception thrown out of a WebSocket callback would abort the connection,
 * and a listener bug would then make the ticker reconnect forever, so a failing listener call is
 * logged and its message dropped.
 */
final class TickerDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(TickerDispatcher.class);

    private final TickerListener listener;
    private final TickerDecoder decoder = new TickerDecoder();
    private final TextMessageParser parser = new TextMessageParser();
    private final AtomicLong malformed = new AtomicLong();

    TickerDispatcher(TickerListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Malformed binary and text messages so far. */
    long malformed() {
        return malformed.get();
    }

    void binary(ByteBuffer message) {
        try {
            DecodedMessage decoded = decoder.decode(message);
            if (decoded.malformed()) {
                malformed.incrementAndGet();
                listener.onMalformedMessage(decoded);
            }
            if (!decoded.packets().isEmpty()) {
                listener.onPackets(decoded.packets());
            }
        } catch (RuntimeException e) {
            LOG.error("ticker listener failed on a binary message", e);
        }
    }

    void text(String message) {
        try {
            switch (parser.parse(message)) {
                case TextMessage.Order order -> listener.onOrderUpdate(order.update());
                case TextMessage.Error error -> listener.onServerMessage(error.message(), true);
                case TextMessage.Notice notice -> listener.onServerMessage(notice.message(), false);
                case TextMessage.Unknown unknown -> LOG.debug("ignored ticker message of type '{}'", unknown.type());
                case TextMessage.Malformed bad -> {
                    malformed.incrementAndGet();
                    listener.onMalformedText(bad);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("ticker listener failed on a text message", e);
        }
    }
}
