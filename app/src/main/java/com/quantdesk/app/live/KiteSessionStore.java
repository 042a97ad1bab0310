package com.quantdesk.app.live;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.kite.rest.KiteSession;
import com.quantdesk.server.auth.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each account's Kite login (its access token of the day) in the {@code broker_sessions} table,
 * sealed under the key in {@value #KEY_ENV}: the token never reaches the database, a backup or a log
 * in the clear.
 */
public final class KiteSessionStore {

    /** Environment variable holding the key that seals broker tokens: 64 hex digits. */
    public static final String KEY_ENV = "DATA_ENCRYPTION_KEY";
    private static final String BROKER = "kite";

    private final DataSource data;
    private final SecretBox box;
    private final InstantSource clock;

    /**
     * A login stored for an account.
     *
     * @param apiKey  the Kite app it was made with
     * @param session the session (access token, user id, login time)
     */
    public record Stored(String apiKey, KiteSession session) {
    }

    KiteSessionStore(DataSource data, SecretBox box, InstantSource clock) {
        this.data = data;
        this.box = box;
        this.clock = clock;
    }

    /**
     * The store over {@code data}, sealing with the key in {@value #KEY_ENV}.
     *
     * @throws IllegalArgumentException naming the variable when it is missing or not 64 hex digits
     */
    public static KiteSessionStore open(DataSource data, Map<String, String> env, InstantSource clock) {
        return new KiteSessionStore(data, SecretBox.of(key(env)), clock);
    }

    static byte[] key(Map<String, String> env) {
        String hex = Optional.ofNullable(env.get(KEY_ENV)).map(String::strip).orElse("");
        if (hex.isEmpty()) {
            throw new IllegalArgumentException(KEY_ENV + ": not set; broker tokens are stored sealed under it. "
                    + "Create one with 'openssl rand -hex 32', keep it outside the database and back it up");
        }
        if (hex.length() != 64 || !hex.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException(KEY_ENV + ": must be 64 hex digits (32 bytes)");
        }
        return HexFormat.of().parseHex(hex);
    }

    /** Stores (or replaces) the account's login. */
    public void save(AccountId account, String apiKey, KiteSession session) {
        String sealed = box.seal(session.accessToken());
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM broker_sessions WHERE account = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO broker_sessions (account, broker, api_key,"
                         + " user_id, sealed_token, login_time, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, account.value());
                delete.executeUpdate();
                insert.setString(1, account.value());
                insert.setString(2, BROKER);
                insert.setString(3, apiKey);
                insert.setString(4, session.userId());
                insert.setString(5, sealed);
                insert.setString(6, session.loginTime().toString());
                insert.setString(7, clock.instant().toString());
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the Kite login of " + account + ": " + e.getMessage(), e);
        }
    }

    /**
     * The account's stored login, if any.
     *
     * @throws IllegalStateException when the token cannot be opened (another {@value #KEY_ENV})
     */
    public Optional<Stored> load(AccountId account) {
        try (Connection c = data.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT api_key, user_id, sealed_token, login_time FROM "
                     + "broker_sessions WHERE account = ? AND broker = ?")) {
            s.setString(1, account.value());
            s.setString(2, BROKER);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String token;
                try {
                    token = box.open(r.getString(3));
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("the stored Kite login of " + account + " cannot be opened with "
                            + "this " + KEY_ENV + " (another key sealed it); log in again", e);
                }
                return Optional.of(new Stored(r.getString(1), new KiteSession(token, r.getString(2),
                        Instant.parse(r.getString(4)))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Kite login of " + account + ": " + e.getMessage(), e);
        }
    }
}
