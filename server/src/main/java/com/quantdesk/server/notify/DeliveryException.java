package com.quantdesk.server.notify;

/**
 * A channel could not deliver a notification. The message is the reason as operators see it in the
 * deliveries list: it never holds the channel's secret (a token, a password, a hook address).
 */
public final class DeliveryException extends Exception {

    /** @param reason why, free of secrets */
    public DeliveryException(String reason) {
        super(reason, null, false, false);
    }
}
