package com.quantdesk.server.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantdesk.server.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Objects;

/**
 * Posts {@code {"text": ...}} to a Slack incoming webhook: the severity and title in bold, the
 * account, then the message. The hook's address is the channel's secret (whoever has it may post to
 * the channel), so no reason and no {@link #toString()} shows it.
 */
public final class SlackChannel implements Channel {

    private final HttpClient client;
    private final URI hook;

    /** @param hook the incoming webhook's address */
    public SlackChannel(HttpClient client, URI hook) {
        this.client = Objects.requireNonNull(client, "client");
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SLACK;
    }

    @Override
    public void deliver(Notification n) throws DeliveryException {
        HttpDelivery.post(client, hook, body(n), Map.of(), "Slack", hook.toString());
    }

    /** The JSON Slack gets. */
    static String body(Notification n) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("text", "*" + escape(Texts.headline(n)) + "*\n" + escape(Texts.body(n)));
        return Json.write(json);
    }

    /** Slack reads {@code & < >} as markup; these three are all it asks to escape. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return "SlackChannel[" + hook.getHost() + "]";
    }
}
