package com.quantdesk.server.notify;

/** How the channels that carry plain text (Slack, Telegram, email) word a notification. */
final class Texts {

    private Texts() {
    }

    /** One line: {@code [CRITICAL] title (account acc)}. */
    static String headline(Notification n) {
        return "[" + n.severity().name() + "] " + n.title() + " (" + scope(n) + ")";
    }

    /** The lines under the headline. */
    static String body(Notification n) {
        String account = n.systemWide() ? "all (system-wide)" : n.account();
        return n.message() + "\n\ncode: " + n.code() + "\naccount: " + account + "\nseverity: "
                + n.severity().text() + "\ntime: " + n.time();
    }

    private static String scope(Notification n) {
        return n.systemWide() ? "system-wide" : "account " + n.account();
    }
}
