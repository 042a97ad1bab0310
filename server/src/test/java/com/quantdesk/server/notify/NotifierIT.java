package com.quantdesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.auth.SecretBox;
import com.quantdesk.server.auth.UserStore;
import com.quantdesk.server.db.Sql;
import com.quantdesk.server.db.TestStores;
import com.quantdesk.server.trading.Alerts;
import com.quantdesk.store.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The notifier on SQLite and PostgreSQL with real receivers on loopback and a clock moved by hand:
 * routing by severity and account visibility, retries with backoff, giving up, restarts, tests.
 */
class NotifierIT {

    static final Instant T0 = Instant.parse("2026-03-02T04:00:00Z");
    static final AccountId ACC = AccountId.of("acc");
    static final AccountId OTHER = AccountId.of("other");
    static final String SECRET = "whsec-0123456789abcdef-sealed";
    static final Duration AWAIT = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private final TestStores stores = new TestStores();
    private final TestReceiver receiver = new TestReceiver();
    private final MutableClock clock = new MutableClock(T0);
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final SecretBox box = SecretBox.of(new byte[32]);
    private Notifier notifier;
    private Sql sql;

    @AfterEach
    void close() {
        if (notifier != null) {
            notifier.close();
        }
        receiver.close();
        stores.close();
    }

    private Notifier open(Function<Path, TestDatabase> newDatabase) {
        stores.open(newDatabase, directory);
        sql = stores.sql();
        UserStore users = new UserStore(sql, clock);
        users.create("trader", "hash", Set.of(Role.TRADER), Set.of(ACC));
        users.create("stranger", "hash", Set.of(Role.VIEWER), Set.of(OTHER));
        users.create("admin", "hash", Set.of(Role.ADMIN), Set.of());
        return newNotifier();
    }

    private Notifier newNotifier() {
        return new Notifier(stores.store().dataSource(), box, clock, registry,
                Notifier.Options.defaults().withPollEvery(Duration.ofMillis(20)));
    }

    private String webhook(Notifier n, String name) {
        return n.store().createChannel(name, new ChannelSpec(ChannelKind.WEBHOOK, Map.of("url",
                receiver.url("/" + name).toString()), SECRET), "admin").id();
    }

    private static Notification alert(String key, Alerts.Severity severity, String account) {
        return new Notification(key, severity, account, "RISK_MAX_DAILY_LOSS", "Daily loss limit hit",
                "daily loss 5,000.00 exceeds 4,000.00", T0);
    }

