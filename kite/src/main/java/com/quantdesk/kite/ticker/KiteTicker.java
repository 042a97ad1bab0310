package com.quantdesk.kite.ticker;

import com.quantdesk.kite.Backoff;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the Kite WebSocket ticker (docs/kite-connect.md §B) on {@code java.net.http}.
 *
 * <p>Binary messages go through {@link TickerDecoder} and text messages through
 * {@link TextMessageParser} to the {@link TickerListener}; a malformed message is counted, reported
 * and skipped. When the connection drops, fails to open, or goes stale (no frame at all, heartbeats
 * included, for {@link TickerConfig#staleAfter()}), the ticker reconnects after a {@link Backoff}
 * delay and, once open again, subscribes every instrument anew and re-sends each one's mode.
 *
 * <p>Threading: the public methods may be called from any thread. Listener calls come from the
 * WebSocket's thread (one at a time) or the scheduler's. Time comes from the injected clock and
 * delays run on the injected scheduler; {@link #checkStaleness()} is public so a test with a manual
 * clock can drive it.
 */
public final class KiteTicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KiteTicker.class);

    private final TickerConfig config;
    private final TickerListener listener;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final Backoff backoff;
    private final boolean ownsScheduler;
    private final TickerDispatcher dispatcher;
    private final AtomicLong reconnects = new AtomicLong();

    private final Object lock = new Object();
    // Guarded by lock. A connection's callbacks count only while its generation is current.
    private final TickerSubscriptions subscriptions = new TickerSubscriptions();
    private TickerState state = TickerState.NEW;
    private long generation;
    private WebSocket socket;
    private CompletableFuture<Void> sends = CompletableFuture.completedFuture(null);
    private int attempt;
    private Instant lastReceived;
    private ScheduledFuture<?> staleChecks;

    /**
     * A ticker on the given transport, scheduler, clock and jitter source; {@link #start()} connects.
     * The scheduler is not shut down by {@link #close()}.
     */
    public KiteTicker(TickerConfig config, TickerListener listener, HttpClient http,
                      ScheduledExecutorService scheduler, InstantSource clock, RandomGenerator random) {
        this(config, listener, http, scheduler, clock, random, false);
    }

    private KiteTicker(TickerConfig config, TickerListener listener, HttpClient http,
                       ScheduledExecutorService scheduler, InstantSource clock, RandomGenerator random,
                       boolean ownsScheduler) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.http = Objects.requireNonNull(http, "http");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), random);
        this.ownsScheduler = ownsScheduler;
        this.dispatcher = new TickerDispatcher(listener);
    }

    /** A ticker on a new HTTP client, its own one-thread scheduler and the system clock. */
    public static KiteTicker create(TickerConfig config, TickerListener listener) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kite-ticker-timer");
            thread.setDaemon(true);
            return thread;
        });
        return new KiteTicker(config, listener, HttpClient.newHttpClient(), scheduler, InstantSource.system(),
                RandomGenerator.getDefault(), true);
    }

    /** Opens the connection and starts the staleness checks. */
    public void start() {
        long gen;
        synchronized (lock) {
            if (state != TickerState.NEW) {
                throw new IllegalStateException("ticker already started: " + state);
            }
            long period = Math.max(10, config.staleAfter().toMillis() / 4);
            staleChecks = scheduler.scheduleAtFixedRate(this::checkStalenessSafely, period, period,
                    TimeUnit.MILLISECONDS);
            gen = ++generation;
        }
        connect(gen);
    }

    /** Subscribes {@code tokens} in {@code mode}; sent now if connected, and after every reconnect. */
    public void subscribe(TickerMode mode, Collection<Long> tokens) {
        requireTokens(tokens);
        synchronized (lock) {
            sendAll(subscriptions.subscribe(Objects.requireNonNull(mode, "mode"), tokens));
        }
    }

    /** Stops streaming {@code tokens}. */
    public void unsubscribe(Collection<Long> tokens) {
        requireTokens(tokens);
        synchronized (lock) {
            sendAll(List.of(subscriptions.unsubscribe(tokens)));
        }
    }

    /**
     * Changes the mode of subscribed {@code tokens}.
     *
     * @throws IllegalArgumentException if one of them is not subscribed
     */
    public void setMode(TickerMode mode, Collection<Long> tokens) {
        requireTokens(tokens);
        synchronized (lock) {
            if (!subscriptions.containsAll(tokens)) {
                throw new IllegalArgumentException("not subscribed: " + tokens);
            }
            sendAll(List.of(subscriptions.setMode(Objects.requireNonNull(mode, "mode"), tokens)));
        }
    }

    /** The subscribed instruments and their modes. */
    public Map<Long, TickerMode> subscriptions() {
        synchronized (lock) {
            return subscriptions.snapshot();
        }
    }

    /** The connection state. */
    public TickerState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Binary messages with defects, and text messages that could not be parsed, since creation. */
    public long malformedMessages() {
        return dispatcher.malformed();
    }

    /** Reconnects scheduled since creation. */
    public long reconnects() {
        return reconnects.get();
    }

    /**
     * Marks an open connection stale when nothing arrived for the threshold, reports it, and replaces
     * the connection. Runs on the scheduler; public for tests driven by a manual clock.
     */
    public void checkStaleness() {
        List<Runnable> reports = new ArrayList<>();
        synchronized (lock) {
            if (state != TickerState.CONNECTED || lastReceived == null) {
                return;
            }
            Duration silence = Duration.between(lastReceived, clock.instant());
            if (silence.compareTo(config.staleAfter()) < 0) {
                return;
            }
            String reason = "nothing received for " + silence.toMillis() + " ms";
            reports.add(changeState(TickerState.STALE, reason));
            reports.add(dropAndReconnect(generation, reason));
        }
        reports.forEach(Runnable::run);
    }

    /** Closes the connection for good and stops reconnecting. */
    @Override
    public void close() {
        Runnable report;
        WebSocket open;
        synchronized (lock) {
            if (state == TickerState.CLOSED) {
                return;
            }
            generation++;
            open = socket;
            socket = null;
            if (staleChecks != null) {
                staleChecks.cancel(false);
            }
            report = changeState(TickerState.CLOSED, "closed by the application");
        }
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((ws, error) -> open.abort());
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        report.run();
    }

    private void connect(long gen) {
        Runnable report;
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            report = changeState(TickerState.CONNECTING, "connecting to " + config.root());
        }
        report.run();
        try {
            http.newWebSocketBuilder()
                    .connectTimeout(config.connectTimeout())
                    .buildAsync(config.url(), new Receiver(gen))
                    .whenComplete((ws, error) -> {
                        if (error != null) {
                            disconnected(gen, "connect failed: " + rootCause(error));
                        }
                    });
        } catch (RuntimeException e) {
            disconnected(gen, "connect failed: " + e);
        }
    }

    private void opened(long gen, WebSocket ws) {
        Runnable report;
        synchronized (lock) {
            if (gen != generation) {
                ws.abort();
                return;
            }
            socket = ws;
            sends = CompletableFuture.completedFuture(null);
            lastReceived = clock.instant();
            sendAll(subscriptions.resubscribe());
            report = changeState(TickerState.CONNECTED, "connected to " + config.root());
        }
        report.run();
    }

    /** Notes that connection {@code gen} delivered something; false if it is no longer current. */
    private boolean received(long gen) {
        synchronized (lock) {
            if (gen != generation) {
                return false;
            }
            lastReceived = clock.instant();
            // Reset on data, not on open: a server that accepts and drops at once still backs off.
            attempt = 0;
            return true;
        }
    }

    private void disconnected(long gen, String reason) {
        Runnable report;
        synchronized (lock) {
            report = dropAndReconnect(gen, reason);
        }
        report.run();
        LOG.debug("ticker connection {} ended: {}", gen, reason);
    }

    /** Under the lock: retires connection {@code gen} and schedules the next attempt. */
    private Runnable dropAndReconnect(long gen, String reason) {
        if (gen != generation || state == TickerState.CLOSED) {
            return () -> { };
        }
        long next = ++generation;
        if (socket != null) {
            socket.abort();
            socket = null;
        }
        Duration delay = backoff.delay(attempt);
        attempt = Math.min(attempt + 1, 62);
        reconnects.incrementAndGet();
        scheduler.schedule(() -> connect(next), delay.toMillis(), TimeUnit.MILLISECONDS);
        return changeState(TickerState.DISCONNECTED, reason + "; reconnecting in " + delay.toMillis() + " ms");
    }

    /** Under the lock: sets the state; returns the listener call, to be run after the lock is released. */
    private Runnable changeState(TickerState next, String reason) {
        state = next;
        return () -> {
            try {
                listener.onStateChanged(next, reason);
            } catch (RuntimeException e) {
                // Runs inside WebSocket and timer callbacks, which must not fail for a listener's bug.
                LOG.error("ticker listener failed on state {}", next, e);
            }
        };
    }

    /** Under the lock: queues messages on the open connection, in order; nothing if none is open. */
    private void sendAll(List<String> messages) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        for (String message : messages) {
            // java.net.http allows one outstanding send, so each waits for the one before.
            sends = sends.exceptionally(error -> null)
                    .thenCompose(ignored -> ws.sendText(message, true))
                    .thenApply(ignored -> null);
        }
    }

    private void checkStalenessSafely() {
        try {
            checkStaleness();
        } catch (RuntimeException e) {
            // An exception would cancel the periodic check for good; the listener's bug is logged instead.
            LOG.error("ticker staleness check failed", e);
        }
    }

    private static void requireTokens(Collection<Long> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        // List.of(…).contains(null) throws, so look for a null by hand.
        if (tokens.isEmpty() || tokens.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("need at least one token and no null: " + tokens);
        }
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof WebSocketHandshakeException)) {
            cause = cause.getCause();
        }
        if (cause instanceof WebSocketHandshakeException refused) {
            // Kite answers a bad or expired access token with 403 here: say so, the log reader needs it.
            return "handshake refused with HTTP " + refused.getResponse().statusCode();
        }
        return cause.toString();
    }

    private static ByteBuffer join(ByteBuffer first, ByteBuffer second) {
        return ByteBuffer.allocate(first.remaining() + second.remaining()).put(first).put(second).flip();
    }

    /** The WebSocket callbacks of one connection attempt; reassembles messages split into parts. */
    private final class Receiver implements WebSocket.Listener {

        private final long gen;
        private ByteBuffer binary = ByteBuffer.allocate(0);
        private final StringBuilder text = new StringBuilder();

        Receiver(long gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket ws) {
            opened(gen, ws);
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            boolean current = received(gen);
            if (last) {
                // The usual message comes in one part: decode it in place, without a copy.
                ByteBuffer message = binary.hasRemaining() ? join(binary, data) : data;
                binary = ByteBuffer.allocate(0);
                if (current) {
                    dispatcher.binary(message);
                }
            } else {
                binary = join(binary, data);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            boolean current = received(gen);
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                if (current) {
                    dispatcher.text(message);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            received(gen);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            disconnected(gen, "server closed the connection: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            disconnected(gen, "connection failed: " + rootCause(error));
        }
    }
}
