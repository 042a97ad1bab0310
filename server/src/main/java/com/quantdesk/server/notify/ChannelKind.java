package com.quantdesk.server.notify;

import java.util.Locale;
import java.util.Optional;

/** The kinds of {@link Channel}: how a notification travels. */
public enum ChannelKind {
    /** A signed JSON POST to any HTTPS endpoint. */
    WEBHOOK,
    /** A Slack incoming webhook. */
    SLACK,
    /** Mail through an SMTP relay, over STARTTLS only. */
    EMAIL,
    /** A message from a Telegram bot to a chat. */
    TELEGRAM;

    /** The name stored and shown, e.g. {@code webhook}; also the metric's {@code channel} tag. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code text} (any case). */
    public static Optional<ChannelKind> parse(String text) {
        for (ChannelKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
