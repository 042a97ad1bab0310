package com.quantdesk.server.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A JSON POST of the HTTP channels, with their timeouts and with errors that hold no secret. */
final class HttpDelivery {

    /** How long a connection may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long the whole exchange may take once connected. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ANSWER_SHOWN = 200;

    private HttpDelivery() {
    }

    /** The client every HTTP channel shares. */
    static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * POSTs {@code json} to {@code uri} and returns the answer if it is a 2xx.
     *
     * @param peer   how the reason names the other side (never the address when it holds a secret)
     * @param secret text to scrub from any reason, in case the address or an answer repeats it
     */
    static HttpResponse<String> post(HttpClient client, URI uri, String json, Map<String, String> headers, String peer,
                                     String secret) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Quantdesk-Notifier")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeliveryException(peer + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new DeliveryException(scrub("cannot reach " + peer + ": " + describe(e), secret));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending to " + peer);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new DeliveryException(scrub(peer + " answered " + status + answerText(response.body()), secret));
        }
        return response;
    }

    /** The exception's class and message, without the stack. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + " " + message;
    }

    /** {@code text} with every occurrence of {@code secret} masked. */
    static String scrub(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    private static String answerText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > MAX_ANSWER_SHOWN ? flat.substring(0, MAX_ANSWER_SHOWN) + "…" : flat);
    }
}
