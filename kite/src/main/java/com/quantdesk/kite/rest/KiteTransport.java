package com.quantdesk.kite.rest;

import com.quantdesk.kite.Backoff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Sends {@link KiteRequest}s: the headers every call carries, per-endpoint-class rate limits and
 * circuit breakers, and bounded retries with backoff for reads only. One per Zerodha account,
 * shared by its sessions (the limits belong to the account).
 *
 * <p>Rate limits: a caller waits for a permit up to {@link KiteResilience#maxRateLimitWait()}; a
 * longer wait (e.g. the day's 5,000 orders are used up) fails at once with
 * {@link KiteException.RateLimitExceededException}, the request unsent.
 */
public final class KiteTransport implements AutoCloseable {

    static final String USER_AGENT = "quantdesk-kite/1";

    private final KiteConfig config;
    private final KiteResilience resilience;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final HttpClient http;
    private final ObjectMapper json = KiteJson.mapper();
    private final Map<EndpointClass, RateLimiter> limiters = new EnumMap<>(EndpointClass.class);
    private final Map<EndpointClass, CircuitBreaker> breakers = new EnumMap<>(EndpointClass.class);
    private volatile CallObserver calls = (endpointClass, ok, nanos) -> { };

    /** What every HTTP call to Kite tells an observer (metrics): its class, outcome and time. */
    @FunctionalInterface
    public interface CallObserver {
        /** A call of {@code endpointClass} answered ({@code ok}) or failed after {@code nanos}. */
        void called(EndpointClass endpointClass, boolean ok, long nanos);
    }

    /** Tells {@code observer} of every call from now on (replacing an earlier one). */
    public void observeCalls(CallObserver observer) {
        this.calls = Objects.requireNonNull(observer, "observer");
    }

    /** A transport with its clock, sleeper and jitter source injected. */
    public KiteTransport(KiteConfig config, KiteResilience resilience, InstantSource clock, Sleeper sleeper,
                         RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.resilience = Objects.requireNonNull(resilience, "resilience");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = new Backoff(resilience.baseBackoff(), resilience.maxBackoff(), random);
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (EndpointClass c : EndpointClass.values()) {
            limiters.put(c, RateLimiter.forClass(c, clock));
            breakers.put(c, new CircuitBreaker(clock, resilience.breakerFailures(), resilience.breakerCoolDown()));
        }
    }

    /** A transport on the system clock with the default resilience settings. */
    public static KiteTransport create(KiteConfig config) {
        return new KiteTransport(config, KiteResilience.DEFAULTS, InstantSource.system(), Sleeper.SYSTEM,
                new SplittableRandom());
    }

    /** The configuration. */
    public KiteConfig config() {
        return config;
    }

    /** The clock the limiters and breakers run on. */
    public InstantSource clock() {
        return clock;
    }

    /** The state of an endpoint class's circuit breaker, for a metric. */
    public CircuitBreaker.State breakerState(EndpointClass endpointClass) {
        return breakers.get(endpointClass).state();
    }

    /** Closes the HTTP client; calls in flight are aborted. */
    @Override
    public void close() {
        http.close();
    }

    /**
     * Sends {@code request} and answers the envelope's {@code data}. Reads are retried on
     * retryable errors with backoff; writes are sent exactly once.
     *
     * @param session the session, or {@code null} before login (no {@code Authorization} header)
     */
    public JsonNode call(KiteRequest request, KiteSession session) {
        return withRetries(request, () -> {
            Answer answer = sendOnce(request, session, false);
            return KiteResponses.data(json, answer.status(), answer.body());
        });
    }

    /** Like {@link #call} for an endpoint that answers text (the instruments CSV). */
    public String callText(KiteRequest request, KiteSession session) {
        return withRetries(request, () -> {
            Answer answer = sendOnce(request, session, true);
            return KiteResponses.text(json, answer.status(), answer.contentType(), answer.body());
        });
    }

    /** Waits {@code duration} on the injected sleeper; an interrupt becomes a network error. */
    void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KiteException.network(KiteException.NO_STATUS, "interrupted while waiting", e);
        }
    }

    /** The pause before an uncertain order call is looked up. */
    Duration orderLookupDelay() {
        return resilience.orderLookupDelay();
    }

    private <T> T withRetries(KiteRequest request, java.util.function.Supplier<T> call) {
        int attempts = request.isRead() ? resilience.maxReadAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return guarded(request.endpointClass(), call);
            } catch (KiteException e) {
                if (attempt >= attempts || !e.isRetryable()) {
                    throw e;
                }
                pause(backoff.delay(attempt - 1));
            }
        }
    }

    private <T> T guarded(EndpointClass endpointClass, java.util.function.Supplier<T> call) {
        CircuitBreaker breaker = breakers.get(endpointClass);
        if (!breaker.tryPass()) {
            throw new KiteException.CircuitOpenException(endpointClass);
        }
        try {
            acquirePermit(endpointClass);
        } catch (KiteException e) {
            breaker.release();
            throw e;
        }
        long started = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess();
            calls.called(endpointClass, true, System.nanoTime() - started);
            return result;
        } catch (KiteException e) {
            calls.called(endpointClass, false, System.nanoTime() - started);
            // Only "Kite is unwell" counts against the breaker: a retryable failure, or any 5xx (a 500
            // GeneralException or 502 DataException too: the OMS is down or answering garbage). A
            // rejected input shows it is up.
            if (e.isRetryable() || e.httpStatus() >= 500) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
            throw e;
        } catch (RuntimeException e) {
            calls.called(endpointClass, false, System.nanoTime() - started);
            breaker.release();
            throw e;
        }
    }

    private void acquirePermit(EndpointClass endpointClass) {
        RateLimiter limiter = limiters.get(endpointClass);
        Duration waited = Duration.ZERO;
        for (Duration wait = limiter.tryAcquire(); !wait.isZero(); wait = limiter.tryAcquire()) {
            waited = waited.plus(wait);
            if (waited.compareTo(resilience.maxRateLimitWait()) > 0) {
                throw new KiteException.RateLimitExceededException(endpointClass, wait);
            }
            pause(wait);
        }
    }

    /** An HTTP answer, its body decompressed and decoded. */
    private record Answer(int status, String contentType, String body) {
    }

    private Answer sendOnce(KiteRequest request, KiteSession session, boolean acceptGzip) {
        String query = !request.hasBody() && !request.params().isEmpty() ? "?" + request.encodedParams() : "";
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.apiRoot() + request.path() + query))
                .timeout(config.requestTimeout())
                .header("X-Kite-Version", "3")
                .header("User-Agent", USER_AGENT);
        // The instrument dump is large and documented as gzipped; java.net.http does not inflate by itself.
        if (acceptGzip) {
            builder.header("Accept-Encoding", "gzip");
        }
        if (session != null) {
            builder.header("Authorization", "token " + config.apiKey() + ":" + session.accessToken());
        }
        if (request.hasBody()) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.encodedParams()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    decode(response));
        } catch (IOException e) {
            throw KiteException.network(KiteException.NO_STATUS, request.method() + " " + request.path()
                    + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KiteException.network(KiteException.NO_STATUS, request.method() + " " + request.path()
                    + " interrupted", e);
        }
    }

    private static String decode(HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        boolean gzipped = response.headers().firstValue("Content-Encoding")
                .map(v -> v.toLowerCase(java.util.Locale.ROOT).contains("gzip")).orElse(false);
        if (gzipped && body.length > 0) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (java.util.zip.ZipException e) {
                throw KiteException.data(response.statusCode(), "answer claims gzip but is not: " + e.getMessage());
            }
        }
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
