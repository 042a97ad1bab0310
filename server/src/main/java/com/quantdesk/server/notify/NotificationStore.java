package com.quantdesk.server.notify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.auth.SecretBox;
import com.quantdesk.server.db.Sql;
import com.quantdesk.server.http.Json;
import com.quantdesk.server.trading.Alerts;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The notification tables: channels (their secrets sealed with the server's {@link SecretBox}),
 * subscriptions and deliveries. Thread-safe; each method is one statement or one transaction.
 */
public final class NotificationStore {

    /**
     * A channel as stored, without its secret.
     *
     * @param id        its id
     * @param name      what administrators call it
     * @param kind      its kind
     * @param settings  its non-secret settings
     * @param createdBy who added it
     * @param createdAt when
     * @param enabled   whether it delivers
     */
    public record StoredChannel(String id, String name, ChannelKind kind, Map<String, String> settings,
                                String createdBy, Instant createdAt, boolean enabled) {
        /** Copies. */
        public StoredChannel {
            settings = Map.copyOf(settings);
        }
    }

    /** A subscription and its user, as routing reads them. */
    record Subscriber(String username, Subscription subscription) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALL = "*";
    private static final String DELIVERY_COLUMNS = "delivery_id, channel_id, notification_key, severity, account, code,"
            + " title, message, fired_at, test, status, attempts, last_error, next_attempt_at, delivered_at, created_at";
    private static final int MAX_TITLE = 200;
    private static final int MAX_MESSAGE = 4000;
    private static final int MAX_ERROR = 500;

    private final Sql sql;
    private final SecretBox box;
    private final InstantSource clock;

    /**
     * @param sql   the store's database
     * @param box   seals channel secrets
     * @param clock the time rows are stamped with
     */
    public NotificationStore(Sql sql, SecretBox box, InstantSource clock) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.box = Objects.requireNonNull(box, "box");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds an enabled channel; the spec must be free of problems. */
    public StoredChannel createChannel(String name, ChannelSpec spec, String createdBy) {
        if (!spec.problems().isEmpty()) {
            throw new IllegalArgumentException("the channel's settings have problems");
        }
        String id = randomId(8);
        Instant now = clock.instant();
        sql.update("INSERT INTO notification_channels (channel_id, name, kind, settings, sealed_secret, created_by,"
                + " created_at, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, 1)", id, name, spec.kind().text(),
                Json.write(new TreeMap<>(spec.settings())), box.seal(spec.secret()), createdBy, now.toEpochMilli());
        return new StoredChannel(id, name, spec.kind(), spec.settings(), createdBy, now, true);
    }

    /** Every channel, oldest first. */
    public List<StoredChannel> channels() {
        return sql.list("SELECT channel_id, name, kind, settings, created_by, created_at, enabled"
                + " FROM notification_channels ORDER BY created_at, channel_id", NotificationStore::channel);
    }

    /** A channel by id. */
    public Optional<StoredChannel> channel(String id) {
        return sql.one("SELECT channel_id, name, kind, settings, created_by, created_at, enabled"
                + " FROM notification_channels WHERE channel_id = ?", NotificationStore::channel, id);
    }

    /**
     * Removes a channel and its subscriptions; its pending deliveries fail. Its past deliveries stay.
     *
     * @return false when there was no such channel
     */
    public boolean deleteChannel(String id) {
        long now = clock.millis();
        return sql.transaction(c -> {
            int deleted = Sql.update(c, "DELETE FROM notification_channels WHERE channel_id = ?", id);
            Sql.update(c, "DELETE FROM notification_subscriptions WHERE channel_id = ?", id);
            Sql.update(c, "UPDATE notification_deliveries SET status = 'failed', last_error = ?, next_attempt_at = ?"
                    + " WHERE channel_id = ? AND status = 'pending'", "the channel was deleted", now, id);
            return deleted == 1;
        });
    }

    /** The channel's whole configuration, its secret opened: for sending only. */
    Optional<ChannelSpec> spec(String id) {
        return sql.one("SELECT kind, settings, sealed_secret FROM notification_channels WHERE channel_id = ?",
                r -> new ChannelSpec(ChannelKind.parse(r.getString(1)).orElseThrow(), settings(r.getString(2)),
                        box.open(r.getString(3))), id);
    }

    /** A user's subscriptions, by channel id. */
    public List<Subscription> subscriptions(String username) {
        return sql.list("SELECT channel_id, min_severity, accounts FROM notification_subscriptions"
                + " WHERE username = ? ORDER BY channel_id", r -> subscription(r, 1), username);
    }

    /** Replaces a user's subscriptions with {@code subscriptions} (one per channel). */
    public void setSubscriptions(String username, List<Subscription> subscriptions) {
        sql.transaction(c -> {
            Sql.update(c, "DELETE FROM notification_subscriptions WHERE username = ?", username);
            for (Subscription s : subscriptions) {
                String accounts = s.allAccounts() ? ALL : s.accounts().stream().map(AccountId::value).sorted()
                        .collect(Collectors.joining(","));
                Sql.update(c, "INSERT INTO notification_subscriptions (username, channel_id, min_severity, accounts)"
                        + " VALUES (?, ?, ?, ?)", username, s.channelId(), s.minSeverity().name(), accounts);
            }
            return null;
        });
    }

    /** The subscriptions to enabled channels of users who are not disabled. */
    List<Subscriber> activeSubscribers() {
        return sql.list("SELECT s.username, s.channel_id, s.min_severity, s.accounts"
                + " FROM notification_subscriptions s"
                + " JOIN notification_channels c ON c.channel_id = s.channel_id"
                + " JOIN users u ON u.username = s.username"
                + " WHERE c.enabled = 1 AND u.disabled = 0", r -> new Subscriber(r.getString(1), subscription(r, 2)));
    }

    /** The users granted {@code account}. */
    Set<String> usersGranted(String account) {
        return Set.copyOf(sql.list("SELECT username FROM user_accounts WHERE account = ?", r -> r.getString(1),
                account));
    }

    /**
     * Queues a delivery due at once; nothing when the same notification (key and time) is already
     * queued for the channel.
     *
     * @param nextAttemptAt when it is due
     * @return whether it was queued
     */
    boolean queue(String channelId, Notification n, boolean test, Instant nextAttemptAt) {
        long now = clock.millis();
        return sql.update("INSERT INTO notification_deliveries (" + DELIVERY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, 'pending', 0, NULL, ?, NULL, ?) ON CONFLICT (channel_id, notification_key, fired_at)"
                + " DO NOTHING", randomId(12), channelId, n.key(), n.severity().name(), n.account(), cut(n.code(), 64),
                cut(n.title(), MAX_TITLE), cut(n.message(), MAX_MESSAGE), n.time().toEpochMilli(), test,
                nextAttemptAt.toEpochMilli(), now) == 1;
    }

    /** A test delivery, queued but never due (the caller sends it itself). */
    Delivery queueTest(String channelId, Notification n) {
        queue(channelId, n, true, Instant.ofEpochMilli(Long.MAX_VALUE));
        return sql.one("SELECT " + DELIVERY_COLUMNS + " FROM notification_deliveries WHERE channel_id = ?"
                + " AND notification_key = ?", NotificationStore::delivery, channelId, n.key()).orElseThrow();
    }

    /** Pending deliveries due at {@code now}, the longest waiting first. */
    List<Delivery> due(Instant now, int limit) {
        return sql.list("SELECT " + DELIVERY_COLUMNS + " FROM notification_deliveries WHERE status = 'pending'"
                + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT " + limit, NotificationStore::delivery,
                now.toEpochMilli());
    }

    /**
     * Takes a due delivery for one sender by moving its next attempt to {@code until}; false when another
     * sender (on this node or another) took it first.
     */
    boolean claim(Delivery d, Instant until) {
        return sql.update("UPDATE notification_deliveries SET next_attempt_at = ? WHERE delivery_id = ?"
                + " AND status = 'pending' AND next_attempt_at = ?", until.toEpochMilli(), d.id(),
                d.nextAttemptAt().toEpochMilli()) == 1;
    }

    /** Records an attempt that arrived. */
    void delivered(String id, int attempts, Instant at) {
        sql.update("UPDATE notification_deliveries SET status = 'delivered', attempts = ?, delivered_at = ?,"
                + " last_error = NULL WHERE delivery_id = ? AND status = 'pending'", attempts, at.toEpochMilli(), id);
    }

    /** Records a failed attempt: tried again at {@code retryAt}, or failed for good when empty. */
    void failed(String id, int attempts, String error, Optional<Instant> retryAt) {
        sql.update("UPDATE notification_deliveries SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?"
                + " WHERE delivery_id = ? AND status = 'pending'", retryAt.isPresent() ? "pending" : "failed",
                attempts, cut(error, MAX_ERROR), retryAt.orElse(clock.instant()).toEpochMilli(), id);
    }

    /** Test deliveries a stopped server left pending: they were never going to be sent. */
    void abandonTests() {
        sql.update("UPDATE notification_deliveries SET status = 'failed', last_error = ? WHERE test = 1"
                + " AND status = 'pending'", "the server stopped during the test");
    }

    /** A delivery by id. */
    public Optional<Delivery> delivery(String id) {
        return sql.one("SELECT " + DELIVERY_COLUMNS + " FROM notification_deliveries WHERE delivery_id = ?",
                NotificationStore::delivery, id);
    }

    /** The newest deliveries first, at most {@code limit}, of one channel or of all. */
    public List<Delivery> recent(Optional<String> channelId, int limit) {
        String where = channelId.isPresent() ? " WHERE channel_id = ?" : "";
        Object[] parameters = channelId.<Object[]>map(c -> new Object[] {c}).orElse(new Object[0]);
        return sql.list("SELECT " + DELIVERY_COLUMNS + " FROM notification_deliveries" + where
                + " ORDER BY created_at DESC, delivery_id DESC LIMIT " + limit, NotificationStore::delivery,
                parameters);
    }

    /** When a test notification last arrived, through any channel. */
    public Optional<Instant> lastTestDelivered() {
        return sql.one("SELECT delivered_at FROM notification_deliveries WHERE test = 1 AND status = 'delivered'"
                + " ORDER BY delivered_at DESC LIMIT 1", r -> Instant.ofEpochMilli(r.getLong(1)));
    }

    private static StoredChannel channel(ResultSet r) throws SQLException {
        return new StoredChannel(r.getString(1), r.getString(2), ChannelKind.parse(r.getString(3)).orElseThrow(),
                settings(r.getString(4)), r.getString(5), Instant.ofEpochMilli(r.getLong(6)), r.getShort(7) == 1);
    }

    private static Map<String, String> settings(String json) {
        return Json.MAPPER.convertValue(Json.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new TypeReference<Map<String, String>>() { });
    }

    private static Subscription subscription(ResultSet r, int first) throws SQLException {
        String accounts = r.getString(first + 2);
        Set<AccountId> listed = new LinkedHashSet<>();
        if (!ALL.equals(accounts)) {
            Arrays.stream(accounts.split(",")).filter(a -> !a.isBlank()).map(AccountId::of).forEach(listed::add);
        }
        return new Subscription(r.getString(first), Alerts.Severity.valueOf(r.getString(first + 1)), listed);
    }

    private static Delivery delivery(ResultSet r) throws SQLException {
        Notification n = new Notification(r.getString(3), Alerts.Severity.valueOf(r.getString(4)), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), Instant.ofEpochMilli(r.getLong(9)));
        long deliveredAt = r.getLong(15);
        Optional<Instant> delivered = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deliveredAt));
        return new Delivery(r.getString(1), r.getString(2), n, r.getShort(10) == 1,
                Delivery.Status.parse(r.getString(11)), r.getInt(12), Optional.ofNullable(r.getString(13)),
                Instant.ofEpochMilli(r.getLong(14)), delivered, Instant.ofEpochMilli(r.getLong(16)));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String randomId(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
