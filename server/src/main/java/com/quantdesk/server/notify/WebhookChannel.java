package com.quantdesk.server.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantdesk.server.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the notification as JSON — {@code key, severity, account, code, title, message, time} — to a
 * URL, signed so the receiver can tell it came from this server and is fresh:
 * {@code X-Quantdesk-Timestamp} is the send time in epoch seconds and {@code X-Quantdesk-Signature}
 * is {@code sha256=} and the hex HMAC-SHA256, under the channel's secret, of the timestamp, a dot and
 * the exact body bytes. A receiver recomputes it, compares in constant time, and refuses a timestamp
 * more than a few minutes from its own clock (a replayed request). Any 2xx is delivered.
 */
public final class WebhookChannel implements Channel {

    /** Header with the send time, in epoch seconds. */
    public static final String TIMESTAMP_HEADER = "X-Quantdesk-Timestamp";
    /** Header with {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Quantdesk-Signature";

    private final HttpClient client;
    private final URI url;
    private final String secret;
    private final InstantSource clock;

    /**
     * @param url    where to POST
     * @param secret the signing key shared with the receiver
     * @param clock  the time the timestamp header states
     */
    public WebhookChannel(HttpClient client, URI url, String secret, InstantSource clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.url = Objects.requireNonNull(url, "url");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public void deliver(Notification n) throws DeliveryException {
        String body = body(n);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpDelivery.post(client, url, body, Map.of(TIMESTAMP_HEADER, timestamp,
                SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp, body)), "the webhook at " + url.getHost(),
                secret);
    }

    /** The JSON the receiver gets. */
    static String body(Notification n) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("key", n.key());
        json.put("severity", n.severity().text());
        json.put("account", n.account());
        json.put("code", n.code());
        json.put("title", n.title());
        json.put("message", n.message());
        json.put("time", n.time().toString());
        return Json.write(json);
    }

    /** The hex HMAC-SHA256 under {@code secret} of {@code timestamp + "." + body}. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is on every Java platform and takes any non-empty key.
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "WebhookChannel[" + url.getHost() + "]";
    }
}
