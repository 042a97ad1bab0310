package com.quantdesk.server.notify;

import com.quantdesk.server.trading.Alerts;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One notification on its way through one channel.
 *
 * @param id            the delivery's id
 * @param channelId     the channel
 * @param notification  what is delivered
 * @param test          whether an administrator asked for it as a test
 * @param status        where it stands
 * @param attempts      how many times sending was tried
 * @param lastError     why the last attempt failed, if it did
 * @param nextAttemptAt when a pending delivery is next tried
 * @param deliveredAt   when it arrived, if it did
 * @param createdAt     when it was queued
 */
public record Delivery(String id, String channelId, Notification notification, boolean test, Status status,
                       int attempts, Optional<String> lastError, Instant nextAttemptAt, Optional<Instant> deliveredAt,
                       Instant createdAt) {

    /** Where a delivery stands. */
    public enum Status {
        /** Not yet sent, or to be tried again at {@code nextAttemptAt}. */
        PENDING,
        /** The channel took it. */
        DELIVERED,
        /** Every attempt failed; no more will be made. */
        FAILED;

        /** The name stored and shown. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /** Validates. */
    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Convenience for the severity. */
    public Alerts.Severity severity() {
        return notification.severity();
    }
}
