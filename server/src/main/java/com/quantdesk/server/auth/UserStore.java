package com.quantdesk.server.auth;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.db.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Users, their roles and granted accounts, in the {@code users} and {@code user_accounts} tables.
 * Passwords are bcrypt hashes; TOTP secrets are sealed (see {@code SecretBox}) before they get here.
 */
public final class UserStore {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final String COLUMNS = "username, password_hash, roles, disabled, totp_secret, totp_pending, "
            + "totp_last_step, failed_logins, locked_until, password_changed_at";

    /**
     * A user as stored.
     *
     * @param username          lower-case name
     * @param passwordHash      bcrypt hash
     * @param roles             roles
     * @param disabled          whether the user may no longer sign in
     * @param totpSecret        sealed TOTP secret once enrolment is confirmed, else empty
     * @param totpPending       sealed TOTP secret awaiting confirmation, else empty
     * @param totpLastStep      the last TOTP time step used (a code is good once)
     * @param failedLogins      failed logins since the last success or lock
     * @param lockedUntil       end of the current lock
     * @param passwordChangedAt when the password last changed (tokens issued before are refused)
     * @param accounts          granted accounts
     */
    public record User(String username, String passwordHash, Set<Role> roles, boolean disabled,
                       Optional<String> totpSecret, Optional<String> totpPending, long totpLastStep,
                       int failedLogins, Instant lockedUntil, Instant passwordChangedAt, Set<AccountId> accounts) {

        /** Whether the user has a confirmed second factor. */
        public boolean totpEnabled() {
            return totpSecret.isPresent();
        }
    }

    private final Sql sql;
    private final InstantSource clock;