    private Delivery only(String channelId) {
        List<Delivery> all = notifier.store().recent(Optional.of(channelId), 10);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private double counted(String outcome) {
        var counter = registry.find("quantdesk.notifications").tags("channel", "webhook", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void aReceiverThatFailsTwiceGetsItOnTheThirdAttemptAfterTheBackoff(String name,
                                                                       Function<Path, TestDatabase> db) {
        notifier = open(db);
        receiver.answering(200, 500, 500);
        String channel = webhook(notifier, "ops");
        notifier.store().setSubscriptions("trader", List.of(new Subscription(channel, Alerts.Severity.WARNING,
                Set.of())));
        notifier.start();

        notifier.publish(alert("acc:loss", Alerts.Severity.CRITICAL, "acc"));

        await().atMost(AWAIT).until(() -> notifier.store().recent(Optional.of(channel), 10).size() == 1
                && only(channel).attempts() == 1);
        assertThat(only(channel).status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(only(channel).nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(only(channel).lastError()).contains("the webhook at 127.0.0.1 answered 500: {\"ok\":true}");
        clock.advance(Duration.ofSeconds(5));
        await().atMost(AWAIT).until(() -> only(channel).attempts() == 2);
        assertThat(only(channel).nextAttemptAt()).isEqualTo(T0.plusSeconds(35));
        clock.advance(Duration.ofSeconds(30));
        await().atMost(AWAIT).until(() -> only(channel).status() == Delivery.Status.DELIVERED);

        Delivery delivered = only(channel);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.deliveredAt()).contains(T0.plusSeconds(35));
        assertThat(delivered.lastError()).isEmpty();
        assertThat(receiver.requests()).hasSize(3);
        assertThat(counted("delivered")).isEqualTo(1.0);
        assertThat(counted("failed")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void aDeliveryFailsForGoodAfterTheLastAttemptWithItsErrorVisible(String name, Function<Path, TestDatabase> db) {
        notifier = open(db);
        receiver.answering(502);
        String channel = webhook(notifier, "ops");
        notifier.store().setSubscriptions("trader", List.of(new Subscription(channel, Alerts.Severity.INFO,
                Set.of())));
        notifier.start();

        notifier.publish(alert("acc:loss", Alerts.Severity.WARNING, "acc"));

        List<Duration> delays = Notifier.Options.defaults().retryDelays();
        for (int attempt = 1; attempt <= delays.size(); attempt++) {
            int expected = attempt;
            await().atMost(AWAIT).until(() -> notifier.store().recent(Optional.of(channel), 10).size() == 1
                    && only(channel).attempts() == expected);
            assertThat(only(channel).status()).isEqualTo(Delivery.Status.PENDING);
            clock.advance(delays.get(attempt - 1));
        }
        await().atMost(AWAIT).until(() -> only(channel).status() == Delivery.Status.FAILED);

        Delivery failed = only(channel);
        assertThat(failed.attempts()).isEqualTo(6);
        assertThat(failed.lastError()).contains("the webhook at 127.0.0.1 answered 502: {\"ok\":true}");
        assertThat(failed.deliveredAt()).isEmpty();
        assertThat(receiver.requests()).hasSize(6);
        assertThat(counted("failed")).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void aDeliveryLeftPendingIsSentByTheNextStart(String name, Function<Path, TestDatabase> db) {
        Notifier stopped = open(db);
        String channel = webhook(stopped, "ops");
        stopped.store().setSubscriptions("trader", List.of(new Subscription(channel, Alerts.Severity.INFO,
                Set.of())));
        // Never started: it queues, but sends nothing before it stops.
        stopped.publish(alert("acc:loss", Alerts.Severity.CRITICAL, "acc"));
        await().atMost(AWAIT).until(() -> stopped.store().recent(Optional.of(channel), 10).size() == 1);
        stopped.close();
        assertThat(receiver.requests()).isEmpty();

        notifier = newNotifier();
        notifier.start();

        await().atMost(AWAIT).until(() -> only(channel).status() == Delivery.Status.DELIVERED);
        assertThat(receiver.requests()).hasSize(1);
        assertThat(receiver.requests().getFirst().body()).contains("\"key\":\"acc:loss\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void eachChannelGetsWhatItsSubscribersWantAndMaySee(String name, Function<Path, TestDatabase> db) {
        notifier = open(db);
        String traders = webhook(notifier, "traders");
        String strangers = webhook(notifier, "strangers");
        String urgent = webhook(notifier, "urgent");
        String otherOnly = webhook(notifier, "other-only");
        notifier.store().setSubscriptions("trader", List.of(
                new Subscription(traders, Alerts.Severity.WARNING, Set.of()),
                new Subscription(urgent, Alerts.Severity.CRITICAL, Set.of()),
                new Subscription(otherOnly, Alerts.Severity.INFO, Set.of(OTHER))));
        // Listing an account is not seeing it: the stranger is granted only "other".
        notifier.store().setSubscriptions("stranger", List.of(
                new Subscription(strangers, Alerts.Severity.INFO, Set.of(ACC, OTHER))));
        notifier.start();

        notifier.publish(alert("acc:warn", Alerts.Severity.WARNING, "acc"));
        notifier.publish(alert("system:warn", Alerts.Severity.WARNING, null));
        notifier.publish(alert("other:info", Alerts.Severity.INFO, "other"));
        notifier.publish(alert("acc:warn", Alerts.Severity.WARNING, "acc"));
        notifier.publish(alert("acc:critical", Alerts.Severity.CRITICAL, "acc"));

        await().atMost(AWAIT).until(() -> notifier.store().recent(Optional.of(urgent), 10).size() == 1);
        await().atMost(AWAIT).until(() -> notifier.store().recent(Optional.empty(), 20).stream()
                .allMatch(d -> d.status() == Delivery.Status.DELIVERED));
        assertThat(keys(traders)).containsExactlyInAnyOrder("acc:warn", "system:warn", "acc:critical");
        assertThat(keys(strangers)).containsExactlyInAnyOrder("system:warn", "other:info");
        assertThat(keys(urgent)).containsExactly("acc:critical");
        assertThat(keys(otherOnly)).containsExactly("system:warn");
        // One delivery per channel, however many subscribers; the same alert published twice goes once.
        assertThat(receiver.requests()).hasSize(7);
    }

    private List<String> keys(String channel) {
        return notifier.store().recent(Optional.of(channel), 20).stream().map(d -> d.notification().key()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void aTestNotificationIsSentAtOnceAndRecordedForTheGoLiveCheck(String name, Function<Path, TestDatabase> db) {
        notifier = open(db);
        String channel = webhook(notifier, "ops");
        notifier.start();
        assertThat(notifier.lastTestDelivered()).isEmpty();

        receiver.answering(200, 500);
        Notifier.TestResult refused = notifier.sendTest(channel, "admin");
        assertThat(refused.delivered()).isFalse();
        assertThat(refused.error()).contains("the webhook at 127.0.0.1 answered 500: {\"ok\":true}");
        assertThat(notifier.lastTestDelivered()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        Notifier.TestResult result = notifier.sendTest(channel, "admin");

        assertThat(result.delivered()).isTrue();
        assertThat(result.error()).isEmpty();
        assertThat(notifier.lastTestDelivered()).contains(T0.plusSeconds(60));
        assertThat(notifier.store().delivery(refused.deliveryId()).orElseThrow().status())
                .isEqualTo(Delivery.Status.FAILED);
        assertThat(receiver.requests().getLast().body()).contains("\"code\":\"NOTIFICATION_TEST\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.quantdesk.server.db.TestStores#databases")
    void theSecretIsSealedInTheDatabaseAndNeverShown(String name, Function<Path, TestDatabase> db) {
        notifier = open(db);
        String channel = webhook(notifier, "ops");

        String stored = sql.one("SELECT settings || '|' || sealed_secret FROM notification_channels"
                + " WHERE channel_id = ?", r -> r.getString(1), channel).orElseThrow();
        assertThat(stored).doesNotContain(SECRET).contains("v1.");
        assertThat(notifier.store().channel(channel).orElseThrow().toString()).doesNotContain(SECRET);
        assertThat(notifier.store().spec(channel).orElseThrow().secret()).isEqualTo(SECRET);
        assertThat(notifier.store().spec(channel).orElseThrow().masked()).doesNotContainValue(SECRET);
    }
}
