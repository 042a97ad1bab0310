package com.quantdesk.server.auth;

import com.quantdesk.server.db.Sql;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys for programs: {@code qdk_<id>_<secret>}, shown once when created; the database keeps the
 * id and a SHA-256 of the secret. A key acts for its owner, within the owner's roles and accounts,
 * and its scope (read, or read and trade) narrows that further. Verified keys are remembered for a
 * few seconds, so a revocation made on another server takes effect within that time.
 */
public final class ApiKeys {

    private static final Pattern FORMAT = Pattern.compile("qdk_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");
    private static final Duration REMEMBER = Duration.ofSeconds(5);
    private static final Duration TOUCH = Duration.ofMinutes(1);

    /** A key just created; {@code key} is never shown again. */
    public record Created(String id, String key, String name, KeyScope scope, Instant createdAt) {
        @Override
        public String toString() {
            return "Created[id=" + id + ", name=" + name + ", scope=" + scope + "]";
        }
    }

    /** A key as listed (without its secret). */
    public record Listed(String id, String username, String name, KeyScope scope, Instant createdAt,
                         Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {
    }

    /** A key that checked out: whose it is and what it may do. */
    public record Found(String id, String username, KeyScope scope) {
    }

    private record Remembered(Found found, String secretHash, Instant until, Instant touched) {
    }

    private final Sql sql;
    private final InstantSource clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    /** @param sql the store's database */
    public ApiKeys(Sql sql, InstantSource clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Creates a key for {@code username}. */
    public Created create(String username, String name, KeyScope scope) {
        String id = Secrets.hex(8);
        String secret = Secrets.random(32);
        Instant now = clock.instant();
        sql.update("INSERT INTO api_keys (key_id, username, name, secret_hash, scope, created_at, last_used_at, "
                + "revoked_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)", id, username, name, Secrets.sha256(secret),
                scope.name(), now.toEpochMilli());
        return new Created(id, "qdk_" + id + "_" + secret, name, scope, now);
    }

    /** The keys of one user, or of everyone. */
    public List<Listed> list(Optional<String> username) {
        String where = username.isPresent() ? " WHERE username = ?" : "";
        Object[] parameters = username.<Object[]>map(u -> new Object[] {u}).orElse(new Object[0]);
        return sql.list("SELECT key_id, username, name, scope, created_at, last_used_at, revoked_at FROM api_keys"
                + where + " ORDER BY created_at, key_id", r -> new Listed(r.getString(1), r.getString(2),
                r.getString(3), KeyScope.valueOf(r.getString(4)), Instant.ofEpochMilli(r.getLong(5)),
                instant(r.getLong(6)), instant(r.getLong(7))), parameters);
    }

    /** The owner of a key, if it exists. */
    public Optional<String> owner(String id) {
        return sql.one("SELECT username FROM api_keys WHERE key_id = ?", r -> r.getString(1), id);
    }

    /** Whether the key with this id exists and is not revoked. */
    public boolean live(String id) {
        return sql.one("SELECT revoked_at FROM api_keys WHERE key_id = ?", r -> r.getLong(1), id)
                .map(revokedAt -> revokedAt == 0).orElse(false);
    }

    /** Revokes a key; false when there is no such key or it was revoked already. */
    public boolean revoke(String id) {
        remembered.remove(id);
        return sql.update("UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at = 0", clock.millis(),
                id) == 1;
    }

    /** Revokes every key of a user (the user was disabled). */
    public void revokeUser(String username) {
        remembered.values().removeIf(r -> r.found().username().equals(username));
        sql.update("UPDATE api_keys SET revoked_at = ? WHERE username = ? AND revoked_at = 0", clock.millis(),
                username);
    }

    /** The key's owner and scope, if {@code key} is a live key. */
    public Optional<Found> authenticate(String key) {
        Matcher m = FORMAT.matcher(key == null ? "" : key.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        String hash = Secrets.sha256(m.group(2));
        Instant now = clock.instant();
        Remembered known = remembered.get(id);
        if (known != null && now.isBefore(known.until())) {
            if (!Secrets.same(known.secretHash(), hash)) {
                return Optional.empty();
            }
            touch(known, now);
            return Optional.of(known.found());
        }
        record Row(String username, String hash, KeyScope scope, long revoked) {
        }
        Optional<Row> row = sql.one("SELECT username, secret_hash, scope, revoked_at FROM api_keys WHERE key_id = ?",
                r -> new Row(r.getString(1), r.getString(2), KeyScope.valueOf(r.getString(3)), r.getLong(4)), id);
        if (row.isEmpty() || row.get().revoked() != 0 || !Secrets.same(row.get().hash(), hash)) {
            remembered.remove(id);
            return Optional.empty();
        }
        Found found = new Found(id, row.get().username(), row.get().scope());
        Remembered fresh = new Remembered(found, hash, now.plus(REMEMBER), Instant.EPOCH);
        remembered.put(id, fresh);
        touch(fresh, now);
        return Optional.of(found);
    }

    private void touch(Remembered known, Instant now) {
        if (Duration.between(known.touched(), now).compareTo(TOUCH) >= 0) {
            remembered.put(known.found().id(), new Remembered(known.found(), known.secretHash(), known.until(), now));
            sql.update("UPDATE api_keys SET last_used_at = ? WHERE key_id = ?", now.toEpochMilli(), known.found().id());
        }
    }

    private static Optional<Instant> instant(long millis) {
        return millis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
