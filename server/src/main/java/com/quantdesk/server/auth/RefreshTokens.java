package com.quantdesk.server.auth;

import com.quantdesk.server.db.Sql;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Refresh tokens: opaque, stored only as a SHA-256, rotated on every use. The tokens one login
 * produces form a family; presenting a token that was already rotated means it was copied, so the
 * whole family is revoked and both the thief and the owner must sign in again.
 */
public final class RefreshTokens {

    private static final String PREFIX = "qdr_";

    /** A token handed out. */
    public record Issued(String token, String family, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[family=" + family + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** What presenting a token led to. */
    public sealed interface Rotation {
        /** Accepted: the token is used up and {@code next} replaces it. */
        record Rotated(String username, Issued next) implements Rotation {
        }

        /** A rotated token came back: its family is revoked. */
        record Reused(String username, String family) implements Rotation {
        }

        /** Unknown, expired or revoked. */
        record Refused(String reason) implements Rotation {
        }
    }

    private final Sql sql;
    private final InstantSource clock;
    private final Duration ttl;

    /**
     * @param sql   the store's database
     * @param clock time source
     * @param ttl   life of each token
     */
    public RefreshTokens(Sql sql, InstantSource clock, Duration ttl) {
        this.sql = sql;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Starts a new family (a login) for {@code username}. */
    public Issued issue(String username) {
        return insert(username, Secrets.random(16));
    }

    private Issued insert(String username, String family) {
        String token = PREFIX + Secrets.random(32);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        sql.update("INSERT INTO refresh_tokens (token_hash, family, username, issued_at, expires_at, rotated, revoked) "
                + "VALUES (?, ?, ?, ?, ?, 0, 0)", Secrets.sha256(token), family, username, now.toEpochMilli(),
                expires.toEpochMilli());
        return new Issued(token, family, expires);
    }

    /** Uses a token up and issues its successor, or says why not. */
    public Rotation rotate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return new Rotation.Refused("refresh token malformed");
        }
        String hash = Secrets.sha256(token);
        long now = clock.millis();
        int used = sql.update("UPDATE refresh_tokens SET rotated = 1 WHERE token_hash = ? AND rotated = 0 "
                + "AND revoked = 0 AND expires_at > ?", hash, now);
        record Row(String family, String username, boolean rotated, boolean revoked, long expires) {
        }
        Optional<Row> row = sql.one("SELECT family, username, rotated, revoked, expires_at FROM refresh_tokens "
                + "WHERE token_hash = ?", r -> new Row(r.getString(1), r.getString(2), r.getInt(3) != 0,
                r.getInt(4) != 0, r.getLong(5)), hash);
        if (row.isEmpty()) {
            return new Rotation.Refused("refresh token unknown");
        }
        Row r = row.get();
        if (used == 1) {
            // Only into a family nobody revoked meanwhile (a logout, a detected reuse, a password change
            // running beside this refresh): otherwise the successor would outlive the revocation.
            String next = PREFIX + Secrets.random(32);
            Instant issued = clock.instant();
            Instant expires = issued.plus(ttl);
            int inserted = sql.update("INSERT INTO refresh_tokens (token_hash, family, username, issued_at, expires_at, "
                    + "rotated, revoked) SELECT ?, ?, ?, ?, ?, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens "
                    + "WHERE family = ? AND revoked = 1)", Secrets.sha256(next), r.family(), r.username(),
                    issued.toEpochMilli(), expires.toEpochMilli(), r.family());
            return inserted == 1 ? new Rotation.Rotated(r.username(), new Issued(next, r.family(), expires))
                    : new Rotation.Refused("refresh token revoked");
        }
        if (r.revoked()) {
            return new Rotation.Refused("refresh token revoked");
        }
        if (r.rotated()) {
            revokeFamily(r.family());
            return new Rotation.Reused(r.username(), r.family());
        }
        return new Rotation.Refused("refresh token expired");
    }

    /** The family of a token, if the token is known. */
    public Optional<String> familyOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return sql.one("SELECT family FROM refresh_tokens WHERE token_hash = ?", r -> r.getString(1),
                Secrets.sha256(token));
    }

    /** Revokes every token of a family (a logout, a detected reuse). */
    public void revokeFamily(String family) {
        sql.update("UPDATE refresh_tokens SET revoked = 1 WHERE family = ?", family);
    }

    /** Revokes every token of a user (password changed, user disabled). */
    public void revokeUser(String username) {
        sql.update("UPDATE refresh_tokens SET revoked = 1 WHERE username = ?", username);
    }

    /** Whether a family still has a live token (its login is still going). */
    public boolean live(String family) {
        return sql.one("SELECT COUNT(*) FROM refresh_tokens WHERE family = ? AND revoked = 0 AND rotated = 0 "
                + "AND expires_at > ?", r -> r.getLong(1), family, clock.millis()).orElse(0L) > 0;
    }

    /** Deletes tokens that expired more than a day ago. */
    public int purge() {
        return sql.update("DELETE FROM refresh_tokens WHERE expires_at < ?",
                clock.instant().minus(Duration.ofDays(1)).toEpochMilli());
    }

    /** The families still live of a user (for tests and the admin view). */
    List<String> liveFamilies(String username) {
        return sql.list("SELECT DISTINCT family FROM refresh_tokens WHERE username = ? AND revoked = 0 AND rotated = 0 "
                + "AND expires_at > ?", r -> r.getString(1), username, clock.millis());
    }
}
