package com.quantdesk.server.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantdesk.server.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Objects;

/**
 * Sends the notification as a Telegram bot's message: {@code POST {apiBase}/bot{token}/sendMessage}
 * with {@code chat_id} and {@code text}. The token is in the path, so reasons name only "Telegram" and
 * scrub the token from anything Telegram answers.
 */
public final class TelegramChannel implements Channel {

    /** Telegram's Bot API. */
    public static final URI DEFAULT_API = URI.create("https://api.telegram.org");

    private final HttpClient client;
    private final URI apiBase;
    private final String token;
    private final String chatId;

    /**
     * @param apiBase the Bot API's address, {@link #DEFAULT_API} unless testing or behind a relay
     * @param token   the bot's token
     * @param chatId  the chat, group or channel to write to
     */
    public TelegramChannel(HttpClient client, URI apiBase, String token, String chatId) {
        this.client = Objects.requireNonNull(client, "client");
        this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
        this.token = Objects.requireNonNull(token, "token");
        this.chatId = Objects.requireNonNull(chatId, "chatId");
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TELEGRAM;
    }

    @Override
    public void deliver(Notification n) throws DeliveryException {
        String base = apiBase.toString().replaceAll("/+$", "");
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("chat_id", chatId);
        json.put("text", Texts.headline(n) + "\n\n" + Texts.body(n));
        HttpDelivery.post(client, URI.create(base + "/bot" + token + "/sendMessage"), Json.write(json), Map.of(),
                "Telegram", token);
    }

    @Override
    public String toString() {
        return "TelegramChannel[chat " + chatId + "]";
    }
}
