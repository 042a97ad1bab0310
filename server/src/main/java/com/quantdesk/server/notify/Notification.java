package com.quantdesk.server.notify;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.trading.Alerts;
import java.time.Instant;
import java.util.Objects;

/**
 * Something people should hear about, as the alert engine hands it to the {@link Notifier}.
 *
 * @param key      the alert's de-duplication key (at most 200 characters): the same key and time
 *                 published twice is delivered once
 * @param severity how urgent it is
 * @param account  the account it concerns, or null (or {@code _system}) for a system-wide notification
 * @param code     a stable code, e.g. {@code RISK_MAX_DAILY_LOSS}
 * @param title    one line for a person
 * @param message  what happened
 * @param time     when the alert fired
 */
public record Notification(String key, Alerts.Severity severity, String account, String code, String title,
                           String message, Instant time) {

    /** Longest key the deliveries table holds. */
    public static final int MAX_KEY = 200;

    /** Validates. */
    public Notification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("a notification key must be 1 to " + MAX_KEY + " characters");
        }
        if (account != null && (account.isBlank() || account.equals(AccountId.SYSTEM.value()))) {
            account = null;
        }
    }

    /** Whether it concerns every account rather than one. */
    public boolean systemWide() {
        return account == null;
    }
}
