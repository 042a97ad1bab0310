package com.quantdesk.app.sandbox;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** A java.net.http WebSocket client that records every whole binary frame and text message it gets. */
final class TickerProbe implements WebSocket.Listener, AutoCloseable {

    final ConcurrentLinkedQueue<byte[]> frames = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> texts = new ConcurrentLinkedQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final StringBuilder partialText = new StringBuilder();
    private WebSocket socket;

    static TickerProbe connect(URI tickerUrl, String apiKey, String accessToken) throws Exception {
        TickerProbe probe = new TickerProbe();
        probe.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(tickerUrl + "/?api_key=" + apiKey + "&access_token=" + accessToken), probe)
                .get(10, TimeUnit.SECONDS);
        return probe;
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /** Binary frames longer than one byte (market data), in arrival order. */
    List<byte[]> dataFrames() {
        return frames.stream().filter(f -> f.length > 1).toList();
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        partialBinary.writeBytes(bytes);
        if (last) {
            frames.add(partialBinary.toByteArray());
            partialBinary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            texts.add(partialText.toString());
            partialText.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete("closed " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error " + error);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
