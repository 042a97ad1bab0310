package com.quantdesk.server.limits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Revoked tokens in the database's {@code revoked_tokens} table, for a single server node without
 * Redis. The unexpired revocations are also held in memory, loaded when this is made and added to
 * on every revocation, so {@link #isRevoked} (asked on every request) never queries the database.
 * Another node's later revocations are not seen: more than one node needs
 * {@link RedisTokenRevocations}.
 *
 * <p>Expired rows stay until {@link #purgeExpired} deletes them; call it now and then.
 */
public final class JdbcTokenRevocations implements TokenRevocations {

    private static final String LOAD = "SELECT jti, expires_at FROM revoked_tokens WHERE expires_at > ?";
    // Revoking twice keeps the later expiry: a revocation is never shortened.
    private static final String UPSERT = "INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?)"
            + " ON CONFLICT (jti) DO UPDATE SET expires_at = excluded.expires_at"
            + " WHERE excluded.expires_at > revoked_tokens.expires_at";
    private static final String PURGE = "DELETE FROM revoked_tokens WHERE expires_at <= ?";
    private static final int VALIDATION_TIMEOUT_SECONDS = 1;

    private final DataSource dataSource;
    private final InstantSource clock;
    // jti -> when the token expires, epoch millis
    private final ConcurrentHashMap<String, Long> revoked = new ConcurrentHashMap<>();

    /**
     * Loads the revocations that have not expired.
     *
     * @throws IllegalStateException when the table cannot be read
     */
    public JdbcTokenRevocations(DataSource dataSource, InstantSource clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(LOAD)) {
            select.setLong(1, clock.millis());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    revoked.merge(rows.getString(1), rows.getLong(2), Math::max);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load revoked tokens: " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the revocation cannot be written to the database; it holds
     *                               in this process all the same, but not after a restart
     */
    @Override
    public void revoke(String jti, Instant expiresAt) {
        TokenRevocations.requireValidJti(jti);
        long expires = expiresAt.toEpochMilli();
        if (expires <= clock.millis()) {
            return; // expired tokens are refused anyway
        }
        // In memory first, so the token is refused from now on even if the write below fails.
        revoked.merge(jti, expires, Math::max);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, jti);
            upsert.setLong(2, expires);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a token's revocation: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isRevoked(String jti) {
        Objects.requireNonNull(jti, "jti");
        Long expires = revoked.get(jti);
        return expires != null && expires > clock.millis();
    }

    /**
     * Forgets revocations of tokens that expired at or before {@code now}, in memory and in the
     * database.
     *
     * @return how many rows were deleted
     * @throws IllegalStateException when the database cannot be written
     */
    public int purgeExpired(Instant now) {
        long cutoff = now.toEpochMilli();
        revoked.values().removeIf(expires -> expires <= cutoff);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(PURGE)) {
            delete.setLong(1, cutoff);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge expired token revocations: " + e.getMessage(), e);
        }
    }

    /** Whether a connection to the database can be had and answers. */
    @Override
    public boolean healthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