    /** @param sql the store's database */
    public UserStore(Sql sql, InstantSource clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * The canonical (lower-case) form of a user name.
     *
     * @throws IllegalArgumentException when it is not 3 to 64 of a-z, 0-9, '.', '_', '-'
     */
    public static String canonical(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 3 to 64 characters: letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return name;
    }

    /** Whether no user exists yet. */
    public boolean isEmpty() {
        return sql.one("SELECT COUNT(*) FROM users", r -> r.getLong(1)).orElse(0L) == 0;
    }

    /** A user by (canonical) name. */
    public Optional<User> find(String username) {
        Optional<User> user = sql.one("SELECT " + COLUMNS + " FROM users WHERE username = ?",
                r -> read(r, Set.of()), username);
        return user.map(u -> withAccounts(u, accounts(u.username())));
    }

    /** Every user, by name. */
    public List<User> list() {
        Map<String, Set<AccountId>> grants = new HashMap<>();
        sql.list("SELECT username, account FROM user_accounts", r -> grants.computeIfAbsent(r.getString(1),
                k -> sortedAccounts()).add(AccountId.of(r.getString(2))));
        return sql.list("SELECT " + COLUMNS + " FROM users ORDER BY username",
                r -> read(r, grants.getOrDefault(r.getString(1), Set.of())));
    }

    /** Creates a user; false when the name is taken. */
    public boolean create(String username, String passwordHash, Set<Role> roles, Set<AccountId> accounts) {
        long now = clock.millis();
        return sql.transaction(c -> {
            int inserted = Sql.update(c, "INSERT INTO users (username, password_hash, roles, disabled, totp_last_step, "
                    + "failed_logins, locked_until, created_at, updated_at, password_changed_at) "
                    + "VALUES (?, ?, ?, 0, 0, 0, 0, ?, ?, ?) ON CONFLICT (username) DO NOTHING", username, passwordHash,
                    Role.format(roles), now, now, now);
            if (inserted == 1) {
                replaceAccounts(c, username, accounts);
            }
            return inserted == 1;
        });
    }

    /** Sets a user's roles; false when there is no such user. */
    public boolean setRoles(String username, Set<Role> roles) {
        return sql.update("UPDATE users SET roles = ?, updated_at = ? WHERE username = ?", Role.format(roles),
                clock.millis(), username) == 1;
    }

    /** Disables or enables a user; false when there is no such user. */
    public boolean setDisabled(String username, boolean disabled) {
        return sql.update("UPDATE users SET disabled = ?, failed_logins = 0, updated_at = ? WHERE username = ?",
                disabled, clock.millis(), username) == 1;
    }

    /** Replaces a user's granted accounts; false when there is no such user. */
    public boolean setAccounts(String username, Set<AccountId> accounts) {
        return sql.transaction(c -> {
            if (Sql.update(c, "UPDATE users SET updated_at = ? WHERE username = ?", clock.millis(), username) != 1) {
                return false;
            }
            replaceAccounts(c, username, accounts);
            return true;
        });
    }

    private void replaceAccounts(Connection c, String username, Set<AccountId> accounts) throws SQLException {
        Sql.update(c, "DELETE FROM user_accounts WHERE username = ?", username);
        for (AccountId account : accounts) {
            Sql.update(c, "INSERT INTO user_accounts (username, account) VALUES (?, ?)", username, account.value());
        }
    }

    /** Sets a new password hash; every token issued before now stops working. */
    public void setPassword(String username, String passwordHash) {
        long now = clock.millis();
        sql.update("UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE username = ?",
                passwordHash, now, now, username);
    }

    /**
     * Counts a failed login; at {@code lockAfter} failures in a row the user is locked for
     * {@code lockFor} and the count starts again.
     *
     * @return whether this failure locked the user
     */
    public boolean recordFailure(String username, int lockAfter, Duration lockFor) {
        return sql.transaction(c -> {
            Sql.update(c, "UPDATE users SET failed_logins = failed_logins + 1 WHERE username = ?", username);
            int failures = Sql.list(c, "SELECT failed_logins FROM users WHERE username = ?", r -> r.getInt(1), username)
                    .stream().findFirst().orElse(0);
            if (failures < lockAfter) {
                return false;
            }
            Sql.update(c, "UPDATE users SET failed_logins = 0, locked_until = ? WHERE username = ?",
                    clock.instant().plus(lockFor).toEpochMilli(), username);
            return true;
        });
    }

    /** Forgets failed logins after a successful one. */
    public void recordSuccess(String username) {
        sql.update("UPDATE users SET failed_logins = 0 WHERE username = ? AND failed_logins <> 0", username);
    }

    /** Keeps a sealed TOTP secret awaiting confirmation. */
    public void setTotpPending(String username, String sealedSecret) {
        sql.update("UPDATE users SET totp_pending = ?, updated_at = ? WHERE username = ?", sealedSecret,
                clock.millis(), username);
    }

    /** Makes the pending TOTP secret the user's second factor, with its first code's step used. */
    public void confirmTotp(String username, long step) {
        sql.update("UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ?, "
                + "updated_at = ? WHERE username = ? AND totp_pending IS NOT NULL", step, clock.millis(), username);
    }

    /** Removes the user's second factor (an admin's reset). */
    public boolean clearTotp(String username) {
        return sql.update("UPDATE users SET totp_secret = NULL, totp_pending = NULL, updated_at = ? WHERE username = ?",
                clock.millis(), username) == 1;
    }

    /**
     * Marks a TOTP step used; false when it (or a later one) was used already, so one code signs in
     * once even when two servers see it at the same moment.
     */
    public boolean useTotpStep(String username, long step) {
        return sql.update("UPDATE users SET totp_last_step = ? WHERE username = ? AND totp_last_step < ?", step,
                username, step) == 1;
    }

    private Set<AccountId> accounts(String username) {
        Set<AccountId> accounts = sortedAccounts();
        accounts.addAll(sql.list("SELECT account FROM user_accounts WHERE username = ?",
                r -> AccountId.of(r.getString(1)), username));
        return accounts;
    }

    private static Set<AccountId> sortedAccounts() {
        return new TreeSet<>(Comparator.comparing(AccountId::value));
    }

    private static User withAccounts(User u, Set<AccountId> accounts) {
        return new User(u.username(), u.passwordHash(), u.roles(), u.disabled(), u.totpSecret(), u.totpPending(),
                u.totpLastStep(), u.failedLogins(), u.lockedUntil(), u.passwordChangedAt(), accounts);
    }

    private static User read(ResultSet r, Set<AccountId> accounts) throws SQLException {
        return new User(r.getString(1), r.getString(2), Role.parse(r.getString(3)), r.getInt(4) != 0,
                Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getString(6)), r.getLong(7), r.getInt(8),
                Instant.ofEpochMilli(r.getLong(9)), Instant.ofEpochMilli(r.getLong(10)), accounts);
    }
}
