package com.quantdesk.server.notify;

/**
 * A place notifications go. {@link #deliver} either returns, and the notification has arrived as far
 * as the other side says, or throws with a reason that holds no secret. Implementations are
 * thread-safe and block for at most their own timeouts (connect 5 s, answer 10 s).
 */
public sealed interface Channel permits WebhookChannel, SlackChannel, EmailChannel, TelegramChannel {

    /** What kind of channel this is. */
    ChannelKind kind();

    /**
     * Sends one notification.
     *
     * @throws DeliveryException when the other side refused it, did not answer in time or could not be reached
     */
    void deliver(Notification notification) throws DeliveryException;
}
