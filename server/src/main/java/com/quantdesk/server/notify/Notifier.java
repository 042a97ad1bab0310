package com.quantdesk.server.notify;

import com.quantdesk.server.auth.SecretBox;
import com.quantdesk.server.db.Sql;
import com.quantdesk.server.trading.Alerts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications to the channels people subscribed to, with retries that survive a restart.
 *
 * <p>{@link #publish} only hands the notification to the notifier's own thread and returns: routing
 * (which enabled channels have a subscriber who wants it and may see its account), queueing (one
 * delivery per channel, however many subscribers) and sending never run on the caller's thread. A
 * delivery lives in the {@code notification_deliveries} table from the moment it is queued; a poller
 * sends the due ones on a small pool of sender threads. A failed attempt is tried again after each of
 * {@link Options#retryDelays()} in turn (5 s, 30 s, 2 min, 10 min, 30 min by default), then the
 * delivery fails for good with its last error. A sender claims a delivery in the table before sending
 * it, so several API nodes on one database do not send it twice, and a delivery whose sender died is
 * taken again once the claim runs out. Time comes from the injected clock only.
 *
 * <p>Metrics: {@code quantdesk.notifications} counts deliveries that ended, tagged {@code channel}
 * (the kind) and {@code outcome} ({@code delivered} or {@code failed}).
 */
public final class Notifier implements AutoCloseable {

    /**
     * How the notifier paces itself.
     *
     * @param pollEvery   how often due deliveries are looked for
     * @param retryDelays the wait after each failed attempt; one more failure than there are delays fails it
     * @param claimFor    how long a sender holds a delivery before another may take it (longer than any send)
     * @param testTimeout how long {@link #sendTest} waits
     * @param senders     how many deliveries are sent at once
     */
    public record Options(Duration pollEvery, List<Duration> retryDelays, Duration claimFor, Duration testTimeout,
                          int senders) {
        /** Validates and copies. */
        public Options {
            Objects.requireNonNull(pollEvery, "pollEvery");
            retryDelays = List.copyOf(retryDelays);
            Objects.requireNonNull(claimFor, "claimFor");
            Objects.requireNonNull(testTimeout, "testTimeout");
            if (senders < 1) {
                throw new IllegalArgumentException("senders must be at least 1");
            }
        }

        /** Every second; retries after 5 s, 30 s, 2 min, 10 min and 30 min; tests wait 30 s; 4 senders. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(1), List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
                    Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30)), Duration.ofMinutes(5),
                    Duration.ofSeconds(30), 4);
        }

        /** The same, polling every {@code every}. */
        public Options withPollEvery(Duration every) {
            return new Options(every, retryDelays, claimFor, testTimeout, senders);
        }
    }

    /**
     * What a test notification came to.
     *
     * @param deliveryId the delivery recorded for it
     * @param delivered  whether it arrived
     * @param error      why not, if it did not
     */
    public record TestResult(String deliveryId, boolean delivered, Optional<String> error) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final int DUE_BATCH = 100;

    private final NotificationStore store;
    private final InstantSource clock;
    private final MeterRegistry registry;
    private final Options options;
    private final HttpClient http = HttpDelivery.newClient();
    private final ScheduledExecutorService router;
    private final ExecutorService senders;
    private volatile boolean started;

    /** A notifier with {@link Options#defaults()}. */
    public Notifier(DataSource data, SecretBox secrets, InstantSource clock, MeterRegistry registry) {
        this(data, secrets, clock, registry, Options.defaults());
    }

    /**
     * @param data     the store's database (migrated)
     * @param secrets  seals and opens the channels' secrets: the server's key
     * @param clock    the time deliveries are stamped and retried by
     * @param registry where the delivery counter goes
     */
    public Notifier(DataSource data, SecretBox secrets, InstantSource clock, MeterRegistry registry,
                    Options options) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new NotificationStore(new Sql(data), secrets, clock);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
        this.router = Executors.newSingleThreadScheduledExecutor(daemons("notify-router"));
        this.senders = Executors.newFixedThreadPool(options.senders(), daemons("notify-sender"));
    }

    /** The channels, subscriptions and deliveries. */
    public NotificationStore store() {
        return store;
    }

    /** Starts sending: deliveries left pending by an earlier run are taken up first. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        router.execute(() -> guarded("abandoned tests", store::abandonTests));
        long every = options.pollEvery().toMillis();
        router.scheduleWithFixedDelay(() -> guarded("poll", this::sendDue), 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Queues a notification for every enabled channel one of whose subscribers wants it, and returns
     * at once; nothing here blocks on the database or the network.
     */
    public void publish(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        try {
            router.execute(() -> guarded("routing of " + notification.key(), () -> route(notification)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("notification {} not queued: the notifier is closed", notification.key());
        }
    }

    /**
     * Sends a test notification through the channel now and waits for the outcome (at most the
     * options' test timeout), recording it as a delivery.
     *
     * @throws NoSuchElementException when there is no such channel
     */
    public TestResult sendTest(String channelId, String requestedBy) {
        NotificationStore.StoredChannel channel = store.channel(channelId).orElseThrow(
                () -> new NoSuchElementException("no channel " + channelId));
        Instant now = clock.instant();
        Notification test = new Notification("test-" + UUID.randomUUID(), Alerts.Severity.INFO, null,
                "NOTIFICATION_TEST", "Test notification from Quantdesk",
                "A test of the channel '" + channel.name() + "', asked for by " + requestedBy + ". If you read this,"
                        + " it works.", now);
        Delivery delivery = store.queueTest(channelId, test);
        Future<Optional<String>> sending = senders.submit(() -> send(delivery));
        Optional<String> error;
        try {
            error = sending.get(options.testTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sending.cancel(true);
            error = Optional.of("no answer within " + options.testTimeout().toSeconds() + " s");
            store.failed(delivery.id(), 1, error.get(), Optional.empty());
        } catch (ExecutionException e) {
            error = Optional.of("unexpected error: " + e.getCause().getClass().getSimpleName());
            store.failed(delivery.id(), 1, error.get(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = Optional.of("interrupted");
        }
        return new TestResult(delivery.id(), error.isEmpty(), error);
    }

    /** When a test notification last arrived through any channel: the go-live check asks for one. */
    public Optional<Instant> lastTestDelivered() {
        return store.lastTestDelivered();
    }

    /** Stops polling and sending; pending deliveries stay in the table for the next start. */
    @Override
    public void close() {
        router.shutdownNow();
        senders.shutdownNow();
        http.close();
    }

    private void route(Notification n) {
        Set<String> granted = n.systemWide() ? Set.of() : store.usersGranted(n.account());
        Set<String> channels = new HashSet<>();
        for (NotificationStore.Subscriber s : store.activeSubscribers()) {
            if (wants(s, n, granted)) {
                channels.add(s.subscription().channelId());
            }
        }
        Instant now = clock.instant();
        for (String channel : channels) {
            store.queue(channel, n, false, now);
        }
        if (!channels.isEmpty() && started) {
            sendDue();
        }
    }

    /** Whether the subscriber wants it and may know of its account. */
    static boolean wants(NotificationStore.Subscriber s, Notification n, Set<String> granted) {
        Subscription sub = s.subscription();
        if (!sub.admits(n.severity())) {
            return false;
        }
        if (n.systemWide()) {
            return true;
        }
        return granted.contains(s.username()) && (sub.allAccounts() || sub.accounts().stream()
                .anyMatch(a -> a.value().equals(n.account())));
    }

    private void sendDue() {
        Instant now = clock.instant();
        for (Delivery d : store.due(now, DUE_BATCH)) {
            if (store.claim(d, now.plus(options.claimFor()))) {
                senders.execute(() -> guarded("delivery " + d.id(), () -> send(d)));
            }
        }
    }

    /** One attempt; the outcome recorded. Empty when delivered, else the reason. */
    private Optional<String> send(Delivery d) {
        int attempt = d.attempts() + 1;
        Optional<ChannelSpec> spec = store.spec(d.channelId());
        if (spec.isEmpty()) {
            store.failed(d.id(), attempt, "the channel was deleted", Optional.empty());
            return Optional.of("the channel was deleted");
        }
        String kind = spec.get().kind().text();
        String error;
        try {
            spec.get().build(http, clock).deliver(d.notification());
            store.delivered(d.id(), attempt, clock.instant());
            count(kind, "delivered");
            LOG.info("notification {} delivered through {} channel {} (attempt {})", d.notification().key(), kind,
                    d.channelId(), attempt);
            return Optional.empty();
        } catch (DeliveryException e) {
            error = e.getMessage();
        } catch (IllegalArgumentException e) {
            // A channel stored before a stricter check: the message names the setting, never the secret.
            error = "the channel's settings are unusable: " + e.getMessage();
        }
        boolean retry = !d.test() && attempt <= options.retryDelays().size();
        Optional<Instant> next = retry ? Optional.of(clock.instant().plus(options.retryDelays().get(attempt - 1)))
                : Optional.empty();
        store.failed(d.id(), attempt, error, next);
        if (next.isEmpty()) {
            count(kind, "failed");
        }
        LOG.warn("notification {} not delivered through {} channel {} (attempt {}{}): {}", d.notification().key(),
                kind, d.channelId(), attempt, next.map(t -> ", next at " + t).orElse(", giving up"), error);
        return Optional.of(error);
    }

    private void count(String kind, String outcome) {
        Counter.builder("quantdesk.notifications").description("Notification deliveries that ended, by outcome")
                .tag("channel", kind).tag("outcome", outcome).register(registry).increment();
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the delivery is still in the table for the next poll.
            LOG.warn("notifications: {} failed: {}", what, e.getMessage());
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
