package com.quantdesk.kite.ticker;

import java.util.Objects;

/**
 * A text (JSON) message from the Kite ticker (docs/kite-connect.md §B.5), as parsed by
 * {@link TextMessageParser}.
 */
public sealed interface TextMessage {

    /**
     * {@code {"type":"order","data":{…}}}: an order of the user changed.
     *
     * @param update the order
     */
    record Order(OrderUpdate update) implements TextMessage {

        /** Validates the fields. */
        public Order {
            Objects.requireNonNull(update, "update");
        }
    }

    /**
     * {@code {"type":"error","data":"…"}}.
     *
     * @param message the server's text
     */
    record Error(String message) implements TextMessage {

        /** Validates the fields. */
        public Error {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * {@code {"type":"message","data":"…"}}: a broker or system notice (shape unverified; a non-text
     * {@code data} is kept as its JSON).
     *
     * @param message the notice
     */
    record Notice(String message) implements TextMessage {

        /** Validates the fields. */
        public Notice {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A well-formed message of a type this client does not know; ignored by the ticker.
     *
     * @param type the {@code type} field ("" if absent)
     * @param json the whole message
     */
    record Unknown(String type, String json) implements TextMessage {

        /** Validates the fields. */
        public Unknown {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * Text that is not JSON, or a known type whose {@code data} has the wrong shape.
     *
     * @param reason what was wrong
     * @param text   the text received
     */
    record Malformed(String reason, String text) implements TextMessage {

        /** Validates the fields. */
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(text, "text");
        }
    }
}
