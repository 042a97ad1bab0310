package com.quantdesk.server.trading;

import com.quantdesk.server.db.Sql;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Answers to placements by {@code Idempotency-Key}, per user, for 24 hours: a retried request gets
 * the first answer instead of a second order. A key is claimed before the order goes to the engine
 * and given its answer after; a claim whose request died with the process is settled from the audit
 * trail, which records the order in the same journal step as its placement.
 */
public final class IdempotencyKeys {

    /** How long answers are kept. */
    public static final Duration KEEP = Duration.ofHours(24);
    /** A claim older than this without an answer belongs to a request that will not answer. */
    static final Duration ABANDONED = Duration.ofSeconds(30);

    /** What claiming a key found. */
    public sealed interface Claim {
        /** The key is new: this request goes ahead and must {@link #answer} it. */
        record Fresh() implements Claim {
        }

        /** The first request's answer. */
        record Answered(int status, String body) implements Claim {
        }

        /** The first request is still running. */
        record Running() implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /**
         * The first request died after claiming the key; {@code correlationId} finds what it did
         * in the audit trail. The caller settles it with {@link #answer} or {@link #release}.
         */
        record Abandoned(String correlationId) implements Claim {
        }
    }

    private final Sql sql;
    private final InstantSource clock;

    /** @param sql the store's database */
    public IdempotencyKeys(Sql sql, InstantSource clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Claims {@code key} for a request with this {@code fingerprint} (a hash of what it asks).
     *
     * @param correlationId the request's correlation id, kept to settle an abandoned claim
     */
    public Claim claim(String username, String key, String fingerprint, String correlationId) {
        long now = clock.millis();
        sql.update("DELETE FROM idempotency_keys WHERE username = ? AND idem_key = ? AND created_at < ?", username, key,
                now - KEEP.toMillis());
        int inserted = sql.update("INSERT INTO idempotency_keys (username, idem_key, fingerprint, status, body, "
                + "correlation_id, created_at) VALUES (?, ?, ?, 0, '', ?, ?) ON CONFLICT (username, idem_key) DO NOTHING",
                username, key, fingerprint, correlationId, now);
        if (inserted == 1) {
            return new Claim.Fresh();
        }
        record Row(String fingerprint, int status, String body, String correlationId, long created) {
        }
        Optional<Row> row = sql.one("SELECT fingerprint, status, body, correlation_id, created_at FROM "
                + "idempotency_keys WHERE username = ? AND idem_key = ?", r -> new Row(r.getString(1), r.getInt(2),
                r.getString(3), r.getString(4), r.getLong(5)), username, key);
        if (row.isEmpty()) {
            // Purged between our insert and read: claim again.
            return claim(username, key, fingerprint, correlationId);
        }
        Row r = row.get();
        if (!r.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        if (r.status() != 0) {
            return new Claim.Answered(r.status(), r.body());
        }
        if (now - r.created() > ABANDONED.toMillis()) {
            // Take the claim over, so two retries do not both settle it.
            int taken = sql.update("UPDATE idempotency_keys SET created_at = ?, correlation_id = ? WHERE username = ? "
                    + "AND idem_key = ? AND status = 0 AND created_at = ?", now, correlationId, username, key,
                    r.created());
            return taken == 1 ? new Claim.Abandoned(r.correlationId()) : new Claim.Running();
        }
        return new Claim.Running();
    }

    /** Keeps the answer to a claimed key. */
    public void answer(String username, String key, int status, String body) {
        sql.update("UPDATE idempotency_keys SET status = ?, body = ? WHERE username = ? AND idem_key = ?", status, body,
                username, key);
    }

    /** Gives a claim up (the request failed before anything was done), so a retry runs afresh. */
    public void release(String username, String key) {
        sql.update("DELETE FROM idempotency_keys WHERE username = ? AND idem_key = ? AND status = 0", username, key);
    }

    /** Deletes answers older than 24 hours. */
    public int purge() {
        return sql.update("DELETE FROM idempotency_keys WHERE created_at < ?", clock.millis() - KEEP.toMillis());
    }
}
