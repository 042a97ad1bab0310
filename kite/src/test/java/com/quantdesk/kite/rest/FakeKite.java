package com.quantdesk.kite.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server playing Kite: answers scripted per method and path (the last answer repeats),
 * records every request, and can hold an answer back so the client times out.
 */
final class FakeKite implements AutoCloseable {

    /** A recorded request. */
    record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        /** Query parameters decoded, in order, as {@code key=value}. */
        List<String> query() {
            return decode(rawQuery);
        }

        /** Form parameters decoded, in order, as {@code key=value}. */
        List<String> form() {
            return decode(body);
        }

        private static List<String> decode(String encoded) {
            List<String> out = new ArrayList<>();
            if (encoded == null || encoded.isEmpty()) {
                return out;
            }
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                out.add(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8) + "="
                        + URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        }
    }

    /** A scripted answer; {@link #HANG} never answers. */
    record Answer(int status, String contentType, String body, boolean gzip) {
        static final Answer HANG = new Answer(-1, "", "");

        Answer(int status, String contentType, String body) {
            this(status, contentType, body, false);
        }

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }

        static Answer success(String data) {
            return json(200, "{\"status\":\"success\",\"data\":" + data + "}");
        }

        static Answer error(int status, String errorType, String message) {
            return json(status, "{\"status\":\"error\",\"message\":\"" + message + "\",\"data\":null,\"error_type\":\""
                    + errorType + "\"}");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Function<Request, Answer>> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    FakeKite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Scripts the answers to {@code method path}; after the last one, the last repeats. */
    FakeKite on(String method, String path, Answer... script) {
        answers.put(method + " " + path, new ArrayDeque<>(List.of(script)));
        return this;
    }

    /** Answers {@code method path} by computing from the request (a stateful fake). */
    FakeKite handle(String method, String path, java.util.function.Function<Request, Answer> handler) {
        handlers.put(method + " " + path, handler);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    Request only(String method, String path) {
        List<Request> matching = requests(method, path);
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + method + " " + path + ", got " + matching.size()
                    + " of " + requests);
        }
        return matching.getFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        String key = exchange.getRequestMethod() + " " + path;
        Answer answer = handlers.containsKey(key) ? handlers.get(key).apply(request) : next(key);
        if (answer == Answer.HANG) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.gzip()) {
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (var out = new java.util.zip.GZIPOutputStream(zipped)) {
                out.write(bytes);
            }
            bytes = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        if (!answer.contentType().isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Answer next(String key) {
        Deque<Answer> script = answers.get(key);
        if (script == null) {
            return Answer.json(404, "{\"status\":\"error\",\"message\":\"no route " + key
                    + "\",\"error_type\":\"GeneralException\"}");
        }
        synchronized (script) {
            return script.size() > 1 ? script.pollFirst() : script.peekFirst();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
