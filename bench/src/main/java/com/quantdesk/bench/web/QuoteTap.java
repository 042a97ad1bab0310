package com.quantdesk.bench.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A second client of the stream, outside the browser, subscribed to the quotes of every symbol: how
 * many quotes the server sent, to set beside what the page received. It does nothing with them but
 * count, so it keeps up whatever the rate.
 */
final class QuoteTap implements WebSocket.Listener, AutoCloseable {

    private static final String QUOTE_PREFIX = "{\"channel\":\"quotes:";

    private final AtomicLong quotes = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private volatile String closed;
    private WebSocket socket;

    private QuoteTap() {
    }

    /** Connects with {@code token} and subscribes to {@code quotes:<SYMBOL>} of every symbol. */
    static QuoteTap open(URI base, String token, List<String> symbols) {
        QuoteTap tap = new QuoteTap();
        URI uri = URI.create("ws://" + base.getAuthority() + "/api/v1/stream?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        tap.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, tap).orTimeout(15, TimeUnit.SECONDS).join();
        String channels = symbols.stream().map(s -> "\"quotes:" + s + "\"").collect(Collectors.joining(","));
        tap.socket.sendText("{\"type\":\"subscribe\",\"channels\":[" + channels + "]}", true).join();
        return tap;
    }

    /** Quote messages received so far. */
    long quotes() {
        return quotes.get();
    }

    /** Why the server closed the connection, or null while it is open. */
    String closed() {
        return closed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            if (partial.length() >= QUOTE_PREFIX.length() && partial.substring(0, QUOTE_PREFIX.length())
                    .equals(QUOTE_PREFIX)) {
                quotes.incrementAndGet();
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = statusCode + " " + reason;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = error.toString();
    }

    @Override
    public void close() {
        if (closed == null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}
